// OpenAPI 3.0 / 3.1 schema object → zod 4 expression text. Formats are annotations (as in JSON
// Schema 2020-12) except where they change the JavaScript value: `binary` (file content), `int32`
// (a bounded range; any other integer is unbounded, as JSON Schema reads it). Request-side objects
// follow `additionalProperties`; response-side objects are always loose, since vendors add fields
// without a new API version (so a response object that declares properties is not held to its
// `maxProperties` either). A schema without `type` whose keywords are an object's or an array's is
// that kind in a request, and checks only values of that kind in a response (typeless.ts).

import type { SchemaObject } from '../../model/types.ts';
import { INDENT, expr, isMultiline, list, shift, type Expr } from './code.ts';
import { propertyKey } from './identifiers.ts';
import { componentNameOf, isSchemaObject, resolveLocalPointer } from './refs.ts';
import { patternCheck, type PatternNotes, type UncheckedReason } from './pattern.ts';
import { typelessKinds, type TypelessKind } from './typeless.ts';

export type SchemaMode = 'request' | 'response';

/** Small schemas the generated module defines once, only when some schema uses them. */
export type Helper = 'binary' | 'integer' | 'jsonValue' | 'ownKeys' | 'protoKeys' | 'typeless' | 'uniqueItems';

export interface ConvertContext {
  readonly document: Record<string, unknown>;
  readonly mode: SchemaMode;
  /** OpenAPI 3.1: `$ref` siblings are assertions, `exclusiveMinimum` is a number, `type` may be a list. */
  readonly openapi31: boolean;
  /** The const for a component in this mode and whether it belongs to the current cycle. */
  readonly reference: (component: string) => { identifier: string; deferred: boolean } | undefined;
  readonly helpers: Set<Helper>;
  /** Where the patterns the module rewrote or left unchecked are noted. */
  readonly patterns: PatternNotes;
}

interface State {
  readonly indent: string;
  /** False inside intersections: a strict object there would reject its sibling's properties. */
  readonly strictAllowed: boolean;
  /** Non-component pointers being inlined, to stop a pointer that loops back into itself. */
  readonly pointers: readonly string[];
}

/** Converts `schema` as the value of an expression that starts at `indent`. */
export function convertSchema(schema: unknown, context: ConvertContext, indent = ''): Expr {
  return convert(schema, context, { indent, strictAllowed: true, pointers: [] });
}

const ANNOTATIONS = new Set([
  'title', 'description', 'example', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly',
  'externalDocs', 'xml', 'discriminator', '$comment', '$id', '$schema', '$anchor', 'nullable',
]);

function convert(schema: unknown, context: ConvertContext, state: State): Expr {
  if (schema === true || schema === undefined) return expr('z.unknown()');
  if (schema === false) return expr('z.never()');
  if (!isSchemaObject(schema)) return expr('z.unknown()');

  const ref = schema['$ref'];
  const base = typeof ref === 'string' ? convertReference(ref, schema, context, state) : convertInline(schema, context, state);
  return schema['nullable'] === true ? nullable(base) : base;
}

function nullable(inner: Expr): Expr {
  if (inner.code === 'z.unknown()' || inner.code.startsWith('z.nullable(')) return inner;
  return expr(`z.nullable(${inner.code})`, inner.deferred);
}

function convertReference(ref: string, schema: SchemaObject, context: ConvertContext, state: State): Expr {
  let target: Expr;
  const pointed = resolveLocalPointer(context.document, ref);
  const component = componentNameOf(ref);
  if (component !== undefined) {
    const resolved = context.reference(component);
    target = resolved === undefined
      ? expr('z.unknown() /* unresolved $ref */')
      : expr(resolved.identifier, resolved.deferred);
  } else if (state.pointers.includes(ref)) {
    target = expr('z.unknown() /* self-referencing pointer */');
  } else {
    target = pointed === undefined
      ? expr('z.unknown() /* unresolved $ref */')
      : convert(pointed, context, { ...state, pointers: [...state.pointers, ref] });
  }
  // OpenAPI 3.0 ignores `$ref` siblings; 3.1 applies them alongside the referenced schema.
  if (!context.openapi31) return target;
  const { $ref: _ignored, ...siblings } = schema;
  const assertions = Object.keys(siblings).filter((key) => !ANNOTATIONS.has(key) && !key.startsWith('x-'));
  if (assertions.length === 0) return target;
  // `{ $ref, type }` restating the target's own type adds nothing.
  if (assertions.length === 1 && assertions[0] === 'type' && isSchemaObject(pointed)
    && JSON.stringify(pointed['type']) === JSON.stringify(siblings['type'])) return target;
  // Type-specific siblings (`maxLength`) bind through the target's type when they name none.
  const typed = siblings['type'] === undefined && isSchemaObject(pointed) && pointed['type'] !== undefined
    ? { ...siblings, type: pointed['type'] }
    : siblings;
  return intersection([target, convertInline(typed, context, { ...state, strictAllowed: false })], state);
}

