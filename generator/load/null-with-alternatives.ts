// A schema whose `type` admits null and that also lists `oneOf` (or `anyOf`) alternatives none of
// which admits null loses, read as JSON Schema, the null its `type` plainly allows: both keywords
// must hold. Specs write it to mean "null, or one of these".
// - `type` only "null": the schema admits no value at all (in the APIs.guru corpus: an "any JSON
//   value" schema whose last alternative is an array of itself, and nullable fields). Read
//   literally, openapi-typescript writes `null & (A | B)`, which is `never` for a field and, when
//   an alternative refers back to the schema (an array of itself), an alias TypeScript refuses
//   (TS2502); the zod module rejects every value. Repair: `type` is dropped and `{ type: "null" }`
//   becomes one more alternative, which types and zod then both read as `A | B | null`.
// - `type` a list with "null" and other types (OpenAPI 3.1's spelling of a nullable schema,
//   `["object", "null"]`): null is rejected by every alternative, so the zod module rejects it and
//   openapi-typescript's `(X | null) & (A | B)` drops it too. Repair: `{ type: "null" }` becomes one
//   more alternative and `type` stays, so the value is null or one of the alternatives of a listed
//   type, which is what JSON Schema then reads. When no alternative is of a listed type the schema
//   still admits only null, and the listed repair says so: which of the two the author got wrong is
//   not plain. (openapi-typescript's rendering of such a `type` beside alternatives is its own
//   problem, handled in the typing document: model/implied-types.ts.)
// OpenAPI 3.0's `nullable: true` beside alternatives needs no repair: our zod emitter and
// openapi-typescript both read it as "null, or what the rest of the schema says", which is how the
// 3.0 to 3.1 migration spells it (an alternative `{ type: "null" }`).
//
// Done here rather than as a type-level rewrite of openapi-typescript's output: one change to the
// document reaches the types and the zod validators alike, so they cannot disagree, and it is
// listed with the other repairs (manifest, `generate --spec`). Only schemas whose other keywords
// are annotations, and whose alternatives each reject null, are repaired: beside `properties` or
// `minLength`, say, or with an alternative that may be null, the intended reading is no longer
// plain, and they are left as the spec writes them. Swagger 2.0 has neither oneOf nor
// anyOf (nor a null type), so only OpenAPI 3.x documents are read.
import { toPointer } from '../json-pointer.ts';
import type { Fix } from './fixes.ts';
import { soleAlternatives, typesOverlap, valueTypes, type ValueType } from './value-types.ts';

type Schema = Record<string, unknown>;

/** Keywords whose values are data (payloads), never schemas. */
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const']);

/**
 * Maps whose keys are names (of properties, components, statuses, media types), so a member named
 * `default` (a response) or `example` (a property) is not data.
 */
const NAME_MAPS = new Set([
  'properties', 'patternProperties', '$defs', 'definitions', 'schemas', 'responses', 'parameters', 'headers',
  'requestBodies', 'callbacks', 'webhooks', 'pathItems', 'links', 'content', 'encoding',
]);

export function readNullTypeAsAlternative(document: Record<string, any>, file: string): Fix[] {
  const fixes: Fix[] = [];
  const stack: (string | number)[] = [];
  // A parsed YAML alias can make one object appear at several places: repaired once, listed once.
  const seen = new WeakSet<object>();

  const walk = (node: unknown, namesOnly: boolean): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        stack.push(index);
        walk(item, false);
        stack.pop();
      });
      return;
    }
    const record = node as Schema;
    if (!namesOnly) {
      const fix = repair(record, document);
      if (fix !== undefined) fixes.push({ file, pointer: toPointer([...stack, 'type']), fix });
    }
    for (const key in record) {
      if (!namesOnly && (key.startsWith('x-') || DATA_KEYS.has(key))) continue;
      stack.push(key);
      walk(record[key], !namesOnly && NAME_MAPS.has(key));
      stack.pop();
    }
  };
  walk(document, false);
  return fixes;
}

/** Rewrites the schema and says what changed, or leaves it and returns undefined. */
function repair(schema: Schema, document: unknown): string | undefined {
  const listed = nullableTypes(schema.type);
  if (listed === undefined) return undefined;
  const keyword = soleAlternatives(schema);
  if (keyword === undefined) return undefined;
  const alternatives = schema[keyword] as unknown[];
  // Only when the literal reading really loses null: an alternative that may be null (or one we
  // cannot tell) makes null a value already, which is not the mistake this reads away.
  const types = alternatives.map((alternative) => valueTypes(alternative, document));
  if (alternatives.length === 0 || !types.every((set) => set !== undefined && !set.has('null'))) return undefined;
  const written = JSON.stringify(schema.type);
  const count = alternatives.length;
  alternatives.push({ type: 'null' });
  if (listed.size === 0) {
    delete schema.type;
    return `type ${written} beside ${keyword} admits no value (null matches none of the ${count} alternatives); read as null or one of them: type dropped, { type: "null" } added to ${keyword}`;
  }
  const fitting = types.filter((set) => typesOverlap(set!, listed)).length;
  const only = fitting === 0 ? `; none of the alternatives is of type ${[...listed].map((type) => JSON.stringify(type)).join(' or ')}, so null is its only value` : '';
  return `type ${written} beside ${keyword} allows null but none of the ${count} alternatives does; read as null or one of them: { type: "null" } added to ${keyword}${only}`;
}

/**
 * The non-null types of a `type` that allows null (empty for "null" alone), or undefined when it
 * does not allow null or names something that is not a JSON type.
 */
function nullableTypes(type: unknown): ReadonlySet<ValueType> | undefined {
  const list = typeof type === 'string' ? [type] : Array.isArray(type) ? type : [];
  if (!list.includes('null')) return undefined;
  const types = valueTypes({ type: list }, undefined);
  if (types === undefined) return undefined;
  return new Set([...types].filter((entry) => entry !== 'null'));
}
