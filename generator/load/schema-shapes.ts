// Schemas the type generator cannot read, refused at load time with their place in the spec
// instead of failing (or crashing) later in emit:
// - a subschema that is not an object (or a boolean, which JSON Schema allows), e.g. a bare
//   string where `oneOf`, `items` or a property's schema is expected;
// - `type: object` with an `enum` of non-objects (`enum: ["A", "B"]` on an object schema): no
//   value can satisfy both, and openapi-typescript reads each enum entry as a subschema.
import { toPointer } from '../json-pointer.ts';

export interface SchemaShapeProblem {
  pointer: string;
  problem: string;
}

/** Keywords whose values are data, not schemas. */
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const']);
/** Keywords holding one subschema (a boolean allowed). */
const ONE_SCHEMA = new Set(['items', 'not', 'additionalProperties', 'additionalItems', 'contains', 'propertyNames', 'if', 'then', 'else', 'unevaluatedProperties', 'unevaluatedItems']);
/** Keywords holding a list of subschemas. */
const SCHEMA_LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/** Keywords holding a name → subschema map. */
const SCHEMA_MAP = new Set(['properties', 'patternProperties']);

/** The first problem in document order, or undefined. */
export function findSchemaShapeProblem(document: Record<string, any>): SchemaShapeProblem | undefined {
  const stack: (string | number)[] = [];
  let found: SchemaShapeProblem | undefined;

  const subschema = (value: unknown, key: string | number): void => {
    if (found) return;
    stack.push(key);
    // A boolean is a schema in JSON Schema; openapi-typescript reads null as `never`.
    if (typeof value !== 'object' || Array.isArray(value)) {
      if (typeof value !== 'boolean') found = { pointer: toPointer(stack), problem: `expected a schema (an object), found ${describe(value)}` };
    } else if (value !== null) {
      walk(value as Record<string, unknown>, true);
    }
    stack.pop();
  };

  // `schemaish`: the node is known to be a schema (so its keywords are checked); elsewhere only
  // the `schema` members of media types, parameters and headers and `components.schemas` are.
  const walk = (node: Record<string, unknown>, schemaish: boolean): void => {
    if (found) return;
    if (schemaish) {
      const enumValues = node.enum;
      if (node.type === 'object' && Array.isArray(enumValues)) {
        // null is a fine value of a nullable object schema.
        const index = enumValues.findIndex((entry) => entry !== null && (typeof entry !== 'object' || Array.isArray(entry)));
        if (index !== -1) {
          stack.push('enum', index);
          found = { pointer: toPointer(stack), problem: `enum value ${JSON.stringify(enumValues[index])} is not an object, but the schema's type is object: no value can match` };
          stack.length -= 2;
          return;
        }
      }
    }
    for (const key in node) {
      if (found) return;
      const value = node[key];
      if (key.startsWith('x-') || DATA_KEYS.has(key)) continue;
      if (schemaish && ONE_SCHEMA.has(key) && !(key === 'items' && Array.isArray(value))) {
        subschema(value, key);
        continue;
      }
      if (schemaish && (SCHEMA_LIST.has(key) || (key === 'items' && Array.isArray(value)))) {
        if (!Array.isArray(value)) continue;
        stack.push(key);
        value.forEach((entry, index) => subschema(entry, index));
        stack.pop();
        continue;
      }
      if (schemaish && SCHEMA_MAP.has(key)) {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
        stack.push(key);
        for (const name in value as Record<string, unknown>) subschema((value as Record<string, unknown>)[name], name);
        stack.pop();
        continue;
      }
      if (key === 'schema' && !schemaish) {
        subschema(value, key);
        continue;
      }
      if (value === null || typeof value !== 'object') continue;
      stack.push(key);
      if (stack.length === 2 && stack[0] === 'components' && key === 'schemas' && !Array.isArray(value)) {
        for (const name in value as Record<string, unknown>) subschema((value as Record<string, unknown>)[name], name);
      } else if (Array.isArray(value)) {
        value.forEach((entry, index) => {
          if (entry === null || typeof entry !== 'object') return;
          stack.push(index);
          walk(entry as Record<string, unknown>, schemaish);
          stack.pop();
        });
      } else {
        walk(value as Record<string, unknown>, schemaish);
      }
      stack.pop();
    }
  };
  walk(document, false);
  return found;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}
