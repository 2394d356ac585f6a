// `multipart/form-data` bodies (file uploads), part by part as OpenAPI's Encoding Object says.
// Absent an `encoding` entry for a top-level property (OAS 3.0.3 "Special Considerations for
// multipart Content", 3.1.1 "Encoding multipart Media Types"): a primitive is one text part, an
// array one part per item under the same name, an object one `application/json` part holding its
// JSON text, and a file (Blob/File, raw bytes or a `{ data, name, type }` descriptor) a file part.
// The generator names only the properties whose `encoding` differs (a PartTable): `deepObject`
// for bracket names (`file_link_data[create]=true`, as a vendor's spec may declare), a collection
// format for an array sent as one text part of delimited items (`csv` a,b  `ssv` a b  `tsv` a<TAB>b
// `pipes` a|b, as Swagger 2.0 formData arrays declare), or the part's media type from
// `encoding.<prop>.contentType`.
// The body is written here (RFC 7578, names and file names escaped as the WHATWG multipart/form-data
// algorithm does) rather than through FormData: FormData can type a part only as a file, and
// workerd then sends `filename=""`, which a parser that goes by the parameter's presence
// (Starlette's, from its source) takes for an upload. Written here, a typed field has no
// `filename` and every runtime sends the same bytes.

import type { BodyEncoder, CallRequest } from '../contract.ts';
import { collectionItems, flattenBrackets, formLeafText } from './form.ts';
import { sentAsIs } from './sent-body.ts';
import { JSON_MEDIA_TYPE } from './json-type.ts';

/** Headers option for multipart calls: `null` makes openapi-fetch delete the header, so fetch sends the body's own type (with its boundary). */
// Marked pure so a bundle whose operations send no multipart body drops this module entirely.
export const MULTIPART_HEADERS: Readonly<Record<string, null>> = /* @__PURE__ */ Object.freeze({ 'Content-Type': null });

/**
 * How the generator says a top-level property departs from OpenAPI's multipart defaults:
 * `deepObject` for bracket-named fields, `csv`/`ssv`/`tsv`/`pipes` for an array sent as one
 * delimited text part, otherwise the media type of its part(s).
 */
export type PartTable = Readonly<Record<string, string>>;

/** The separator between items of each one-part collection format. */
const PART_SEPARATORS: Readonly<Record<string, string>> = { csv: ',', ssv: ' ', tsv: '\t', pipes: '|' };

/** The PartTable value for bracket-named fields (`encoding.<prop>.style: deepObject`). */
export const DEEP_OBJECT = 'deepObject';

/** A file given as bytes plus the metadata a Blob would carry. */
export interface FileDescriptor {
  readonly data: Blob | ArrayBuffer | ArrayBufferView | string;
  readonly name?: string;
  readonly type?: string;
}

type FileValue = Blob | FileDescriptor | ArrayBuffer | ArrayBufferView;

const DEFAULT_FILE_TYPE = 'application/octet-stream';
const JSON_TYPE = 'application/json';

function isBinary(v: unknown): v is ArrayBuffer | ArrayBufferView {
  return v instanceof ArrayBuffer || ArrayBuffer.isView(v);
}

function isFileDescriptor(v: unknown): v is FileDescriptor {
  if (typeof v !== 'object' || v === null || !Object.prototype.hasOwnProperty.call(v, 'data')) return false;
  const data = (v as { data: unknown }).data;
  return data instanceof Blob || isBinary(data) || typeof data === 'string';
}

function isFile(v: unknown): v is FileValue {
  return v instanceof Blob || isBinary(v) || isFileDescriptor(v);
}

/**
 * Bytes as a Blob part, not copied here: the Blob takes its own copy of exactly the view's window
 * when it is made (File API), so bytes outside the window are not sent, and later changes to the
 * caller's buffer reach neither the body nor its retries. A view over a SharedArrayBuffer, which
 * the File API does not take as a part, is the one case copied first.
 */
