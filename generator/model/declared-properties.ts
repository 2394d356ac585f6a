// The properties an object schema declares: its own `properties` and those of its `allOf`
// members (through `$ref`s), since a body built as `allOf: [{ $ref: Base }, { properties: … }]`
// declares every member's properties. Own keys only, so a name such as `__proto__` or
// `constructor` is a property only where the schema writes it. When two places declare one name,
// the first met wins (the schema's own, then the members in order): every one of them applies to
// the value, and the first is where a reader of the spec looks.
import { deref } from '../json-pointer.ts';

type Doc = Record<string, any>;

/** `allOf` nesting followed; deeper (or cyclic) members add nothing. */
const MAX_DEPTH = 8;

/** Name → the property's schema as written (a `$ref` stays a `$ref`). */
export function declaredProperties(doc: Doc, schema: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const visit = (node: unknown, depth: number) => {
    const resolved = deref<Doc>(doc, node);
    if (!resolved || typeof resolved !== 'object' || depth > MAX_DEPTH) return;
    const properties = resolved.properties;
    if (properties && typeof properties === 'object') {
      for (const name of Object.keys(properties)) if (!out.has(name)) out.set(name, properties[name]);
    }
    if (Array.isArray(resolved.allOf)) for (const member of resolved.allOf) visit(member, depth + 1);
  };
  visit(schema, 0);
  return out;
}
