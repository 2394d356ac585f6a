// Error bodies under a Content-Type that is not JSON (text/plain, text/html). openapi-fetch
// JSON-parses every error text it can, so a text/plain "404", "true" or "null" reached the caller
// as a number, a boolean or null, though the operation types that body as a string (or the text
// beside the schema's value: generator/model/read-body-types.ts). Such an answer's body is its
// text as sent, unless the text holds a JSON object or array: the schema's value under a label
// that does not admit it, which the error describers read (runtime/error-shapes.ts) and the type
// allows. A body without a Content-Type keeps openapi-fetch's reading: nothing says it is not JSON.
//
// The generator names keepErrorText only for operations that declare an error response under a
// type that is not JSON (generator/emit/encoders.ts), so every other operation's call runs without
// the extra step and a Worker whose operations declare only JSON errors bundles none of this.
import type { FetchLike } from '../contract.ts';
import { JSON_MEDIA_TYPE } from './json-type.ts';

/** Whether `response` is an error whose Content-Type is given and is not a JSON type. */
export function labelledText(response: Response): boolean {
  const type = response.headers.get('content-type');
  return !response.ok && !!type && !JSON_MEDIA_TYPE.test(type);
}

/** Whether an error labelled not JSON, with body `text`, keeps the JSON value of the text (an object or array). */
export function holdsJsonDocument(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value == 'object' && value !== null;
  } catch {
    return false;
  }
}

/**
 * `send` (the call's fetch) with an error labelled not JSON whose text is a JSON scalar handed on
 * as the JSON string of that text, which openapi-fetch's parsing turns back into the exact text.
 * Any other answer is handed on as it came. The copy is read to its end before the call releases
 * the attempt's time limit (contract.ts HOLD_BODY), so a stalled error body still ends the call.
 */
export function keepErrorText(send: FetchLike): FetchLike {
  return async (request, init) => {
    const response = await send(request, init);
    if (!labelledText(response)) return response;
    const text = await response.clone().text();
    // Empty: openapi-fetch's reading is the empty text (or nothing, with Content-Length 0) already.
    return text === '' || holdsJsonDocument(text) ? response : new Response(JSON.stringify(text), response);
  };
}
