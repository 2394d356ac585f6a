// Request bodies whose media type is neither JSON, urlencoded nor multipart (application/
// octet-stream, image/png, text/plain, application/xml, …): the caller's bytes or text are sent
// as they are, under the spec's media type. Without this encoder openapi-fetch would write
// JSON.stringify(body) as application/json: a Blob became the two bytes `{}`, a string its quoted
// JSON text.
import { SENT_BODY, type BodyEncoder, type CallRequest } from '../contract.ts';
import { sentAsIs } from './sent-body.ts';

function isSendable(body: unknown): body is string | Blob | ArrayBuffer | ArrayBufferView {
  return typeof body === 'string' || body instanceof Blob || body instanceof ArrayBuffer || ArrayBuffer.isView(body);
}

function describeValue(body: unknown): string {
  if (body === null) return 'null';
  if (typeof body !== 'object') return typeof body;
  return Object.getPrototypeOf(body)?.constructor?.name ?? 'object';
}

/**
 * The body encoder of an operation whose request body is sent raw as `mediaType`
 * (OperationMeta.encodeBody). A media type with a wildcard (`image/*`) names no type to send, so
 * the request takes the body's own (a Blob's `type`; text/plain;charset=UTF-8 for a string).
 * Anything other than a string, Blob, ArrayBuffer or typed array fails the call before it is
 * sent: there is no one way to write an object as, say, application/xml.
 */
export function rawBody(mediaType: string): BodyEncoder {
  const contentType = mediaType.includes('*') ? null : mediaType;
  return (request: CallRequest, headers) => {
    const body = request.body;
    if (body !== undefined) {
      if (!isSendable(body)) throw new TypeError(`a ${mediaType} request body must be a string, Blob, ArrayBuffer or typed array, not ${describeValue(body)}`);
      // Text goes to the pipeline as is, so it need not read the body back for the first attempt.
      if (typeof body === 'string') request[SENT_BODY] = body;
    }
    request.bodySerializer = sentAsIs;
    request.headers = { ...headers, 'Content-Type': contentType };
  };
}