function convertInline(schema: SchemaObject, context: ConvertContext, state: State): Expr {
  const parts: Expr[] = [];
  const allOf = Array.isArray(schema['allOf']) ? schema['allOf'] : [];
  // anyOf and oneOf beside each other both bind: a value matches one of each list.
  const choices = [schema['anyOf'], schema['oneOf']].filter((list): list is unknown[] => Array.isArray(list) && list.length > 0);
  const alternatives = choices.flat();
  const composite = allOf.length > 0 || alternatives.length > 0;
  const partState = composite ? { ...state, strictAllowed: false } : state;

  const merged = allOf.length > 0 ? mergeAllOf(schema, allOf) : undefined;
  if (merged !== undefined) {
    parts.push(convertOwn(merged, context, alternatives.length > 0 ? partState : state) ?? expr('z.unknown()'));
  } else {
    const own = convertOwn(schema, context, partState);
    if (own !== undefined) parts.push(own);
    for (const member of allOf) parts.push(convert(member, context, partState));
  }
  // One list of alternatives alone is parsed apart, so each may stay as closed as it says.
  const alternativeState = parts.length === 0 && choices.length === 1 ? state : partState;
  for (const list of choices) parts.push(union(list.map((item) => convert(item, context, alternativeState)), state));
  if (parts.length === 0) return expr('z.unknown()');
  return intersection(parts, state);
}

/**
 * allOf of inline objects without further composition: one merged object validates the same as
 * their intersection and reads far better. Undefined when the members do not merge cleanly.
 */
function mergeAllOf(parent: SchemaObject, members: unknown[]): SchemaObject | undefined {
  const own = ownObjectPart(parent);
  if (!isMergeableObject(own) || !members.every(isMergeableObject)) return undefined;
  return mergeObjects([own, ...members]);
}

function ownObjectPart(schema: SchemaObject): SchemaObject {
  const { allOf: _a, anyOf: _b, oneOf: _c, ...rest } = schema;
  return rest;
}

function isMergeableObject(member: unknown): member is SchemaObject {
  if (!isSchemaObject(member)) return false;
  if ('$ref' in member || 'allOf' in member || 'anyOf' in member || 'oneOf' in member) return false;
  if (member['type'] !== undefined && member['type'] !== 'object') return false;
  return !isSchemaObject(member['additionalProperties']);
}

function mergeObjects(members: SchemaObject[]): SchemaObject | undefined {
  // No prototype: a member's property named __proto__ is a key like any other.
  const properties: Record<string, unknown> = Object.create(null);
  const required = new Set<string>();
  for (const member of members) {
    const own = isSchemaObject(member['properties']) ? member['properties'] : {};
    for (const [name, value] of Object.entries(own)) {
      // The same property constrained twice needs both constraints: leave that to an intersection.
      if (Object.hasOwn(properties, name) && JSON.stringify(properties[name]) !== JSON.stringify(value)) return undefined;
      properties[name] = value;
    }
    if (Array.isArray(member['required'])) for (const name of member['required']) if (typeof name === 'string') required.add(name);
  }
  const closed = members.every((member) => member['additionalProperties'] === false);
  // Each member's count binds the whole value, as in the intersection: the largest minimum, the smallest maximum.
  const counts = (key: 'minProperties' | 'maxProperties') => members.map((member) => member[key]).filter(isCount);
  const [minimums, maximums] = [counts('minProperties'), counts('maxProperties')];
  return {
    type: 'object',
    properties,
    required: [...required],
    ...(closed ? { additionalProperties: false } : {}),
    ...(minimums.length > 0 ? { minProperties: Math.max(...minimums) } : {}),
    ...(maximums.length > 0 ? { maxProperties: Math.min(...maximums) } : {}),
  };
}

