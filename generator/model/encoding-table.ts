// The one walk over a form body's Encoding Object (urlencoded and multipart alike): each entry in
// name order beside the schema of the property it names. OpenAPI says an entry's key MUST be a
// property of the body's schema; the schema is looked up among the properties the body declares
// (declared-properties.ts: its own and its `allOf` members', own keys only), so an entry named
// `constructor`, `toString` or `__proto__`, or any name the schema does not declare, gets no
// schema rather than whatever an object's prototype holds under that name.
import { declaredProperties } from './declared-properties.ts';

type Doc = Record<string, any>;

/**
 * Name → what `read` makes of each object-valued `encoding` entry and its property's schema
 * (undefined when the schema declares no such own property), keeping the defined results only;
 * undefined when there are none, so an operation without departures carries no table.
 */
export function encodingTable<T>(doc: Doc, mediaTypeObject: Doc | undefined, read: (entry: Doc, schema: unknown) => T | undefined): Record<string, T> | undefined {
  const encoding = mediaTypeObject?.encoding;
  if (!encoding || typeof encoding !== 'object') return undefined;
  const properties = declaredProperties(doc, mediaTypeObject?.schema);
  // Collected as pairs: assigning table['__proto__'] would set the prototype, not an entry.
  const pairs: [string, T][] = [];
  for (const name of Object.keys(encoding).sort()) {
    const entry = encoding[name];
    if (!entry || typeof entry !== 'object') continue;
    const value = read(entry as Doc, properties.get(name));
    if (value !== undefined) pairs.push([name, value]);
  }
  return pairs.length ? Object.fromEntries(pairs) : undefined;
}
