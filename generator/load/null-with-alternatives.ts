// A schema whose `type` is only "null" and that also lists `oneOf` (or `anyOf`) alternatives admits,
// read as JSON Schema, no value at all: both keywords must hold, and null matches none of the
// alternatives. Specs write it to mean "null, or one of these" (in the APIs.guru corpus: an "any
// JSON value" schema whose last alternative is an array of itself, and nullable fields). Read
// literally, openapi-typescript writes `null & (A | B)`, which is `never` for a field and, when an
// alternative refers back to the schema (an array of itself), an alias TypeScript refuses
// (TS2502); the zod module rejects every value. So the load reads it as meant, as a listed repair:
// `type` is dropped and `{ type: "null" }` becomes one more alternative, which types and zod then
// both read as `A | B | null`.
//
// Done here rather than as a type-level rewrite of openapi-typescript's output: one change to the
// document reaches the types and the zod validators alike, so they cannot disagree, and it is
// listed with the other repairs (manifest, `generate --spec`). Only schemas whose other keywords
// are annotations, and whose alternatives each reject null, are repaired: beside `properties` or
// `minLength`, say, or with an alternative that may be null, the intended reading is no longer
// plain, and they are left as the spec writes them. Swagger 2.0 has neither oneOf nor
// anyOf (nor a null type), so only OpenAPI 3.x documents are read.
import { deref, toPointer } from '../json-pointer.ts';
import type { Fix } from './fixes.ts';

type Schema = Record<string, unknown>;

const ALTERNATIVES = ['oneOf', 'anyOf'] as const;

/** Keywords that describe a schema without constraining its values. */
const ANNOTATIONS = new Set([
  'title', 'description', 'example', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly',
  'externalDocs', 'xml', '$comment', '$id', '$anchor', '$schema', 'nullable',
]);

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
  if (!isNullOnly(schema.type)) return undefined;
  const present = ALTERNATIVES.filter((keyword) => Array.isArray(schema[keyword]));
  if (present.length !== 1) return undefined;
  const keyword = present[0]!;
  const others = Object.keys(schema).filter((key) => key !== 'type' && key !== keyword && !ANNOTATIONS.has(key) && !key.startsWith('x-'));
  if (others.length > 0) return undefined;
  const alternatives = schema[keyword] as unknown[];
  // Only when the literal reading really admits nothing: an alternative that may be null (or one
  // we cannot tell) makes it "only null", which is not the mistake this reads away.
  if (alternatives.length === 0 || !alternatives.every((alternative) => excludesNull(alternative, document))) return undefined;
  const written = JSON.stringify(schema.type);
  delete schema.type;
  const count = alternatives.length;
  alternatives.push({ type: 'null' });
  return `type ${written} beside ${keyword} admits no value (null matches none of the ${count} alternatives); read as null or one of them: type dropped, { type: "null" } added to ${keyword}`;
}

function isNullOnly(type: unknown): boolean {
  return type === 'null' || (Array.isArray(type) && type.length > 0 && type.every((entry) => entry === 'null'));
}

/** True when the schema certainly rejects null (its type, enum or const say so); false when unsure. */
function excludesNull(alternative: unknown, document: unknown): boolean {
  const schema = deref<unknown>(document, alternative);
  if (schema === false) return true;
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return false;
  const record = schema as Schema;
  if (record.nullable === true) return false;
  if (typeof record.type === 'string') return record.type !== 'null';
  if (Array.isArray(record.type) && record.type.length > 0) return !record.type.includes('null');
  if (Array.isArray(record.enum)) return !record.enum.includes(null);
  if (Object.hasOwn(record, 'const')) return record.const !== null;
  return false;
}
