// Schemas the type generator cannot read, refused at load time with their place in the spec
// instead of failing (or crashing) later in emit:
// - a subschema that is not an object (or a boolean, which JSON Schema allows), e.g. a bare
//   string where `oneOf`, `items` or a property's schema is expected;
// - `type: object` with an `enum` of non-objects (`enum: ["A", "B"]` on an object schema): no
//   value can satisfy both, and openapi-typescript reads each enum entry as a subschema;
// - null where a subschema is expected, a list keyword (`allOf` …) that is not a list, a boolean
//   in `allOf`, `anyOf` or `oneOf` (openapi-typescript reads their members as objects),
//   `properties` (or `components.schemas`, or Swagger 2.0's `definitions`) that is not an object,
//   `required` that is not a list where it is read, and a
//   `$ref`, `title` or `summary` that is not text (openapi-typescript reads a reference as text
//   and writes the other two into doc comments with .trim()): each ended in an internal error
//   (found by structural mutations of real specs).
import { toPointer } from '../json-pointer.ts';
import { inResponses } from './walk-refs.ts';

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
/** The list keywords whose members openapi-typescript reads as objects (a tuple's `items` may hold booleans). */
const COMPOSITION = new Set(['allOf', 'anyOf', 'oneOf']);
/** Keywords whose value later stages read as text. */
const TEXT_KEYS = ['$ref', 'title', 'summary'] as const;
/** Keywords holding a name → subschema map. */
const SCHEMA_MAP = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas']);

