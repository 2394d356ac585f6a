// Request bodies whose media type is neither JSON, urlencoded nor multipart (application/
// octet-stream, image/png, text/plain, application/xml, …): the caller's bytes or text are sent
// as they are, under the spec's media type (under a range such as `*/*`, the body's own). Without
// this encoder openapi-fetch would write JSON.stringify(body) as application/json: a Blob became
// the two bytes `{}`, a string its quoted JSON text.
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

/** The media type of bytes that name none of their own (RFC 9110 §8.3: "unknown" data). */
const OCTET_STREAM = 'application/octet-stream';

/**
 * The Content-Type of `body` sent under a media range (`image/*`, `*\/*`), which names no type:
 * the body's own, a Blob's `type`, or text/plain;charset=UTF-8 for a string (null: fetch says
 * it); bytes without a type of their own (an ArrayBuffer, a typed array, a Blob whose `type` is
 * empty) go as application/octet-stream rather than with no Content-Type at all.
 */
function ownContentType(body: unknown): string | null {
  if (body instanceof Blob) return body.type || OCTET_STREAM;
  return body instanceof ArrayBuffer || ArrayBuffer.isView(body) ? OCTET_STREAM : null;
}

/**
 * The body encoder of an operation whose request body is sent raw as `mediaType`
 * (OperationMeta.encodeBody). A media type with a wildcard (`image/*`, `*\/*`) names no type to
 * send, so the request takes the body's own (ownContentType). Anything other than a string, Blob,
 * ArrayBuffer or typed array fails the call before it is sent: there is no one way to write an
 * object as, say, application/xml.
 */
export function rawBody(mediaType: string): BodyEncoder {
  const range = mediaType.includes('*');
  return (request: CallRequest, headers) => {
    const body = request.body;
    if (body !== undefined) {
      if (!isSendable(body)) throw new TypeError(`a ${mediaType} request body must be a string, Blob, ArrayBuffer or typed array, not ${describeValue(body)}`);
      // Text goes to the pipeline as is, so it need not read the body back for the first attempt.
      if (typeof body === 'string') request[SENT_BODY] = body;
    }
    request.bodySerializer = sentAsIs;
    request.headers = { ...headers, 'Content-Type': range ? ownContentType(body) : mediaType };
  };
}
