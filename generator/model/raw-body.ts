// Which raw request bodies are content rather than text. A body whose media type is neither JSON,
// urlencoded nor multipart is sent as the caller gives it: a string, Blob, ArrayBuffer or typed
// array (runtime/encoding/raw.ts); no object is ever written as, say, YAML or XML. Where the
// body's schema describes text (a string that is not `format: binary`), the spec's own type stays,
// a string. Anywhere else (an object or array schema, as in `application/x-yaml` or
// `application/xml` bodies of converted specs, a `format: binary` string, no schema) the spec's
// schema says what the document holds, not what the caller passes: typed and validated as the
// spec says, the body was an object the client then refused (or, for a binary string, a Blob
// the types refused), so such a body is typed and validated as the content the client sends.
import { deref } from '../json-pointer.ts';
import type { RequestBodyModel } from './types.ts';

type Doc = Record<string, any>;

function describesText(doc: Doc, schema: unknown): boolean {
  const resolved = deref<Doc>(doc, schema);
  if (!resolved || resolved.format === 'binary') return false;
  const types = Array.isArray(resolved.type) ? resolved.type.filter((t: unknown) => t !== 'null') : [resolved.type];
  return types.length === 1 && types[0] === 'string';
}

/**
 * Whether `schema` describes bytes: a `format: binary` string, or no schema at all (OpenAPI 3.1
 * leaves the schema of binary content out; an empty schema says no more).
 */
export function describesBytes(doc: Doc, schema: unknown): boolean {
  const resolved = deref<Doc>(doc, schema);
  return !resolved || Object.keys(resolved).length === 0 || resolved.format === 'binary';
}

/** Whether `schema` is a `format: binary` string: bytes, whatever the media type. */
export function isBinarySchema(doc: Doc, schema: unknown): boolean {
  return deref<Doc>(doc, schema)?.format === 'binary';
}

/** Whether `body` is a raw body taken as content (string, Blob, ArrayBuffer or typed array). */
export function isRawContentBody(doc: Doc, body: Pick<RequestBodyModel, 'encoding' | 'schema'>): boolean {
  return (body.encoding === 'binary' || body.encoding === 'text') && !describesText(doc, body.schema);
}
