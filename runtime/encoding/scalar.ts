// The text of one scalar in a path, header or cookie value. Their styles (simple, label, matrix,
// form) write flat arrays and objects only; String() would send a nested one as
// '[object Object]', so it is refused with the parameter's name.

export function scalarText(location: 'path' | 'header' | 'cookie', name: string, value: unknown): string {
  if (typeof value === 'object' && value !== null) throw new TypeError(`${location} parameter "${name}" cannot nest arrays or objects`);
  return String(value);
}
