// An object schema with no `properties` (or none listed) and no `additionalProperties` admits any
// object (JSON Schema; our zod validators say so too), but openapi-typescript types it
// `Record<string, never>`, so a caller cannot send one key in, say, `custom_fields: { type: object }`.
// Its `emptyObjectsUnknown` option would also open `additionalProperties: false`, which admits no
// key. For the typing document only, such a schema gets `additionalProperties: true`, which
// openapi-typescript types `{ [key: string]: unknown }`; `false` stays closed. The spec is unchanged.
type Doc = Record<string, any>;

/** Keywords whose values are data (examples, defaults), not schemas, outside a `properties` map. */
const DATA_KEYWORDS = new Set(['example', 'examples', 'default', 'enum', 'const', 'x-example']);

function isOpenEmptyObject(node: Doc): boolean {
  return (
    node.type === 'object' &&
    (node.properties === undefined || (typeof node.properties === 'object' && Object.keys(node.properties ?? {}).length === 0)) &&
    !('additionalProperties' in node) &&
    node.patternProperties === undefined &&
    node.$ref === undefined &&
    node.allOf === undefined &&
    node.anyOf === undefined &&
    node.oneOf === undefined
  );
}

/** `doc` with every open empty object schema marked `additionalProperties: true`; copies only what changes. */
export function openEmptyObjects(doc: Doc): Doc {
  const visit = (node: unknown, schemaMap: boolean): unknown => {
    if (Array.isArray(node)) {
      let changed: unknown[] | undefined;
      node.forEach((item, i) => {
        const next = visit(item, false);
        if (next !== item) (changed ??= [...node])[i] = next;
      });
      return changed ?? node;
    }
    if (node === null || typeof node !== 'object') return node;
    const object = node as Doc;
    let changed: Doc | undefined;
    for (const key in object) {
      // In a `properties` map every value is a schema, whatever its name.
      if (!schemaMap && (DATA_KEYWORDS.has(key) || key.startsWith('x-'))) continue;
      const next = visit(object[key], !schemaMap && key === 'properties');
      if (next !== object[key]) (changed ??= { ...object })[key] = next;
    }
    const out = changed ?? object;
    return !schemaMap && isOpenEmptyObject(out) ? { ...out, additionalProperties: true } : out;
  };
  return visit(doc, false) as Doc;
}
