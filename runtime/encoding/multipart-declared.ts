// Multipart bodies sent under the media type the spec declares, for the operations whose body is a
// multipart type other than multipart/form-data (multipart/related, multipart/mixed, …) or whose
// Encoding Object gives parts header fields of their own. Plain multipart/form-data bodies keep
// multipart.ts's encoders, so a Worker without such an operation does not bundle this module.
//
// The parts are those multipart.ts makes of the body's properties (OpenAPI's default part types and
// the spec's `encoding` table), with what RFC 2046 and RFC 2387 ask of other subtypes:
// - the Content-Type is the declared type with its boundary; multipart/related also names its
//   root's media type in `type`, which RFC 2387 §3.1 makes mandatory;
// - parts go in the order the schema declares its properties, not the caller's: multipart/related's
//   root is its first part (RFC 2387 §3.2, no `start` parameter), and the spec author's first
//   property (an upload's JSON metadata before its media) is the one meant;
// - every part names its type: without a Content-Type a part of these subtypes is
//   `text/plain; charset=us-ascii` (RFC 2046 §5.1), which UTF-8 text is not, so text parts say
//   `text/plain; charset=utf-8` (RFC 7578 §4.4 gives form-data fields their own default instead);
// - each part keeps `Content-Disposition: form-data; name=…` (and `filename` for a file), because
//   OpenAPI 3.0.4 and 3.1.1 correlate an object's properties with parts by that name ("Encoding
//   Object"; for multipart/mixed "implementations MAY choose to support such types when
//   Content-Disposition: form-data is used with a name parameter"), so a server reading parts by
//   name finds them, while one reading multipart/related by position need not look (RFC 2183
//   makes Content-Disposition valid on any body part);
// - header fields the Encoding Object fixes (`headers` whose schema allows one value) on each part
//   of that property.
// A body that would break RFC 2046 (no part at all) or that the declared type cannot carry (a
// FormData, which fetch always sends as multipart/form-data) is refused before anything is sent.

import type { BodyEncoder, CallRequest } from '../contract.ts';
import { MULTIPART_HEADERS, dispositionOf, newBoundary, partsOf, type Part, type PartTable } from './multipart.ts';
import { sentAsIs } from './sent-body.ts';

/** What the generator knows of one operation's multipart body (model/multipart-body.ts). */
export interface DeclaredMultipart {
  /** The declared media type with its parameters, lower-case, without a boundary: `multipart/related`. */
  readonly type: string;
  /** Top-level properties in the order the schema declares them; others follow in the caller's order. */
  readonly order?: readonly string[];
  /** Properties whose `encoding` departs from OpenAPI's default part types (multipart.ts PartTable). */
  readonly parts?: PartTable;
  /** Property → header fields every part of it carries, from its Encoding Object's `headers`. */
  readonly headers?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

const FORM_DATA = /^multipart\/form-data\s*(?:;|$)/;
const RELATED = /^multipart\/related\s*(?:;|$)/;
const TYPE_PARAMETER = /;\s*type\s*=/;
const TEXT = 'text/plain; charset=utf-8';

const own = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);

/** The body's properties as entries, the declared ones first in declared order. */
function ordered(body: object, order: readonly string[]): object {
  const first = order.filter((name) => own(body, name));
  const named = new Set(first);
  const rest = Object.keys(body).filter((name) => !named.has(name));
  // fromEntries defines own properties, so a `__proto__` part stays a part.
  return Object.fromEntries([...first, ...rest].map((name) => [name, (body as Record<string, unknown>)[name]]));
}

function headOf(part: Part, formData: boolean, fields: Readonly<Record<string, string>> | undefined): string {
  let head = `${dispositionOf(part)}\r\n`;
  const type = part.type ?? (formData ? undefined : TEXT);
  if (type) head += `Content-Type: ${type}\r\n`;
  if (fields) for (const name of Object.keys(fields)) head += `${name}: ${fields[name]}\r\n`;
  return `${head}\r\n`;
}

/**
 * The body as a Blob typed with the declared media type and its boundary (and, for
 * multipart/related, `type` naming the root part's media type). A `boundary` given (random by
 * default) must be in lower case, as the Blob's type will be.
 */
export function encodeDeclaredMultipart(body: unknown, spec: DeclaredMultipart, boundary: string = newBoundary()): Blob {
  const formData = FORM_DATA.test(spec.type);
  if (body instanceof FormData && !formData) {
    throw new TypeError(`${spec.type} body: a FormData is always sent as multipart/form-data; pass an object of parts`);
  }
  // Only a record of parts is reordered; anything else goes to partsOf as given, which refuses it.
  const record = body !== null && typeof body === 'object' && !Array.isArray(body) && !(body instanceof Blob) && !(body instanceof ArrayBuffer) && !ArrayBuffer.isView(body);
  const inOrder = spec.order && record ? ordered(body, spec.order) : body;
  const parts = partsOf(inOrder, spec.parts ?? {});
  if (parts.length === 0 && !formData) throw new TypeError(`${spec.type} body: RFC 2046 requires at least one part, and the body has none`);
  const chunks: (Blob | string)[] = [];
  for (const part of parts) {
    const fields = spec.headers && own(spec.headers, part.name) ? spec.headers[part.name] : undefined;
    chunks.push(`--${boundary}\r\n${headOf(part, formData, fields)}`, part.data, '\r\n');
  }
  chunks.push(`--${boundary}--\r\n`);
  let type = `${spec.type}; boundary=${boundary}`;
  if (RELATED.test(spec.type) && !TYPE_PARAMETER.test(spec.type)) type += `; type="${(parts[0]!.type ?? TEXT).split(';')[0]!.trim()}"`;
  return new Blob(chunks, { type });
}

/** Writes the body once per call; the Blob's type is the Content-Type fetch sends (multipart.ts encodeInto says why). */
function encodeInto(request: CallRequest, headers: Record<string, string> | undefined, spec: DeclaredMultipart): void {
  const keep = request.body instanceof FormData && FORM_DATA.test(spec.type);
  if (request.body !== undefined && !keep) request.body = encodeDeclaredMultipart(request.body, spec);
  request.bodySerializer = sentAsIs;
  request.headers = { ...headers, ...MULTIPART_HEADERS };
}

/** The body encoder of an operation whose multipart body is described by `spec` (OperationMeta.encodeBody). */
export function multipartBodyAs(spec: DeclaredMultipart): BodyEncoder {
  return (request, headers) => encodeInto(request, headers, spec);
}
