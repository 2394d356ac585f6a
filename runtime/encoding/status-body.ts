// A success body whose reading depends on the status: the spec describes some success statuses'
// content and leaves others without any (a 202 beside a 200 JSON, the blank 201 that Swagger 2.0
// exports add to every POST). openapi-fetch reads every success body as JSON, so an answer on an
// undescribed status in text, or empty without a Content-Length, rejected a successful call with a
// SyntaxError (and a caller who retried a POST would send it twice). The generator asks for such
// an operation's body as bytes (`parseAs: 'blob'`); this reads it as the status's description
// says, and a status without one by its own Content-Type (undescribed-body.ts), as it does a status
// described as `*/*` (any type) with a schema that is not bytes, beside statuses read otherwise.
import { undescribedBody } from './undescribed-body.ts';

/** How a described success status is read: `json`, `text`, `blob` (the bytes as they are), or by its `content-type`. */
export type StatusReading = 'json' | 'text' | 'blob' | 'content-type';

/** The decoder for an operation whose described success statuses read as `described` (`200`, or a range `2XX`). */
export function statusBody(described: Readonly<Record<string, StatusReading>>): (data: unknown, response: Response) => Promise<unknown> {
  return async (data, response) => {
    const status = String(response.status);
    const reading = described[status] ?? described[`${status[0]}XX`];
    if (reading === undefined || reading === 'content-type') return undescribedBody(data, response);
    // No body at all (a 204, a HEAD): openapi-fetch has answered undefined already.
    if (!(data instanceof Blob) || reading === 'blob') return data;
    const text = await data.text();
    if (reading === 'text') return text;
    // Empty with no Content-Length (chunked) reads as nothing, as an empty body with one does.
    return text === '' ? undefined : JSON.parse(text);
  };
}
