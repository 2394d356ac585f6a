// ajv as an independent reader of a corpus spec's schemas, for comparing the generated zod
// validators with it: the OpenAPI schema rewritten as the JSON Schema OpenAPI means, per side of
// the call, with the emitter's deliberate readings applied (generator/emit/zod/convert.ts: open
// response objects; in a request, a typeless schema with object keywords is an object, as the
// TypeScript types read it), so only unintended differences remain; and json-schema-faker for
// instances of it.
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import { JSONSchemaFaker } from 'json-schema-faker';

type Schema = Record<string, any>;
export type Side = 'request' | 'response';

/** Readings the validators relax on purpose; an oracle built with one explains a difference. */
export type Leniency = 'oneOfAsAnyOf' | 'undeclaredRequired' | 'openObjects';

const isObject = (value: unknown): value is Schema => value !== null && typeof value === 'object' && !Array.isArray(value);

const MAPS = ['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas'];
const SINGLE = ['additionalProperties', 'not', 'contains', 'propertyNames', 'if', 'then', 'else', 'additionalItems', 'unevaluatedProperties', 'unevaluatedItems'];
const LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];

interface Reading {
  side: Side;
  openapi31: boolean;
  leniency?: Leniency;
}

/** One schema object of the spec as JSON Schema. */
export function jsonSchema(schema: unknown, reading: Reading, inAllOf = false): unknown {
  if (!isObject(schema)) return schema;
  const { openapi31, leniency } = reading;
  // OpenAPI 3.0: `$ref` siblings are ignored; `nullable` beside one is commonly meant and the emitter honours it.
  if (!openapi31 && typeof schema['$ref'] === 'string') {
    const ref = { $ref: schema['$ref'] };
    return schema['nullable'] === true ? { anyOf: [ref, { type: 'null' }] } : ref;
  }
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (MAPS.includes(key) && isObject(value)) out[key] = Object.fromEntries(Object.entries(value).map(([name, member]) => [name, jsonSchema(member, reading)]));
    else if (SINGLE.includes(key) && isObject(value)) out[key] = jsonSchema(value, reading);
    else if (LISTS.includes(key) && Array.isArray(value)) out[key] = value.map((member) => jsonSchema(member, reading, key === 'allOf'));
    else if (key === 'items') out[key] = Array.isArray(value) ? value.map((member) => jsonSchema(member, reading)) : jsonSchema(value, reading);
    else out[key] = value;
  }
  if (openapi31) delete out['nullable'];
  // The emitter's reading of a request (and the TypeScript types'): a typeless schema with object
  // keywords is an object, one with only `items` an array. JSON Schema, and the validators of a
  // response, let any other type through.
  const requires = Array.isArray(out['required']) && out['required'].length > 0;
  const typeless = out['type'] === undefined && !Object.hasOwn(out, 'const') && !Array.isArray(out['enum']);
  if (reading.side === 'request' && typeless && (out['properties'] !== undefined || out['additionalProperties'] !== undefined || requires)) out['type'] = 'object';
  else if (reading.side === 'request' && typeless && out['items'] !== undefined) out['type'] = 'array';
  if (!openapi31) {
    // OpenAPI 3.0 (JSON Schema draft 4): boolean exclusive bounds modify minimum / maximum.
    for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
      if (typeof out[exclusive] !== 'boolean') continue;
      if (out[exclusive] && typeof out[bound] === 'number') {
        out[exclusive] = out[bound];
        delete out[bound];
      } else delete out[exclusive];
    }
    if (out['type'] === 'file') delete out['type'];
  }
  // readOnly properties are not sent, writeOnly ones not returned.
  if (Array.isArray(out['required']) && isObject(schema['properties'])) {
    const skip = reading.side === 'request' ? 'readOnly' : 'writeOnly';
    out['required'] = out['required'].filter((name: string) => !(isObject(schema['properties'][name]) && schema['properties'][name][skip] === true));
  }
  // Response objects are open (vendors add fields), and so are allOf members in requests.
  const declares = isObject(out['properties']) && Object.keys(out['properties']).length > 0;
  if (reading.side === 'response' && (out['additionalProperties'] === false || (declares && out['additionalProperties'] !== undefined))) delete out['additionalProperties'];
  if (inAllOf && out['additionalProperties'] === false) delete out['additionalProperties'];
  // The only format that bounds a JavaScript number.
  if (out['type'] === 'integer' && out['format'] === 'int32') (out['allOf'] ??= []).push({ minimum: -(2 ** 31), maximum: 2 ** 31 - 1 });
  if (leniency === 'oneOfAsAnyOf' && Array.isArray(out['oneOf'])) {
    out['anyOf'] = out['anyOf'] ? [{ anyOf: out['anyOf'] }, { anyOf: out['oneOf'] }] : out['oneOf'];
    delete out['oneOf'];
  }
  if (leniency === 'openObjects' && out['additionalProperties'] === false) delete out['additionalProperties'];
  if (leniency === 'undeclaredRequired' && out['type'] === 'object' && Array.isArray(out['required'])) {
    out['required'] = out['required'].filter((name: string) => isObject(out['properties']) && Object.hasOwn(out['properties'], name));
  }
  if (!openapi31 && out['nullable'] === true) {
    delete out['nullable'];
    return { anyOf: [{ type: 'null' }, out] };
  }
  return out;
}

