// What the client must know of a multipart body beyond its part table (multipart-parts.ts) when
// multipart.ts's form-data encoders do not fit, for runtime/encoding/multipart-declared.ts:
// - a declared type other than multipart/form-data (multipart/related, multipart/mixed, …): the
//   type to send, and the order the schema declares its properties in (multipart/related's root is
//   its first part, RFC 2387 §3.2);
// - the Encoding Object's `headers` (OAS 3.0/3.1: "additional information to be provided as
//   headers" of each part of that property; `Content-Type` among them SHALL be ignored). The
//   client has no input for a part header, so it sends the ones whose schema allows one value
//   (`const`, or an `enum` of one) and leaves out optional ones whose value the caller would choose.
//   A required one of those, a value no header line can carry, or a `Content-Disposition` (the
//   client writes each part's own, with its name) cannot be sent as the spec says: the spec is
//   refused at that header, with its pointer, rather than the operation sending parts without it.
import { deref, derefAt, toPointer } from '../json-pointer.ts';
import { EFFECTIVE_DOCUMENT, SvcgenInputError } from '../load/errors.ts';
import { declaredProperties } from './declared-properties.ts';

type Doc = Record<string, any>;

export interface DeclaredMultipartModel {
  /** The declared media type, lower-case, its parameters kept but any boundary dropped. */
  type: string;
  /** Property names in declared order (types other than multipart/form-data only). */
  order?: string[];
  /** Property → fixed header fields of each of its parts. */
  headers?: Record<string, Record<string, string>>;
}

const FORM_DATA = /^multipart\/form-data\s*(?:;|$)/i;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** What a header line can carry as written: printable ASCII and tabs (no CR or LF to end it early). */
const FIELD_TEXT = /^[\t\x20-\x7e]*$/;

/** Whether `mediaType` is multipart/form-data (with any parameters). */
export function isFormData(mediaType: string): boolean {
  return FORM_DATA.test(mediaType.trim());
}

/** `mediaType` lower-cased with any `boundary` parameter left out: the client writes its own. */
function sentType(mediaType: string): string {
  const [type, ...parameters] = mediaType.split(';').map((piece) => piece.trim());
  const kept = parameters.filter((p) => p !== '' && !/^boundary\s*=/i.test(p));
  return [type!.toLowerCase(), ...kept].join('; ').toLowerCase();
}

/** The one value a header's schema allows (`const`, or a one-item `enum`), as header text; undefined when it allows more. */
function fixedValue(doc: Doc, header: Doc): unknown {
  let schema = header.schema;
  if (schema === undefined && header.content && typeof header.content === 'object') {
    const media = Object.values<Doc>(header.content)[0];
    schema = media?.schema;
  }
  const resolved = deref<Doc>(doc, schema);
  if (!resolved || typeof resolved !== 'object') return undefined;
  if ('const' in resolved) return resolved.const;
  if (Array.isArray(resolved.enum) && resolved.enum.length === 1) return resolved.enum[0];
  return undefined;
}

function refuse(pointer: string, problem: string): never {
  throw new SvcgenInputError({ file: EFFECTIVE_DOCUMENT, pointer }, problem);
}

/** The fixed header fields of one property's parts, refusing those the client cannot send as declared. */
function partHeaders(doc: Doc, headers: Doc, at: string, property: string, operation: string): Record<string, string> | undefined {
  const out: [string, string][] = [];
  for (const name of Object.keys(headers)) {
    const found = derefAt<Doc>(doc, headers[name], `${at}/${toPointer([name]).slice(1)}`);
    const header = found?.value;
    if (!header || typeof header !== 'object') continue;
    const where = found!.pointer;
    const lower = name.toLowerCase();
    if (lower === 'content-type') continue;
    if (lower === 'content-disposition') {
      refuse(where, `${operation}: the parts of '${property}' declare their own Content-Disposition header, but the client writes each part's (form-data, with the part's name, which is how OpenAPI matches parts to properties); remove this header in an overlay`);
    }
    const value = fixedValue(doc, header);
    const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    if (!scalar) {
      if (header.required === true) {
        refuse(where, `${operation}: part header '${name}' of '${property}' is required, but its schema allows more than one value and the generated client has no input for it; give it a \`const\` (or a one-value \`enum\`) in an overlay if the API expects a fixed value, or make it optional`);
      }
      continue;
    }
    if (!TOKEN.test(name) || !FIELD_TEXT.test(String(value))) {
      refuse(where, `${operation}: part header '${name}' of '${property}' is fixed to ${JSON.stringify(value)}, which is not a header field name and value a part can carry`);
    }
    out.push([name, String(value)]);
  }
  return out.length ? Object.fromEntries(out) : undefined;
}

/**
 * The declared-multipart model of `operation`'s (`POST /files`) multipart body of `mediaType`,
 * whose Media Type Object is `media` at pointer `at`; undefined for plain multipart/form-data without part headers (the
 * form-data encoders serve it). Throws SvcgenInputError (at an effective-document pointer) for a
 * part header the client cannot send as declared.
 */
export function declaredMultipart(doc: Doc, operation: string, mediaType: string, media: Doc | undefined, at: string): DeclaredMultipartModel | undefined {
  const formData = isFormData(mediaType);
  const model: DeclaredMultipartModel = { type: sentType(mediaType) };
  if (!formData) {
    const order = [...declaredProperties(doc, media?.schema).keys()];
    if (order.length > 1) model.order = order;
  }
  const encoding = media?.encoding;
  if (encoding && typeof encoding === 'object') {
    // Entries in name order, as encoding-table.ts walks them, so the literal is stable.
    const pairs: [string, Record<string, string>][] = [];
    for (const property of Object.keys(encoding).sort()) {
      const headers = encoding[property]?.headers;
      if (!headers || typeof headers !== 'object') continue;
      const fields = partHeaders(doc, headers, `${at}/encoding/${toPointer([property]).slice(1)}/headers`, property, operation);
      if (fields) pairs.push([property, fields]);
    }
    if (pairs.length) model.headers = Object.fromEntries(pairs);
  }
  return formData && !model.headers ? undefined : model;
}
