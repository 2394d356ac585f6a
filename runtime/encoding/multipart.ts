// `multipart/form-data` bodies (file uploads), part by part as OpenAPI's Encoding Object says.
// Absent an `encoding` entry for a top-level property (OAS 3.0.3 "Special Considerations for
// multipart Content", 3.1.1 "Encoding multipart Media Types"): a primitive is one text part, an
// array one part per item under the same name, an object one `application/json` part holding its
// JSON text, and a file (Blob/File, raw bytes or a `{ data, name, type }` descriptor) a file part.
// The generator names only the properties whose `encoding` differs (a PartTable): `deepObject`
// for bracket names (`file_link_data[create]=true`, as a vendor's spec may declare), or the part's
// media type from `encoding.<prop>.contentType`.
// openapi-fetch sends a FormData body without a Content-Type of its own, so fetch writes
// `multipart/form-data; boundary=…` itself. An explicit Content-Type would lack the boundary:
// operations pass `headers: MULTIPART_HEADERS` to drop any inherited one.

import type { BodyEncoder } from '../contract.ts';
import { flattenBrackets, formLeafText } from './form.ts';

/** Headers option for multipart calls: `null` makes openapi-fetch delete the header. */
// Marked pure so a bundle whose operations send no multipart body drops this module entirely.
export const MULTIPART_HEADERS: Readonly<Record<string, null>> = /* @__PURE__ */ Object.freeze({ 'Content-Type': null });

/**
 * How the generator says a top-level property departs from OpenAPI's multipart defaults:
 * `deepObject` for bracket-named fields, otherwise the media type of its part(s).
 */
export type PartTable = Readonly<Record<string, string>>;

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
/** `application/json`, `application/merge-patch+json`, `application/json; charset=utf-8` … */
const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

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

function bytesOf(v: ArrayBuffer | ArrayBufferView): Uint8Array<ArrayBuffer> {
  // Copy into a fresh ArrayBuffer: a view over a SharedArrayBuffer or a larger buffer must not leak
  // bytes outside its window into the upload.
  const view = v instanceof ArrayBuffer ? new Uint8Array(v) : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  const copy = new Uint8Array(new ArrayBuffer(view.byteLength));
  copy.set(view);
  return copy;
}

function toBlob(data: FileDescriptor['data'], type: string | undefined, fallbackType: string): Blob {
  if (data instanceof Blob) {
    // An untyped Blob is sent as octet-stream anyway; only a declared contentType re-labels it.
    const wanted = type ?? (!data.type && fallbackType !== DEFAULT_FILE_TYPE ? fallbackType : undefined);
    return wanted && wanted !== data.type ? new Blob([data], { type: wanted }) : data;
  }
  const part = typeof data === 'string' ? data : bytesOf(data);
  return new Blob([part], { type: type ?? fallbackType });
}

/** A file part; `fallbackType` is the type of a file that names none (the spec's contentType or octet-stream). */
function appendFile(form: FormData, name: string, file: FileValue, fallbackType = DEFAULT_FILE_TYPE): void {
  if (file instanceof Blob) {
    // A File keeps its own name; FormData calls a bare Blob "blob".
    const blob = toBlob(file, undefined, fallbackType);
    if (blob === file) form.append(name, file);
    else form.append(name, blob, file instanceof File ? file.name : 'blob');
    return;
  }
  if (isBinary(file)) {
    form.append(name, toBlob(file, undefined, fallbackType), 'blob');
    return;
  }
  form.append(name, toBlob(file.data, file.type, fallbackType), file.name ?? (file.data instanceof File ? file.data.name : 'blob'));
}

/**
 * A non-file part with its own Content-Type (JSON text, or text of a declared media type).
 * FormData can only give a part a Content-Type through a Blob, and a Blob part gets a
 * `filename` (by default "blob"), which servers that sort parts by it take for an upload. With an
 * empty file name undici (Node's fetch) leaves `filename` out, so the part reads as a field;
 * workerd writes `filename=""` (measured), which only a body serialised by hand would avoid.
 * A plain string part (@hey-api's choice) would carry no Content-Type at all.
 */