function blobPart(v: ArrayBuffer | ArrayBufferView): BlobPart {
  if (v instanceof ArrayBuffer || v.buffer instanceof ArrayBuffer) return v as ArrayBuffer | ArrayBufferView<ArrayBuffer>;
  const copy = new Uint8Array(v.byteLength);
  copy.set(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  return copy;
}

/**
 * A media type as a Blob would keep it: lower-cased, or empty if it holds a character outside
 * printable ASCII (a CR or LF would otherwise end the part's header line early).
 */
function mediaType(type: string): string {
  return /^[\x20-\x7e]*$/.test(type) ? type.toLowerCase() : '';
}

/** One part of the body before it is written: a text field, a typed field, or a file. */
export interface Part {
  readonly name: string;
  /** File parts only: the file name their Content-Disposition carries. */
  readonly filename?: string;
  /** The part's Content-Type; a plain text field has none. */
  readonly type?: string;
  readonly data: Blob | string;
}

/** A file part; `fallbackType` is the type of a file that names none (the spec's contentType or octet-stream). */
function appendFile(out: Part[], name: string, file: FileValue, fallbackType = DEFAULT_FILE_TYPE): void {
  // A Blob's bytes go into the body by reference; bytes and strings are copied once, into a Blob.
  const given = file instanceof Blob || isBinary(file) ? { data: file } : file;
  const data = given.data instanceof Blob ? given.data : new Blob([typeof given.data === 'string' ? given.data : blobPart(given.data)]);
  // A bare Blob is called "blob", as FormData calls it; a File keeps its own name.
  const filename = given.name ?? (given.data instanceof File ? given.data.name : 'blob');
  out.push({ name, filename, type: mediaType(given.type ?? '') || data.type || fallbackType, data });
}

/**
 * A non-file part with its own Content-Type (JSON text, or text of a declared media type): no
 * `filename`, so a server reads it as a field. A plain string part (@hey-api's choice) would
 * carry no Content-Type at all.
 */
function appendTyped(out: Part[], name: string, text: string, type: string): void {
  out.push({ name, type: mediaType(type) || undefined, data: text });
}

/** Where inside `value` a file sits (`logo`, `images[0]`), or undefined: JSON text cannot carry one. */
function nestedFile(value: unknown, path: string, seen = new Set<object>()): string | undefined {
  if (value instanceof Blob || isBinary(value)) return path;
  if (typeof value !== 'object' || value === null || value instanceof Date || seen.has(value)) return undefined;
  seen.add(value);
  const entries = Array.isArray(value) ? value.map((v, i) => [`[${i}]`, v] as const) : Object.entries(value).map(([k, v]) => [`.${k}`, v] as const);
  for (const [step, v] of entries) {
    const hit = nestedFile(v, path + step, seen);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * One JSON part; a Blob or bytes inside the value would be lost in JSON, so it is refused.
 * `label` is where the value sits in the body (`docs[1]` for an array item), for the error.
 */
function appendJson(out: Part[], name: string, value: unknown, type: string, label: string): void {
  const file = nestedFile(value, label);
  if (file) {
    throw new TypeError(
      `multipart body: property "${label}" is sent as one ${type} part, which cannot carry the file at ${file}; ` +
        'send files as top-level properties of the body',
    );
  }
  appendTyped(out, name, JSON.stringify(value), type);
}

function isComplex(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}

/** One value (or array item) of a property sent with OpenAPI's default part types. */
function appendDefault(out: Part[], name: string, value: unknown, label: string): void {
  if (value === undefined) return;
  if (isFile(value)) appendFile(out, name, value);
  else if (isComplex(value)) appendJson(out, name, value, JSON_TYPE, label);
  else out.push({ name, data: formLeafText(value) });
}

/** One value (or array item) of a property whose `encoding.contentType` names `type`. */
function appendAs(out: Part[], name: string, value: unknown, type: string, label: string): void {
  if (value === undefined) return;
  if (isFile(value)) appendFile(out, name, value, type);
  else if (JSON_MEDIA_TYPE.test(type)) appendJson(out, name, value, type, label);
  else if (isComplex(value)) throw new TypeError(`multipart body: property "${label}" is declared as ${type}, which an object cannot be written as`);
  else appendTyped(out, name, formLeafText(value), type);
}

/** Bracket-named fields (`deepObject`), recursing one level at a time so nested files are still files. */
function appendBrackets(out: Part[], name: string, value: unknown): void {
  if (value === undefined) return;
  if (isFile(value)) {
    appendFile(out, name, value);
    return;
  }
  if (isComplex(value)) {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (const [k, v] of entries) appendBrackets(out, `${name}[${k}]`, v);
    return;
  }
  flattenBrackets(name, value, (leafName, leaf) => out.push({ name: leafName, data: formLeafText(leaf) }));
}

/** The parts of a multipart body, in order; `parts` names the properties that depart from the defaults. */
export function partsOf(body: unknown, parts: PartTable): Part[] {
  const out: Part[] = [];
  if (body === null) return out;
  // Each part is a property of the body: text, a file or an array given as the whole body has
  // none (a spec that types the body so is repaired at load time, shapeless-form-bodies.ts), and
  // went out as a form without parts, or with parts named 0, 1, …
  if (typeof body !== 'object' || body instanceof Blob || isBinary(body) || Array.isArray(body)) {
    throw new TypeError(`multipart body: needs an object of parts (or a FormData), not ${body instanceof Blob ? 'a Blob' : isBinary(body) ? 'bytes' : Array.isArray(body) ? 'an array' : typeof body}`);
  }
  for (const [name, value] of Object.entries(body)) {
    const type = Object.prototype.hasOwnProperty.call(parts, name) ? parts[name] : undefined;
    if (type === DEEP_OBJECT) {
      appendBrackets(out, name, value);
      continue;
    }
    const separator = type !== undefined && Array.isArray(value) && Object.prototype.hasOwnProperty.call(PART_SEPARATORS, type) ? PART_SEPARATORS[type] : undefined;
    if (separator !== undefined) {
      const texts = collectionItems('multipart body', name, value as unknown[], type!);
      if (texts.length > 0) out.push({ name, data: texts.join(separator) });
      continue;
    }
    // An array is one part per item under the property's own name (RFC 7578 §4.3, OAS 3.1.1);
    // each item takes the part type of its own kind, so an array of objects is JSON parts.
    const items: readonly unknown[] = Array.isArray(value) ? value : [value];
    items.forEach((item, i) => {
      const label = Array.isArray(value) ? `${name}[${i}]` : name;
      if (type === undefined) appendDefault(out, name, item, label);
      else appendAs(out, name, item, type, label);
    });
  }
  return out;
}

/** A name or file name inside the quotes of a Content-Disposition, escaped as WHATWG's algorithm does. */
function quoted(text: string): string {
  return `"${text.replace(/[\r\n"]/g, (c) => (c === '"' ? '%22' : c === '\r' ? '%0D' : '%0A'))}"`;
}

/** The part's Content-Disposition header line (without its CRLF): its name, and a file's file name. */
export function dispositionOf(part: Part): string {
  return `Content-Disposition: form-data; name=${quoted(part.name)}${part.filename === undefined ? '' : `; filename=${quoted(part.filename)}`}`;
}

function headerOf(part: Part): string {
  const disposition = dispositionOf(part);
  return part.type ? `${disposition}\r\nContent-Type: ${part.type}\r\n\r\n` : `${disposition}\r\n\r\n`;
}

/**
 * A random boundary, 128 bits, in lower case: the Content-Type fetch sends is the Blob's type,
 * which a Blob lower-cases, and the boundary must read the same there as in the body.
 */
export function newBoundary(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `svcgen-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The multipart body as a Blob typed `multipart/form-data; boundary=…`, so a fetch given it with no
 * Content-Type of its own sends that type. Text is sent as given (UTF-8, line breaks unchanged).
 * `parts` names the properties that depart from the defaults; a `boundary` given (random by
 * default) must be in lower case, as the Blob's type will be.
 */
export function encodeMultipart(body: unknown, parts: PartTable = {}, boundary: string = newBoundary()): Blob {
  const chunks: (Blob | string)[] = [];
  for (const part of partsOf(body, parts)) chunks.push(`--${boundary}\r\n${headerOf(part)}`, part.data, '\r\n');
  chunks.push(`--${boundary}--\r\n`);
  return new Blob(chunks, { type: `multipart/form-data; boundary=${boundary}` });
}

/** openapi-fetch `bodySerializer` for multipart bodies with OpenAPI's default part types; pair it with MULTIPART_HEADERS. */
export function multipartBodySerializer(body: unknown): FormData | Blob {
  return body instanceof FormData ? body : encodeMultipart(body);
}

/**
 * Writes the body when the encoder runs (once per call). Its Blob's type names the boundary, and
 * fetch sends a body's type as the Content-Type when the request sets none, so the inherited one
 * is removed rather than replaced: beside an explicit multipart Content-Type, workerd logs "A
 * FormData body was provided with a custom Content-Type header" on every call (measured). A
 * caller's own FormData goes as it is, and fetch writes its boundary.
 */
function encodeInto(request: CallRequest, headers: Record<string, string> | undefined, parts: PartTable): void {
  if (request.body !== undefined && !(request.body instanceof FormData)) request.body = encodeMultipart(request.body, parts);
  request.bodySerializer = sentAsIs;
  request.headers = { ...headers, ...MULTIPART_HEADERS };
}

const NO_TABLE: PartTable = {};

/** The body encoder of an operation whose `encoding` departs from the defaults for the properties in `parts`. */
export function multipartBodyWith(parts: PartTable): BodyEncoder {
  return (request, headers) => encodeInto(request, headers, parts);
}

/** The body encoder of multipart operations with OpenAPI's default part types (OperationMeta.encodeBody). */
export const multipartBody: BodyEncoder = (request, headers) => encodeInto(request, headers, NO_TABLE);