/** The schema's own type keywords (type, enum, const, properties, items …), ignoring composition. */
function convertOwn(schema: SchemaObject, context: ConvertContext, state: State): Expr | undefined {
  if (Object.hasOwn(schema, 'const')) return literalExpr([schema['const']], context);
  if (Array.isArray(schema['enum'])) return enumExpr(schema['enum'], context);

  const typeless = typelessKinds(schema);
  if (typeless.length > 0) return typelessExpr(typeless, schema, context, state);
  const declared = schema['type'];
  const types = (Array.isArray(declared) ? declared : typeof declared === 'string' ? [declared] : [])
    .filter((type): type is string => typeof type === 'string');
  if (types.length === 0) return undefined;
  const allowsNull = types.includes('null');
  const concrete = [...new Set(types.filter((type) => type !== 'null'))];
  if (concrete.length === 0) return expr('z.null()');
  const variants = concrete.map((type) => convertType(type, schema, context, state));
  const combined = variants.length === 1 ? variants[0]! : union(variants, state);
  return allowsNull ? nullable(combined) : combined;
}

/**
 * A schema without `type` whose keywords belong to objects or arrays (typeless.ts): for a request,
 * a value of that kind (objects first), as the TypeScript types read it; for a response, each
 * kind's keywords checked on values of that kind, any other value let through, as JSON Schema reads it.
 */
function typelessExpr(kinds: TypelessKind[], schema: SchemaObject, context: ConvertContext, state: State): Expr {
  if (context.mode === 'request') return convertType(kinds[0]!, schema, context, state);
  context.helpers.add('typeless');
  return intersection(kinds.map((kind) => {
    const checked = convertType(kind, schema, context, state);
    return expr(`${kind === 'object' ? 'ifObject' : 'ifArray'}(${checked.code})`, checked.deferred);
  }), state);
}

function convertType(type: string, schema: SchemaObject, context: ConvertContext, state: State): Expr {
  switch (type) {
    case 'string':
      return expr(stringExpr(schema, context));
    case 'integer':
      return expr(integerExpr(schema, context));
    case 'number':
      return expr(`z.number()${numberChecks(schema, context)}`);
    case 'boolean':
      return expr('z.boolean()');
    case 'array':
      return arrayExpr(schema, context, state);
    case 'object':
      return objectExpr(schema, context, state);
    case 'file':
      // Swagger 2.0 form-data file parameters, as converted by some tools.
      context.helpers.add('binary');
      return expr('binary');
    default:
      return expr(`z.unknown() /* unknown type ${JSON.stringify(type).replace(/\*\//g, '* /')} */`);
  }
}

const UNCHECKED_WHY: Readonly<Record<UncheckedReason, string>> = {
  'not readable as meant': 'JavaScript cannot read it as meant',
  'exponential backtracking': 'matching it can take exponential time',
};

function stringExpr(schema: SchemaObject, context: ConvertContext): string {
  if (schema['format'] === 'binary') {
    context.helpers.add('binary');
    return 'binary';
  }
  let code = 'z.string()';
  if (isCount(schema['minLength']) && schema['minLength'] > 0) code += `.min(${schema['minLength']})`;
  if (isCount(schema['maxLength'])) code += `.max(${schema['maxLength']})`;
  const pattern = schema['pattern'];
  if (typeof pattern === 'string') {
    const check = patternCheck(pattern);
    if ('unchecked' in check) {
      context.patterns.unchecked.set(pattern, check.unchecked);
      code += ` /* pattern not checked: ${UNCHECKED_WHY[check.unchecked]} (manifest: uncheckedPatterns) */`;
    } else {
      code += `.regex(${check.expression})`;
      if (check.translated) {
        context.patterns.translated.set(pattern, check.expression);
        code += ` /* the spec's ${JSON.stringify(pattern).replace(/\*\//g, '* /')} (manifest: translatedPatterns) */`;
      }
    }
  }
  return code;
}

function integerExpr(schema: SchemaObject, context: ConvertContext): string {
  const checks = numberChecks(schema, context);
  if (schema['format'] === 'int32') return `z.int32()${checks}`;
  // An integer without int32 has no upper bound (ids beyond 2^53 are common, JSON.parse yields them
  // as numbers); z.int() would reject anything outside the safe-integer range.
  context.helpers.add('integer');
  return `integer${checks}`;
}