/** The first problem in document order, or undefined. */
export function findSchemaShapeProblem(document: Record<string, any>): SchemaShapeProblem | undefined {
  const stack: (string | number)[] = [];
  let found: SchemaShapeProblem | undefined;
  // OpenAPI 3.0 ignores what stands beside a `$ref` (3.1 applies it), so only the doc-comment text there is read.
  const siblingsIgnored = !/^3\.1\./.test(String(document.openapi));
  // A Swagger 2.0 parameter other than a body, and a response header, is a schema itself (`type`,
  // `items`, `enum` …): checked here, its faults are named where the file has them, not in the
  // `schema` the converter makes of it.
  const swagger2 = document.swagger === '2.0';
  const ownKind = (key: string): 'parameter' | 'header' => (key === 'parameters' ? 'parameter' : 'header');
  const schemaLike = (key: string, entry: Record<string, unknown>): boolean =>
    swagger2 && ((key === 'parameters' && entry.in !== 'body' && entry.$ref === undefined) || (key === 'headers' && stack.length > 0));
  /** Records the problem at the current place plus `segments`. */
  const refuse = (segments: (string | number)[], problem: string): void => {
    found = { pointer: toPointer([...stack, ...segments]), problem };
  };

  const subschema = (value: unknown, key: string | number): void => {
    if (found) return;
    stack.push(key);
    // A boolean is a schema in JSON Schema.
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      if (typeof value !== 'boolean') refuse([], `expected a schema (an object), found ${describe(value)}`);
    } else {
      walk(value as Record<string, unknown>, true);
    }
    stack.pop();
  };

  // `schemaish`: the node is known to be a schema (so its keywords are checked); elsewhere only
  // the `schema` members of media types, parameters and headers and `components.schemas` are.
  // `own`: the node is a Swagger 2.0 non-body parameter or response header, read as a schema.
  const walk = (node: Record<string, unknown>, schemaish: boolean, own?: 'parameter' | 'header'): void => {
    if (found) return;
    if (schemaish) {
      // A `$ref` is a reference only as text; a `title` or `summary` goes into a doc comment as text (a falsy one is left out).
      const notText = TEXT_KEYS.find((key) => (key === '$ref' ? node[key] !== undefined : Boolean(node[key])) && typeof node[key] !== 'string');
      if (notText) return refuse([notText], `\`${notText}\` must be text, found ${describe(node[notText])}`);
      if (siblingsIgnored && typeof node.$ref === 'string') return;
      // The names a schema requires are read as a list where it has properties or allOf members, or
      // is one (openapi-typescript merges the lists); `required: true` on a property itself, a
      // common slip, is left alone elsewhere: nothing reads it.
      const required = node.required;
      const read = node.properties !== undefined || node.allOf !== undefined || stack.at(-2) === 'allOf';
      // A Swagger 2.0 parameter read as a schema: its `required` is the parameter's own boolean.
      if (required !== undefined && !Array.isArray(required) && !(own === 'parameter' && typeof required === 'boolean') && (typeof required !== 'boolean' || read)) {
        return refuse(['required'], `\`required\` must be a list of property names, found ${describe(node.required)}`);
      }
      // The converter reads these as text (a null type or an object collectionFormat stopped it,
      // and its refusal was charged to a neighbour).
      const untyped = own && (['type', 'collectionFormat'] as const).find((key) => node[key] !== undefined && typeof node[key] !== 'string');
      if (untyped) return refuse([untyped], `a ${own}'s \`${untyped}\` must be text in Swagger 2.0, found ${describe(node[untyped])}`);
      const enumValues = node.enum;
      // openapi-typescript iterates an object schema's enum: anything else stopped it with a TypeError.
      if (enumValues !== undefined && !Array.isArray(enumValues)) return refuse(['enum'], `\`enum\` must be a list of values, found ${describe(enumValues)}`);
      // JSON.parse reads 1e999 as Infinity, which openapi-typescript writes as a type TypeScript refuses.
      const infinite = Array.isArray(enumValues) ? enumValues.findIndex((value) => typeof value === 'number' && !Number.isFinite(value)) : -1;
      if (infinite !== -1) return refuse(['enum', infinite], 'an enum value is a number beyond what a double holds (it reads as Infinity): no value can be sent or typed as it');
      if (typeof node.const === 'number' && !Number.isFinite(node.const)) return refuse(['const'], '`const` is a number beyond what a double holds (it reads as Infinity): no value can be sent or typed as it');
      if (node.type === 'object' && Array.isArray(enumValues)) {
        // null is a fine value of a nullable object schema.
        const index = enumValues.findIndex((entry) => entry !== null && (typeof entry !== 'object' || Array.isArray(entry)));
        if (index !== -1) return refuse(['enum', index], `enum value ${JSON.stringify(enumValues[index])} is not an object, but the schema's type is object: no value can match`);
      }
    }
    for (const key in node) {
      if (found) return;
      const value = node[key];
      // An `x-` key is an extension, but in a map of headers (`x-request-id`) it names a header,
      // and in a map of components (`components.parameters`) a component.
      const componentName = !schemaish && stack.length === 2 && stack[0] === 'components';
      const extension = key.startsWith('x-') && (schemaish || stack.at(-1) !== 'headers') && !componentName;
      if (extension || (DATA_KEYS.has(key) && !(key === 'default' && !schemaish && inResponses(stack)))) continue;
      // A non-body parameter has no `schema` in Swagger 2.0, but the converter reads one written there.
      if (own && key === 'schema') {
        subschema(value, key);
        continue;
      }
      if (schemaish && ONE_SCHEMA.has(key) && !(key === 'items' && Array.isArray(value))) {
        subschema(value, key);
        continue;
      }
      if (schemaish && (SCHEMA_LIST.has(key) || (key === 'items' && Array.isArray(value)))) {
        if (!Array.isArray(value)) return refuse([key], `\`${key}\` must be a list of schemas, found ${describe(value)}`);
        // openapi-typescript reads the members of allOf, anyOf and oneOf as objects: a boolean there stops it.
        const boolean = COMPOSITION.has(key) ? value.findIndex((entry) => typeof entry === 'boolean') : -1;
        if (boolean !== -1) return refuse([key, boolean], `a boolean schema in \`${key}\` is not supported; write {} for true, or {"not": {}} for false`);
        stack.push(key);
        value.forEach((entry, index) => subschema(entry, index));
        stack.pop();
        continue;
      }
      if (schemaish && SCHEMA_MAP.has(key)) {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) return refuse([key], `\`${key}\` must be an object of schemas by name, found ${describe(value)}`);
        stack.push(key);
        for (const name in value as Record<string, unknown>) subschema((value as Record<string, unknown>)[name], name);
        stack.pop();
        continue;
      }
      if (key === 'schema' && !schemaish) {
        subschema(value, key);
        continue;
      }
      // OpenAPI 3's component schemas, or Swagger 2.0's definitions (checked before conversion).
      const schemaMap = (stack.length === 1 && stack[0] === 'components' && key === 'schemas') || (stack.length === 0 && key === 'definitions');
      if (schemaMap && (value === null || typeof value !== 'object' || Array.isArray(value))) return refuse([key], `\`${key}\` must be an object of schemas by name, found ${describe(value)}`);
      if (value === null || typeof value !== 'object') continue;
      stack.push(key);
      if (schemaMap) {
        for (const name in value as Record<string, unknown>) subschema((value as Record<string, unknown>)[name], name);
      } else if (Array.isArray(value)) {
        value.forEach((entry, index) => {
          if (entry === null || typeof entry !== 'object') return;
          stack.push(index);
          const like = schemaLike(key, entry as Record<string, unknown>);
          walk(entry as Record<string, unknown>, schemaish || like, like ? ownKind(key) : undefined);
          stack.pop();
        });
      } else if (!schemaish && (key === 'parameters' || key === 'headers') && swagger2) {
        // The file's shared parameters by name, or a response's headers by name.
        for (const [name, entry] of Object.entries(value as Record<string, unknown>)) {
          if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) continue;
          stack.push(name);
          const like = schemaLike(key, entry as Record<string, unknown>);
          walk(entry as Record<string, unknown>, like, like ? ownKind(key) : undefined);
          stack.pop();
        }
      } else {
        walk(value as Record<string, unknown>, schemaish);
      }
      stack.pop();
    }
  };
  walk(document, false);
  return found;
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}