function appendTyped(form: FormData, name: string, text: string, type: string): void {
  form.append(name, new Blob([text], { type }), '');
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
function appendJson(form: FormData, name: string, value: unknown, type: string, label: string): void {
  const file = nestedFile(value, label);
  if (file) {
    throw new TypeError(
      `multipart body: property "${label}" is sent as one ${type} part, which cannot carry the file at ${file}; ` +
        'send files as top-level properties of the body',
    );
  }
  appendTyped(form, name, JSON.stringify(value), type);
}

function isComplex(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}

/** One value (or array item) of a property sent with OpenAPI's default part types. */
function appendDefault(form: FormData, name: string, value: unknown, label: string): void {
  if (value === undefined) return;
  if (isFile(value)) appendFile(form, name, value);
  else if (isComplex(value)) appendJson(form, name, value, JSON_TYPE, label);
  else form.append(name, formLeafText(value));
}

/** One value (or array item) of a property whose `encoding.contentType` names `type`. */
function appendAs(form: FormData, name: string, value: unknown, type: string, label: string): void {
  if (value === undefined) return;
  if (isFile(value)) appendFile(form, name, value, type);
  else if (JSON_MEDIA_TYPE.test(type)) appendJson(form, name, value, type, label);
  else if (isComplex(value)) throw new TypeError(`multipart body: property "${label}" is declared as ${type}, which an object cannot be written as`);
  else appendTyped(form, name, formLeafText(value), type);
}

/** Bracket-named fields (`deepObject`), recursing one level at a time so nested files are still files. */
function appendBrackets(form: FormData, name: string, value: unknown): void {
  if (value === undefined) return;
  if (isFile(value)) {
    appendFile(form, name, value);
    return;
  }
  if (isComplex(value)) {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (const [k, v] of entries) appendBrackets(form, `${name}[${k}]`, v);
    return;
  }
  flattenBrackets(name, value, (leafName, leaf) => form.append(leafName, formLeafText(leaf)));
}

/** Builds the FormData for a multipart body; `parts` names the properties that depart from the defaults. */
export function encodeMultipart(body: unknown, parts: PartTable = {}): FormData {
  const form = new FormData();
  if (typeof body !== 'object' || body === null) return form;
  for (const [name, value] of Object.entries(body)) {
    const type = Object.prototype.hasOwnProperty.call(parts, name) ? parts[name] : undefined;
    if (type === DEEP_OBJECT) {
      appendBrackets(form, name, value);
      continue;
    }
    // An array is one part per item under the property's own name (RFC 7578 §4.3, OAS 3.1.1);
    // each item takes the part type of its own kind, so an array of objects is JSON parts.
    const items: readonly unknown[] = Array.isArray(value) ? value : [value];
    items.forEach((item, i) => {
      const label = Array.isArray(value) ? `${name}[${i}]` : name;
      if (type === undefined) appendDefault(form, name, item, label);
      else appendAs(form, name, item, type, label);
    });
  }
  return form;
}

/** openapi-fetch `bodySerializer` for multipart bodies with OpenAPI's default part types. */
export function multipartBodySerializer(body: unknown): FormData {
  return body instanceof FormData ? body : encodeMultipart(body);
}

/** The body encoder of an operation whose `encoding` departs from the defaults for the properties in `parts`. */
export function multipartBodyWith(parts: PartTable): BodyEncoder {
  const serialize = (body: unknown): FormData => (body instanceof FormData ? body : encodeMultipart(body, parts));
  return (request, headers) => {
    request.bodySerializer = serialize;
    request.headers = { ...headers, ...MULTIPART_HEADERS };
  };
}

/** The body encoder of multipart operations (OperationMeta.encodeBody); the header is removed so fetch writes the boundary. */
export const multipartBody: BodyEncoder = (request, headers) => {
  request.bodySerializer = multipartBodySerializer;
  request.headers = { ...headers, ...MULTIPART_HEADERS };
};
