// The JSON types a schema's own keywords allow (its `type`, `enum`, `const`, `nullable`), for the
// repairs that must know whether an alternative can be null or can be of a given type. `integer`
// is kept apart from `number` (every integer is a number, not the reverse): see typesWithin.
import { deref } from '../json-pointer.ts';

export type ValueType = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';

/**
 * The types `schema` (a `$ref` is followed within `document`) admits at most, or undefined when its
 * own keywords do not say (no `type`, `enum` or `const`: a bare composition, a reference that does
 * not resolve): the caller then cannot rely on it. Other keywords (a 3.1 `$ref`'s siblings,
 * `allOf`) can only narrow the set, so "no null in it" and "within these types" stay true.
 */
export function valueTypes(schema: unknown, document: unknown): ReadonlySet<ValueType> | undefined {
  const resolved = deref<unknown>(document, schema);
  if (resolved === false) return new Set();
  if (resolved === null || typeof resolved !== 'object' || Array.isArray(resolved)) return undefined;
  const record = resolved as Record<string, unknown>;
  const found = ownTypes(record);
  if (found === undefined) return undefined;
  // OpenAPI 3.0's nullable adds null to whatever the schema's type allows.
  if (record.nullable === true) found.add('null');
  return found;
}

function ownTypes(schema: Record<string, unknown>): Set<ValueType> | undefined {
  const values = Object.hasOwn(schema, 'const') ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : undefined;
  const valueSet = values === undefined ? undefined : new Set(values.map(typeOfValue));
  const declared = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? schema.type : [];
  const typeSet = declared.length > 0 && declared.every(isValueType) ? new Set(declared as ValueType[]) : undefined;
  if (valueSet === undefined || typeSet === undefined) return valueSet ?? typeSet;
  // Both must hold: the listed values of an allowed type.
  return new Set([...valueSet].filter((type) => typesWithin(new Set([type]), typeSet)));
}

function isValueType(type: unknown): type is ValueType {
  return type === 'null' || type === 'boolean' || type === 'integer' || type === 'number' || type === 'string' || type === 'array' || type === 'object';
}

function typeOfValue(value: unknown): ValueType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'boolean' || typeof value === 'string') return typeof value as 'boolean' | 'string';
  return 'object';
}

/** Whether every type in `inner` is allowed by `outer` (an integer is a number). */
export function typesWithin(inner: ReadonlySet<ValueType>, outer: ReadonlySet<ValueType>): boolean {
  return [...inner].every((type) => outer.has(type) || (type === 'integer' && outer.has('number')));
}

/** Keywords that describe a schema without constraining its values. */
const ANNOTATIONS = new Set([
  'title', 'description', 'example', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly',
  'externalDocs', 'xml', '$comment', '$id', '$anchor', '$schema', 'nullable',
]);

/**
 * `oneOf` or `anyOf` when the schema lists one of them (not both) and, besides it, only `type`,
 * annotations and extensions: a schema whose values are "of this type, and one of these".
 */
export function soleAlternatives(schema: Record<string, unknown>): 'oneOf' | 'anyOf' | undefined {
  const present = (['oneOf', 'anyOf'] as const).filter((keyword) => Array.isArray(schema[keyword]));
  if (present.length !== 1) return undefined;
  const keyword = present[0]!;
  const constraining = Object.keys(schema).some((key) => key !== 'type' && key !== keyword && !ANNOTATIONS.has(key) && !key.startsWith('x-'));
  return constraining ? undefined : keyword;
}

/** Whether some value is of a type in both sets (an integer is a number). */
export function typesOverlap(left: ReadonlySet<ValueType>, right: ReadonlySet<ValueType>): boolean {
  const numeric = (set: ReadonlySet<ValueType>) => set.has('integer') || set.has('number');
  return [...left].some((type) => right.has(type)) || (numeric(left) && numeric(right) && (left.has('integer') || right.has('integer')));
}
