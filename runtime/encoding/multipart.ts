// `multipart/form-data` bodies (file uploads). Field names use the same bracket
// notation as form bodies (`file_link_data[create]=true`); files may be a Blob/File, raw bytes,
// or a `{ data, name, type }` file descriptor. openapi-fetch sends a FormData body without
// a Content-Type of its own, so fetch writes `multipart/form-data; boundary=…` itself. An explicit
// Content-Type would lack the boundary: operations pass `headers: MULTIPART_HEADERS` to drop any
// inherited one.

import type { BodyEncoder } from '../contract.ts';
import { flattenBrackets, formLeafText } from './form.ts';

/** Headers option for multipart calls: `null` makes openapi-fetch delete the header. */
// Marked pure so a bundle whose operations send no multipart body drops this module entirely.
export const MULTIPART_HEADERS: Readonly<Record<string, null>> = /* @__PURE__ */ Object.freeze({ 'Content-Type': null });

/** A file given as bytes plus the metadata a Blob would carry. */
export interface FileDescriptor {
  readonly data: Blob | ArrayBuffer | ArrayBufferView | string;
  readonly name?: string;
  readonly type?: string;
}

const DEFAULT_FILE_TYPE = 'application/octet-stream';

function isBinary(v: unknown): v is ArrayBuffer | ArrayBufferView {
  return v instanceof ArrayBuffer || ArrayBuffer.isView(v);
}

function isFileDescriptor(v: unknown): v is FileDescriptor {
  if (typeof v !== 'object' || v === null || !Object.prototype.hasOwnProperty.call(v, 'data')) return false;
  const data = (v as { data: unknown }).data;
  return data instanceof Blob || isBinary(data) || typeof data === 'string';
}

function bytesOf(v: ArrayBuffer | ArrayBufferView): Uint8Array<ArrayBuffer> {
  // Copy into a fresh ArrayBuffer: a view over a SharedArrayBuffer or a larger buffer must not leak
  // bytes outside its window into the upload.
  const view = v instanceof ArrayBuffer ? new Uint8Array(v) : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  const copy = new Uint8Array(new ArrayBuffer(view.byteLength));
  copy.set(view);
  return copy;
}

function toBlob(data: FileDescriptor['data'], type: string | undefined): Blob {
  if (data instanceof Blob) return type && type !== data.type ? new Blob([data], { type }) : data;
  const part = typeof data === 'string' ? data : bytesOf(data);
  return new Blob([part], { type: type ?? DEFAULT_FILE_TYPE });
}

function appendFile(form: FormData, name: string, file: Blob | FileDescriptor | ArrayBuffer | ArrayBufferView): void {
  if (file instanceof Blob) {
    // A File keeps its own name; FormData calls a bare Blob "blob".
    form.append(name, file);
    return;
  }
  if (isBinary(file)) {
    form.append(name, toBlob(file, undefined), 'blob');
    return;
  }
  form.append(name, toBlob(file.data, file.type), file.name ?? (file.data instanceof File ? file.data.name : 'blob'));
}

/** Builds the FormData for a multipart body; nested fields are bracket-named like form bodies. */
export function encodeMultipart(body: unknown): FormData {
  const form = new FormData();
  if (typeof body !== 'object' || body === null) return form;
  const walk = (name: string, value: unknown): void => {
    if (value === undefined) return;
    if (value instanceof Blob || isBinary(value) || isFileDescriptor(value)) {
      appendFile(form, name, value);
      return;
    }
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      // Recurse one level at a time so files nested inside objects are still recognised.
      const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
      for (const [k, v] of entries) walk(`${name}[${k}]`, v);
      return;
    }
    flattenBrackets(name, value, (leafName, leaf) => form.append(leafName, formLeafText(leaf)));
  };
  for (const [key, value] of Object.entries(body)) walk(key, value);
  return form;
}

/** openapi-fetch `bodySerializer` for multipart bodies. */
export function multipartBodySerializer(body: unknown): FormData {
  return body instanceof FormData ? body : encodeMultipart(body);
}

/** The body encoder of multipart operations (OperationMeta.encodeBody); the header is removed so fetch writes the boundary. */
export const multipartBody: BodyEncoder = (request, headers) => {
  request.bodySerializer = multipartBodySerializer;
  request.headers = { ...headers, ...MULTIPART_HEADERS };
};
