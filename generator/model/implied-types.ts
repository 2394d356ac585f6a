// A schema that has a `type` and lists oneOf/anyOf alternatives means "of this type, and one of
// these". openapi-typescript does not always type that as the intersection it is:
// - a `type` list becomes its own member of an intersection with the alternatives, and "object"
//   in it `Record<string, never>`, so `{ type: ["object", "null"], oneOf: [Card, Bank] }` is
//   `(Record<string, never> | null) & (Card | Bank)`, which no card or bank account matches, and
//   `{ type: ["object", "string"], oneOf: [Card, Currency] }` admits a currency but no card;
// - a list entry that an inline alternative also declares is left out, so
//   `{ type: ["string", "null"], oneOf: [{ type: string, … }, { type: "null" }] }` becomes
//   `null & (…)`: never;
// - beside anyOf the `type` is one more member of the union (`string | A | B`, with or without
//   null), so any string passes where the alternatives allow a few.
// When every alternative's own keywords say its types, each either allowed by the schema's `type`
// or of none of its types (so it admits no value here), that `type` adds nothing to the allowed
// alternatives, and without it and the others openapi-typescript writes the allowed ones' union
// (with `| null` for `nullable: true`), the exact set of values. For the typing document only,
// such a schema loses its `type` and the ruled-out alternatives; the spec and the zod validators
// keep them. Not listed as a repair: the schema says the same thing without them. Anything else
// (an alternative of unknown or partly allowed type, no alternative allowed, other assertions
// beside the alternatives) is left as openapi-typescript writes it.
import { rewriteSchemas } from './rewrite-schemas.ts';
import { soleAlternatives, typesOverlap, typesWithin, valueTypes, type ValueType } from '../load/value-types.ts';

type Doc = Record<string, any>;

/** `doc` with the `type` of every such schema dropped; copies only what changes. */
export function dropTypesImpliedByAlternatives(doc: Doc): Doc {
  return rewriteSchemas(doc, (schema) => withoutImpliedType(schema, doc));
}

/** The schema without its `type` and the alternatives that type rules out, or the schema itself. */
function withoutImpliedType(schema: Doc, doc: Doc): Doc {
  if (schema.type === undefined) return schema;
  const keyword = soleAlternatives(schema);
  if (keyword === undefined) return schema;
  const allowed = valueTypes({ type: schema.type, nullable: schema.nullable }, doc);
  if (allowed === undefined) return schema;
  const kept: unknown[] = [];
  for (const alternative of schema[keyword] as unknown[]) {
    const types: ReadonlySet<ValueType> | undefined = valueTypes(alternative, doc);
    if (types === undefined) return schema;
    if (typesWithin(types, allowed)) kept.push(alternative);
    // Partly allowed (a string-or-number alternative beside a string type): left as written.
    else if (typesOverlap(types, allowed)) return schema;
  }
  if (kept.length === 0) return schema;
  const { type: _implied, ...rest } = schema;
  return { ...rest, [keyword]: kept };
}
