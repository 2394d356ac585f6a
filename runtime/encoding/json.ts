// JSON request bodies whose spec names a media type other than plain application/json
// (application/vnd.api+json, application/merge-patch+json, application/json; charset=utf-8,
// text/json): the body is written as JSON text, as openapi-fetch would, but sent under the
// spec's media type, where openapi-fetch always says application/json (a JSON:API server, for
// one, refuses that).
import type { BodyEncoder } from '../contract.ts';
import { sendText } from './sent-body.ts';

/** The body encoder of a JSON operation sent as `mediaType` (OperationMeta.encodeBody). */
export function jsonBody(mediaType: string): BodyEncoder {
  return (request, headers) => sendText(request, headers, (body) => JSON.stringify(body), mediaType);
}