function numberChecks(schema: SchemaObject, context: ConvertContext): string {
  let checks = '';
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf } = schema;
  if (typeof exclusiveMinimum === 'number' && (context.openapi31 || minimum === undefined)) checks += `.gt(${exclusiveMinimum})`;
  else if (typeof minimum === 'number') checks += exclusiveMinimum === true ? `.gt(${minimum})` : `.gte(${minimum})`;
  if (typeof exclusiveMaximum === 'number' && (context.openapi31 || maximum === undefined)) checks += `.lt(${exclusiveMaximum})`;
  else if (typeof maximum === 'number') checks += exclusiveMaximum === true ? `.lt(${maximum})` : `.lte(${maximum})`;
  if (typeof multipleOf === 'number' && multipleOf > 0) checks += `.multipleOf(${multipleOf})`;
  return checks;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function arrayExpr(schema: SchemaObject, context: ConvertContext, state: State): Expr {
  const items = schema['items'] === undefined ? expr('z.unknown()') : convert(schema['items'], context, state);
  let code = `z.array(${items.code})`;
  if (isCount(schema['minItems']) && schema['minItems'] > 0) code += `.min(${schema['minItems']})`;
  if (isCount(schema['maxItems'])) code += `.max(${schema['maxItems']})`;
  if (schema['uniqueItems'] === true) {
    context.helpers.add('uniqueItems');
    code += `.refine(uniqueItems, 'Expected unique items')`;
  }
  return expr(code, items.deferred);
}

function objectExpr(schema: SchemaObject, context: ConvertContext, state: State): Expr {
  const declared = isSchemaObject(schema['properties']) ? Object.entries(schema['properties']) : [];
  const required = new Set(Array.isArray(schema['required']) ? schema['required'] : []);
  const additional = schema['additionalProperties'];
  const additionalSchema = isSchemaObject(additional) && Object.keys(additional).length > 0 ? additional : undefined;
  const closed = additional === false && context.mode === 'request' && state.strictAllowed;
  // A typeless schema that only lists `required` (`allOf: [Base, { required: [title] }]`, anyOf
  // alternatives naming which key must be present) names keys its siblings declare: they bind.
  // Names a `type: object` schema requires but does not declare stay unchecked, as the types
  // leave them out: vendor specs hold such lists that look stale (a sibling schema's names).
  const undeclared = schema['type'] === undefined && declared.length === 0 ? [...required].filter((name): name is string => typeof name === 'string') : [];
  const properties: [string, unknown][] = [...declared, ...undeclared.map((name): [string, unknown] => [name, additionalSchema ?? true])];

  const counted = propertyCount(schema, context, declared.length > 0);
  if (properties.length === 0) {
    if (additionalSchema !== undefined) {
      const value = convert(additionalSchema, context, state);
      if (value.code === 'z.unknown()') return expr(`z.record(z.string(), z.unknown())${counted}`);
      // zod skips a `__proto__` key of a record (JSON.parse makes it an own key): mapOf checks it.
      context.helpers.add('protoKeys');
      return expr(`mapOf(${value.code})${counted}`, value.deferred);
    }
    return expr(`${closed ? 'z.strictObject({})' : 'z.record(z.string(), z.unknown())'}${counted}`);
  }

  const inner = state.indent + INDENT;
  const lines = properties.map(([name, value]) => {
    const optional = !required.has(name) || relaxedRequired(value, context);
    const converted = convert(value, context, { ...state, indent: inner });
    const code = optional ? `z.optional(${converted.code})` : converted.code;
    const key = propertyKey(name);
    if (!converted.deferred) return `${inner}${key}: ${code},\n`;
    // A getter reads the recursive const only when zod first needs it, after the module has run.
    return isMultiline(code)
      ? `${inner}get ${key}() {\n${inner}${INDENT}return ${shift(code)};\n${inner}},\n`
      : `${inner}get ${key}() { return ${code}; },\n`;
  });
  const shape = `{\n${lines.join('')}${state.indent}}`;
  // Without declared properties, additionalProperties is the whole schema, on both sides.
  const rest = context.mode === 'request' || declared.length === 0 ? additionalSchema : undefined;
  const built = closed ? expr(`z.strictObject(${shape})`) : openObject(shape, rest, properties.some(([name]) => name === '__proto__'), context, state);
  const object = counted ? expr(`${built.code}${counted}`, built.deferred) : built;
  if (!properties.some(([name]) => name in Object.prototype)) return object;
  // zod reads a declared key with `in` and `[]` (an absent `toString` is the inherited function)
  // and never checks `__proto__`: the ownKeys helper checks these as own keys.
  context.helpers.add('ownKeys');
  return expr(`ownKeys(${object.code})`, object.deferred);
}

