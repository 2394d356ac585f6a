// A schema without `type` whose keywords belong to one kind of value (`properties`, `required`,
// `additionalProperties` to objects; `items` to arrays). JSON Schema applies such keywords to values
// of that kind and lets any other value through; openapi-typescript types the schema as that kind.
// The validators read it as the types do for a request (a route's handler gets what its type says)
// and as JSON Schema does for a response (a vendor's value the spec admits is not refused).
import type { SchemaObject } from '../../model/types.ts';

export type TypelessKind = 'object' | 'array';

/** The kinds of value the keywords of a schema without `type`, `const` or `enum` belong to; [] for any other schema. */
export function typelessKinds(schema: SchemaObject): TypelessKind[] {
  if (schema['type'] !== undefined || Object.hasOwn(schema, 'const') || Array.isArray(schema['enum'])) return [];
  const kinds: TypelessKind[] = [];
  const requires = Array.isArray(schema['required']) && schema['required'].length > 0;
  if (schema['properties'] !== undefined || schema['additionalProperties'] !== undefined || requires) kinds.push('object');
  if (schema['items'] !== undefined) kinds.push('array');
  return kinds;
}
