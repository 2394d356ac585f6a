// An object schema with no `properties` (or none listed) and no `additionalProperties` admits any
// object (JSON Schema; our zod validators say so too), but openapi-typescript types it
// `Record<string, never>`, so a caller cannot send one key in, say, `custom_fields: { type: object }`.
// The same holds for "object" in a type list (3.1's `["object", "null"]`, the usual spelling of a
// nullable object, is `Record<string, never> | null`) and beside 3.0's `nullable: true`.
// Its `emptyObjectsUnknown` option would also open `additionalProperties: false`, which admits no
// key. For the typing document only, such a schema gets `additionalProperties: true`, which
// openapi-typescript types `{ [key: string]: unknown }` (the list's other types, null included, stay
// members of the union); `false` stays closed. The spec is unchanged.
import { rewriteSchemas } from './rewrite-schemas.ts';

type Doc = Record<string, any>;

function isOpenEmptyObject(node: Doc): boolean {
  return (
    (node.type === 'object' || (Array.isArray(node.type) && node.type.includes('object'))) &&
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
  return rewriteSchemas(doc, (node) => (isOpenEmptyObject(node) ? { ...node, additionalProperties: true } : node));
}
