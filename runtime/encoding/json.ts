// JSON request bodies whose spec names a media type other than plain application/json
// (application/vnd.api+json, application/merge-patch+json, application/json; charset=utf-8,
// text/json): the body is written as JSON text, as openapi-fetch would, but sent under the
// spec's media type, where openapi-fetch always says application/json (a JSON:API server, for
// one, refuses that).
import { SENT_BODY, type BodyEncoder } from '../contract.ts';

/** The body serializer for a body the encoder has already written. */
const sentAsIs = (body: unknown): unknown => body;

/** The body encoder of a JSON operation sent as `mediaType` (OperationMeta.encodeBody). */
export function jsonBody(mediaType: string): BodyEncoder {
  return (request, headers) => {
    if (request.body !== undefined) {
      const text = JSON.stringify(request.body);
      request.body = text;
      request[SENT_BODY] = text;
    }
    request.bodySerializer = sentAsIs;
    request.headers = { ...headers, 'Content-Type': mediaType };
  };
}
