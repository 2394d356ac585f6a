// Whether a document marks any schema readOnly or writeOnly. Such a property is not sent (readOnly)
// or not returned (writeOnly), so `required` binds one side only. openapi-typescript says so in the
// types only with its read/write markers ($Read<T>, $Write<T>), which openapi-fetch's request and
// response types strip (Writable, Readable) at every depth; types.d.ts is written with them for a
// document that has such a property, and without them (so with no helper types) for one that has none.

/** Nesting followed; a document deeper than this is not searched further. */
const MAX_DEPTH = 64;

export function marksReadWrite(node: unknown, depth = 0): boolean {
  if (typeof node !== 'object' || node === null || depth > MAX_DEPTH) return false;
  if (Array.isArray(node)) return node.some((item) => marksReadWrite(item, depth + 1));
  const record = node as Record<string, unknown>;
  if (record.readOnly === true || record.writeOnly === true) return true;
  for (const key in record) {
    // Example payloads are data, not schemas: a `readOnly` key there marks nothing.
    if (key === 'example' || key === 'examples') continue;
    const value = record[key];
    if (typeof value === 'object' && value !== null && marksReadWrite(value, depth + 1)) return true;
  }
  return false;
}