/**
 * `minProperties` / `maxProperties` as refinements of the object schema ('' when it has neither).
 * A response object that declares properties is loose (vendors add fields), so its maximum does not bind.
 */
function propertyCount(schema: SchemaObject, context: ConvertContext, declares: boolean): string {
  const { minProperties: min, maxProperties: max } = schema;
  let checks = '';
  if (isCount(min) && min > 0) checks += `.refine((value) => Object.keys(value).length >= ${min}, 'Expected at least ${min} ${min === 1 ? 'property' : 'properties'}')`;
  if (isCount(max) && !(context.mode === 'response' && declares)) checks += `.refine((value) => Object.keys(value).length <= ${max}, 'Expected at most ${max} ${max === 1 ? 'property' : 'properties'}')`;
  return checks;
}

/** A loose object, or one whose undeclared keys must match `rest`. */
function openObject(shape: string, rest: SchemaObject | undefined, declaresProto: boolean, context: ConvertContext, state: State): Expr {
  if (rest === undefined) return expr(`z.looseObject(${shape})`);
  const value = convert(rest, context, state);
  if (declaresProto || value.code === 'z.unknown()') return expr(`z.object(${shape}).catchall(${value.code})`, value.deferred);
  // zod skips an undeclared `__proto__` key (JSON.parse makes it an own key): restOf checks it.
  context.helpers.add('protoKeys');
  return expr(`restOf(z.object(${shape}), ${value.code})`, value.deferred);
}

/** readOnly properties are not sent, writeOnly ones not returned: `required` binds only the other side. */
function relaxedRequired(property: unknown, context: ConvertContext): boolean {
  if (!isSchemaObject(property)) return false;
  return context.mode === 'request' ? property['readOnly'] === true : property['writeOnly'] === true;
}

function union(options: Expr[], state: State): Expr {
  const unique = dedupe(options);
  if (unique.length === 1) return unique[0]!;
  if (unique.some((option) => option.code === 'z.unknown()')) return expr('z.unknown()');
  const inner = list('[', unique.map((option) => option.code), ']', state.indent);
  return expr(`z.union(${inner})`, unique.some((option) => option.deferred));
}

function intersection(parts: Expr[], state: State): Expr {
  const meaningful = dedupe(parts).filter((part) => part.code !== 'z.unknown()');
  if (meaningful.length === 0) return expr('z.unknown()');
  return meaningful.reduce((left, right) =>
    expr(list('z.intersection(', [left.code, right.code], ')', state.indent), left.deferred || right.deferred),
  );
}

function dedupe(items: Expr[]): Expr[] {
  const seen = new Map<string, Expr>();
  for (const item of items) if (!seen.has(item.code)) seen.set(item.code, item);
  return [...seen.values()];
}

function enumExpr(values: unknown[], context: ConvertContext): Expr {
  const allowsNull = values.includes(null);
  const members = [...new Set(values.filter((value) => value !== null))];
  if (members.length === 0) return expr('z.null()');
  const inner = members.every((value) => typeof value === 'string')
    ? `z.enum([${members.map((value) => JSON.stringify(value)).join(', ')}])`
    : literalExpr(members, context).code;
  return allowsNull ? expr(`z.nullable(${inner})`) : expr(inner);
}

function literalExpr(values: unknown[], context: ConvertContext): Expr {
  const rendered = values.map((value) => JSON.stringify(value));
  if (values.every((value) => value === null || ['string', 'number', 'boolean'].includes(typeof value))) {
    return expr(rendered.length === 1 ? `z.literal(${rendered[0]})` : `z.literal([${rendered.join(', ')}])`);
  }
  // An object or array member needs JSON Schema's equality, which a zod literal cannot express.
  context.helpers.add('jsonValue');
  const members = `[${rendered.join(', ')}]`;
  // A `"__proto__"` key written in an object literal sets its prototype instead: such members go through JSON.parse.
  return expr(`jsonValue(${members.includes('"__proto__"') ? `JSON.parse(${JSON.stringify(members)})` : members})`);
}
