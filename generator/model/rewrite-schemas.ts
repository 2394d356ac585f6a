// A copy-on-write walk of a document for the typing document's rewrites: every object that is not
// data (examples, defaults, enum and const values, extensions) nor a `properties` map is offered to
// `rewrite` after its members, and only what changes is copied, so the document passed in is left
// as it was and unchanged parts are shared.
type Doc = Record<string, any>;

/** Keywords whose values are data (examples, defaults), not schemas, outside a `properties` map. */
const DATA_KEYWORDS = new Set(['example', 'examples', 'default', 'enum', 'const', 'x-example']);

/** `doc` with each object replaced by what `rewrite` returns for it (the object itself to keep it). */
export function rewriteSchemas(doc: Doc, rewrite: (node: Doc) => Doc): Doc {
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
    return schemaMap ? out : rewrite(out);
  };
  return visit(doc, false) as Doc;
}