/** The document with every schema position rewritten (components and inline `schema` keys). */
function jsonSchemaDocument(document: Schema, reading: Reading): Schema {
  const walk = (node: unknown, parentKey?: string): unknown => {
    if (Array.isArray(node)) return node.map((item) => walk(item));
    if (!isObject(node)) return node;
    return Object.fromEntries(Object.entries(node).map(([key, value]) => {
      if (key === 'schema') return [key, jsonSchema(value, reading)];
      if ((key === 'schemas' && parentKey === 'components') || key === 'definitions') {
        return [key, isObject(value) ? Object.fromEntries(Object.entries(value).map(([name, member]) => [name, jsonSchema(member, reading)])) : value];
      }
      return [key, walk(value, key)];
    }));
  };
  return walk(document) as Schema;
}

/** `#/…` pointers of a root schema, pointed into the document ajv holds as `doc`. */
function intoDocument(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(intoDocument);
  if (!isObject(node)) return node;
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, key === '$ref' && typeof value === 'string' && value.startsWith('#') ? `doc${value}` : intoDocument(value)]));
}

/** Patterns compile as the emitter compiles them: with `u` where possible, else without. */
function regExp(pattern: string, flags: string): RegExp {
  for (const candidate of [flags, flags.replace('u', '')]) {
    try {
      return new RegExp(pattern, candidate);
    } catch {
      // next
    }
  }
  return { test: () => true } as unknown as RegExp;
}

export interface Oracle {
  /** Whether JSON Schema admits `value` for `schema` (a schema object of the document). */
  accepts(schema: unknown, side: Side, value: unknown, leniency?: Leniency): boolean;
  /** An instance of `schema` from json-schema-faker, or undefined where it builds none. */
  fake(schema: unknown, side: Side, seed: number): unknown;
}

export function oracle(document: Schema): Oracle {
  const openapi31 = String(document['openapi']).startsWith('3.1');
  const validators = new Map<string, { ajv: any; json: Schema; faker: Schema }>();
  const compiled = new Map<string, WeakMap<object, (value: unknown) => boolean>>();
  const instance = (side: Side, leniency?: Leniency) => {
    const key = `${side}:${leniency ?? ''}`;
    let found = validators.get(key);
    if (found === undefined) {
      const json = jsonSchemaDocument(document, { side, openapi31, ...(leniency ? { leniency } : {}) });
      // Formats are annotations (OpenAPI leaves unknown ones to tools; the emitter checks none but int32, above).
      const options = { strict: false, validateFormats: false, validateSchema: false, multipleOfPrecision: 9, allowUnionTypes: true, code: { regExp: regExp as any } };
      const ajv = openapi31 ? new (Ajv2020 as any).default(options) : new (Ajv as any)(options);
      ajv.addSchema(json, 'doc');
      // json-schema-faker rewrites the schemas it is given: it gets a copy of its own.
      validators.set(key, (found = { ajv, json, faker: structuredClone({ components: json['components'], definitions: json['definitions'] }) }));
    }
    return found;
  };
  return {
    accepts(schema, side, value, leniency) {
      const key = `${side}:${leniency ?? ''}`;
      const cache = compiled.get(key) ?? compiled.set(key, new WeakMap()).get(key)!;
      let validate = isObject(schema) ? cache.get(schema) : undefined;
      if (validate === undefined) {
        validate = instance(side, leniency).ajv.compile(intoDocument(jsonSchema(schema, { side, openapi31, ...(leniency ? { leniency } : {}) }))) as (value: unknown) => boolean;
        if (isObject(schema)) cache.set(schema, validate);
      }
      return validate(value);
    },
    fake(schema, side, seed) {
      const { faker } = instance(side);
      let state = seed;
      // mulberry32: a fixed sequence per seed, so the instances are the same on every run.
      const random = () => {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      JSONSchemaFaker.option({ random, alwaysFakeOptionals: seed % 2 === 0, refDepthMin: 0, refDepthMax: 2, maxItems: 2, maxLength: 12, failOnInvalidTypes: false, failOnInvalidFormat: false, useExamplesValue: false, useDefaultValue: false } as any);
      try {
        const root = jsonSchema(schema, { side, openapi31 }) as Schema;
        return JSONSchemaFaker.generate({ ...root, ...faker } as any);
      } catch {
        return undefined;
      }
    },
  };
}
