// A second reading of OpenAPI schemas, written independently of the emitter, for the tests:
// it builds the smallest value a schema allows (null where nullable, first enum member, required
// properties only, minimum bounds). If the emitted zod schema rejects such a value, one of the two
// readings is wrong. Returns undefined where it cannot build one (e.g. a required `pattern`).

type Schema = Record<string, unknown>;

const MAX_DEPTH = 40;

export function minimalInstance(schema: unknown, document: Record<string, unknown>): { value: unknown } | undefined {
  return build(schema, document, 0);
}

function resolve(ref: string, document: Record<string, unknown>): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = document;
  for (const token of ref.slice(2).split('/')) {
    const key = decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function isSchema(value: unknown): value is Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function build(schema: unknown, document: Record<string, unknown>, depth: number): { value: unknown } | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (schema === true || schema === undefined) return { value: null };
  if (!isSchema(schema)) return undefined;
  if (typeof schema['$ref'] === 'string') {
    if (schema['nullable'] === true) return { value: null };
    return build(resolve(schema['$ref'], document), document, depth + 1);
  }
  const types = Array.isArray(schema['type']) ? schema['type'] : typeof schema['type'] === 'string' ? [schema['type']] : [];
  if (schema['nullable'] === true || types.includes('null')) return { value: null };
  if (Object.hasOwn(schema, 'const')) return { value: schema['const'] };
  if (Array.isArray(schema['enum'])) return schema['enum'].length > 0 ? { value: schema['enum'][0] } : undefined;

  if (Array.isArray(schema['allOf'])) {
    const parts = schema['allOf'].map((member) => build(member, document, depth + 1));
    if (parts.some((part) => part === undefined)) return undefined;
    const own = types.length > 0 || schema['properties'] ? build({ ...schema, allOf: undefined }, document, depth + 1) : { value: {} };
    if (own === undefined) return undefined;
    return { value: Object.assign({}, own.value, ...parts.map((part) => part!.value)) };
  }
  const alternatives = [...(Array.isArray(schema['anyOf']) ? schema['anyOf'] : []), ...(Array.isArray(schema['oneOf']) ? schema['oneOf'] : [])];
  if (alternatives.length > 0) {
    for (const alternative of alternatives) {
      const built = build(alternative, document, depth + 1);
      if (built !== undefined) return built;
    }
    return undefined;
  }

  const type = types[0] ?? (schema['properties'] ? 'object' : schema['items'] ? 'array' : undefined);
  switch (type) {
    case undefined:
      return { value: null };
    case 'string': {
      if (schema['format'] === 'binary') return { value: new Blob([]) };
      if (schema['pattern'] !== undefined) return undefined;
      const length = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0;
      return { value: 'x'.repeat(length) };
    }
    case 'integer':
    case 'number': {
      const minimum = typeof schema['minimum'] === 'number' ? schema['minimum'] : typeof schema['exclusiveMinimum'] === 'number' ? schema['exclusiveMinimum'] : undefined;
      const exclusive = schema['exclusiveMinimum'] === true || typeof schema['exclusiveMinimum'] === 'number';
      if (minimum !== undefined) return { value: exclusive ? Math.floor(minimum) + 1 : Math.ceil(minimum) };
      const maximum = typeof schema['maximum'] === 'number' ? schema['maximum'] : undefined;
      return { value: maximum !== undefined && maximum < 0 ? Math.floor(maximum) - (schema['exclusiveMaximum'] === true ? 1 : 0) : 0 };
    }
    case 'boolean':
      return { value: false };
    case 'array': {
      const count = typeof schema['minItems'] === 'number' ? schema['minItems'] : 0;
      if (count === 0) return { value: [] };
      const item = build(schema['items'], document, depth + 1);
      return item === undefined ? undefined : { value: Array.from({ length: count }, () => item.value) };
    }
    case 'object': {
      const properties = isSchema(schema['properties']) ? schema['properties'] : {};
      const value: Record<string, unknown> = {};
      for (const name of Array.isArray(schema['required']) ? schema['required'] : []) {
        if (typeof name !== 'string' || !Object.hasOwn(properties, name)) continue;
        const built = build(properties[name], document, depth + 1);
        if (built === undefined) return undefined;
        value[name] = built.value;
      }
      return { value };
    }
    default:
      return undefined;
  }
}

/** The first required property of an object schema that must be a non-null string, number or boolean. */
export function requiredScalar(schema: unknown, document: Record<string, unknown>): string | undefined {
  let target: unknown = schema;
  for (let hops = 0; isSchema(target) && typeof target['$ref'] === 'string' && hops < 10; hops++) {
    if (target['nullable'] === true) return undefined;
    target = resolve(target['$ref'], document);
  }
  if (!isSchema(target) || !isSchema(target['properties'])) return undefined;
  const properties = target['properties'];
  for (const name of Array.isArray(target['required']) ? target['required'] : []) {
    const property = properties[name as string];
    if (!isSchema(property) || property['nullable'] === true || property['$ref'] !== undefined) continue;
    if (['string', 'integer', 'number', 'boolean'].includes(property['type'] as string) && property['format'] !== 'binary') return name as string;
  }
  return undefined;
}
