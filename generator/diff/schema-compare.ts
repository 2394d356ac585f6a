// Structural comparison of two schemas of the same place in the old and new document. It stops at
// `$ref`s to components with the same name on both sides: those are compared once, at the
// component (see compare.ts), instead of once per place that uses them. Where the place names
// another component (or an inline schema) than before, the two are compared with the references
// resolved: vendors re-point a field at an equivalent component, and a re-pointing the generated
// types still accept is no break.
import { deref, escapePointerSegment } from '../json-pointer.ts';
import { rule } from './rules.ts';
import type { Direction } from './types.ts';

type Schema = Record<string, any>;

export interface SchemaFinding {
  /** Rule suffix; the rule id is `<direction>-<suffix>`. */
  suffix: string;
  pointer: string;
  message: string;
}

/** Deeply nested inline schemas are rare; the cap keeps a pathological document from recursing forever. */
const MAX_DEPTH = 24;

/** The two documents, for resolving a `$ref` that names another component than before. */
export interface CompareDocuments {
  readonly old: Schema;
  readonly new: Schema;
  /** Pairs of places being compared with their references resolved (recursive components). */
  readonly resolving?: Set<string>;
}

export function componentName(schema: unknown): string | undefined {
  const ref = (schema as Schema | undefined)?.$ref;
  const match = typeof ref === 'string' ? /^#\/components\/schemas\/(.+)$/.exec(ref) : null;
  return match ? match[1]!.replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}

/** `string`, `integer | null`, `object`, `ref Customer`, … as TypeScript readers would name the shape. */
export function typeLabel(schema: unknown): string {
  if (!schema || typeof schema !== 'object') return 'any';
  const s = schema as Schema;
  const name = componentName(s);
  if (name !== undefined) return name;
  const types = Array.isArray(s.type) ? [...s.type] : s.type !== undefined ? [s.type] : [];
  if (s.nullable === true && !types.includes('null')) types.push('null');
  if (types.length === 0) {
    if (s.properties) return 'object';
    if (s.anyOf || s.oneOf) return 'union';
    if (s.allOf) return 'intersection';
    return 'any';
  }
  return types.map(String).sort().join(' | ');
}

function variantKey(schema: unknown): string {
  const s = (schema ?? {}) as Schema;
  const name = componentName(s);
  if (name !== undefined) return `ref:${name}`;
  if (Array.isArray(s.enum)) return `${typeLabel(s)} enum`;
  return typeLabel(s);
}

/** Whether every type of the `small` type list (a typeLabel) is in the `large` one. */
function subsetOf(small: string, large: string): boolean {
  const named = (label: string) => (['union', 'intersection', 'any'].includes(label) ? undefined : label.split(' | '));
  const a = named(small);
  const b = named(large);
  return a !== undefined && b !== undefined && a.every((type) => b.includes(type));
}

/** Keys that describe a schema without constraining its values (nor its generated type). */
const ANNOTATIONS = new Set(['description', 'title', 'example', 'examples', 'externalDocs', 'default', 'deprecated', 'xml', '$comment']);
const annotationOnly = (schema: Schema, allowed = ANNOTATIONS) => Object.keys(schema).every((key) => allowed.has(key) || key.startsWith('x-'));

/** A schema that constrains nothing (`{}`, or annotations only): any value, typed `unknown`. */
export const acceptsAnything = (schema: unknown): boolean => schema !== null && typeof schema === 'object' && !Array.isArray(schema) && annotationOnly(schema as Schema);
const WRAPPER = new Set([...ANNOTATIONS, 'allOf']);

/**
 * The schema an `allOf` wrapper stands for: `{ allOf: [{ $ref: X }, { description }] }` is X with a
 * description, a form generated specs switch to between versions, not another type.
 */
function substance(schema: Schema): Schema {
  for (let current = schema, hops = 0; ; hops++) {
    const parts = current.allOf;
    if (hops > 8 || !Array.isArray(parts) || !annotationOnly(current, WRAPPER)) return current;
    const real = parts.filter((part) => !part || typeof part !== 'object' || !annotationOnly(part as Schema));
    if (real.length !== 1 || typeof real[0] !== 'object' || real[0] === null) return current;
    current = real[0] as Schema;
  }
}

export function compareSchemas(oldSchema: unknown, newSchema: unknown, pointer: string, direction: Direction, out: SchemaFinding[], docs?: CompareDocuments, depth = 0): void {
  if (depth > MAX_DEPTH || !oldSchema || !newSchema || typeof oldSchema !== 'object' || typeof newSchema !== 'object') return;
  let a = substance(oldSchema as Schema);
  let b = substance(newSchema as Schema);
  const refA = componentName(a);
  const refB = componentName(b);
  if (refA !== undefined || refB !== undefined) {
    if (refA !== refB) out.push(repointed(a, b, refA, refB, pointer, direction, docs, depth));
    return;
  }
  // An object written as allOf on one side and as one object on the other (or as allOf lists of
  // another length): the properties the members add up to are compared.
  if (docs && (Array.isArray(a.allOf) || Array.isArray(b.allOf)) && !(Array.isArray(a.allOf) && Array.isArray(b.allOf) && a.allOf.length === b.allOf.length)) {
    const flatA = flattened(a, docs.old);
    const flatB = flattened(b, docs.new);
    if ((flatA || !Array.isArray(a.allOf)) && (flatB || !Array.isArray(b.allOf))) {
      a = flatA ?? a;
      b = flatB ?? b;
    }
  }
  if (oneSideUnion(a, b, pointer, direction, out, docs, depth)) return;
  // A schema that constrains nothing is `unknown`: given a type, a sent value may no longer fit;
  // losing it, a read value is no longer typed. (The other way round widens and narrows as allowed.)
  const looseA = acceptsAnything(a);
  const looseB = acceptsAnything(b);
  if (looseA !== looseB && (direction === 'request' ? looseA : looseB)) {
    out.push({ suffix: 'type-changed', pointer, message: `type ${looseA ? 'any' : typeLabel(a)} → ${looseB ? 'any' : typeLabel(b)}` });
    return;
  }
  const typeA = typeLabel(a);
  const typeB = typeLabel(b);
  if (typeA !== typeB && !(typeA === 'any' || typeB === 'any')) {
    // A type list that only grew (`string` → `string | null`) widens what is sent and what is read;
    // one that only shrank narrows both: the union rules judge those.
    const grown = subsetOf(typeA, typeB);
    const shrunk = subsetOf(typeB, typeA);
    out.push({ suffix: grown ? 'variant-added' : shrunk ? 'variant-removed' : 'type-changed', pointer, message: `type ${typeA} → ${typeB}` });
    // An object that became a union (or back) moved its properties into variants: comparing the
    // two levels would report every property as removed or added. The type change says it.
    if (typeA === 'union' || typeB === 'union') return;
  }
  compareEnums(a, b, pointer, out);
  compareProperties(a, b, pointer, direction, out, docs, depth);
  if (a.items || b.items) compareSchemas(a.items, b.items, `${pointer}/items`, direction, out, docs, depth + 1);
  if (a.additionalProperties && b.additionalProperties && typeof a.additionalProperties === 'object') {
    compareSchemas(a.additionalProperties, b.additionalProperties, `${pointer}/additionalProperties`, direction, out, docs, depth + 1);
  }
  compareLooseMap(a, b, pointer, direction, out);
  for (const key of ['anyOf', 'oneOf'] as const) compareVariants(a, b, key, pointer, direction, out, docs, depth);
  if (Array.isArray(a.allOf) && Array.isArray(b.allOf) && a.allOf.length === b.allOf.length) {
    a.allOf.forEach((part: unknown, index: number) => compareSchemas(part, b.allOf[index], `${pointer}/allOf/${index}`, direction, out, docs, depth + 1));
  }
}

function compareEnums(a: Schema, b: Schema, pointer: string, out: SchemaFinding[]): void {
  // An enum put on a field that had none takes every other value away (a string becomes a union of
  // literals); one taken off adds them all back.
  if (Array.isArray(a.enum) !== Array.isArray(b.enum)) {
    const list = (values: unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');
    if (Array.isArray(b.enum)) out.push({ suffix: 'enum-value-removed', pointer: `${pointer}/enum`, message: `values restricted to the enum [${list(b.enum)}]` });
    else out.push({ suffix: 'enum-value-added', pointer, message: `enum [${list(a.enum)}] lifted: any ${typeLabel(b)} value` });
    return;
  }
  if (!Array.isArray(a.enum) || !Array.isArray(b.enum)) return;
  const before = new Set(a.enum.map((v: unknown) => JSON.stringify(v)));
  const after = new Set(b.enum.map((v: unknown) => JSON.stringify(v)));
  for (const value of after) if (!before.has(value)) out.push({ suffix: 'enum-value-added', pointer: `${pointer}/enum`, message: `enum value ${value} added` });
  for (const value of before) if (!after.has(value)) out.push({ suffix: 'enum-value-removed', pointer: `${pointer}/enum`, message: `enum value ${value} removed` });
}

function compareProperties(a: Schema, b: Schema, pointer: string, direction: Direction, out: SchemaFinding[], docs: CompareDocuments | undefined, depth: number): void {
  const propsA: Schema = a.properties && typeof a.properties === 'object' ? a.properties : {};
  const propsB: Schema = b.properties && typeof b.properties === 'object' ? b.properties : {};
  const requiredA = new Set<string>(Array.isArray(a.required) ? a.required : []);
  const requiredB = new Set<string>(Array.isArray(b.required) ? b.required : []);
  // A readOnly property is not in the request types, a writeOnly one not in the response types
  // (openapi-fetch's Writable and Readable strip them): on that side, marking one is removing it.
  const hiddenFlag = direction === 'request' ? 'readOnly' : 'writeOnly';
  const hidden = (props: Schema, name: string) => props[name]?.[hiddenFlag] === true;
  for (const name of Object.keys(propsB)) {
    const at = `${pointer}/properties/${escapePointerSegment(name)}`;
    if (Object.hasOwn(propsA, name) && hidden(propsA, name) !== hidden(propsB, name)) {
      const flag = hiddenFlag === 'readOnly' ? 'read-only' : 'write-only';
      if (hidden(propsB, name)) {
        out.push({ suffix: 'property-removed', pointer: at, message: `property '${name}' is now ${flag}` });
      } else {
        const required = requiredB.has(name);
        out.push({ suffix: direction === 'request' ? `property-added-${required ? 'required' : 'optional'}` : 'property-added', pointer: at, message: `${required ? 'required ' : ''}property '${name}' is no longer ${flag}` });
      }
      continue;
    }
    // Hidden on this side in both versions: nothing about it reaches this side's types.
    if (Object.hasOwn(propsA, name) && hidden(propsB, name)) continue;
    if (!Object.hasOwn(propsA, name)) {
      // A new property hidden on this side is not in this side's types, required or not.
      const required = requiredB.has(name) && !hidden(propsB, name);
      const label = hidden(propsB, name) ? `${hiddenFlag === 'readOnly' ? 'read-only' : 'write-only'} property` : 'property';
      out.push({ suffix: direction === 'request' ? `property-added-${required ? 'required' : 'optional'}` : 'property-added', pointer: at, message: `${required ? 'required ' : ''}${label} '${name}' added` });
      continue;
    }
    if (requiredA.has(name) !== requiredB.has(name)) {
      out.push({ suffix: requiredB.has(name) ? 'property-became-required' : 'property-became-optional', pointer: at, message: `property '${name}' is now ${requiredB.has(name) ? 'required' : 'optional'}` });
    }
    if (propsB[name]?.deprecated === true && propsA[name]?.deprecated !== true) {
      out.push({ suffix: 'property-deprecated', pointer: at, message: `property '${name}' deprecated` });
    }
    compareSchemas(propsA[name], propsB[name], at, direction, out, docs, depth + 1);
  }
  for (const name of Object.keys(propsA)) {
    if (!Object.hasOwn(propsB, name) && !hidden(propsA, name)) {
      out.push({ suffix: 'property-removed', pointer: `${pointer}/properties/${escapePointerSegment(name)}`, message: `property '${name}' removed` });
    }
  }
}

function compareVariants(a: Schema, b: Schema, key: 'anyOf' | 'oneOf', pointer: string, direction: Direction, out: SchemaFinding[], docs: CompareDocuments | undefined, depth: number): void {
  const listA: unknown[] = Array.isArray(a[key]) ? a[key] : [];
  const listB: unknown[] = Array.isArray(b[key]) ? b[key] : [];
  if (listA.length === 0 && listB.length === 0) return;
  const keysA = listA.map(variantKey);
  const keysB = listB.map(variantKey);
  // Several variants can share a shape key (two string enums, two inline objects): pair the same
  // position first, then the first unpaired old variant with that key.
  const paired = new Map<number, number>();
  const used = new Set<number>();
  keysB.forEach((variant, index) => {
    if (keysA[index] === variant) {
      paired.set(index, index);
      used.add(index);
    }
  });
  keysB.forEach((variant, index) => {
    if (paired.has(index)) return;
    const match = keysA.findIndex((k, i) => k === variant && !used.has(i));
    if (match !== -1) {
      paired.set(index, match);
      used.add(match);
    }
  });
  keysB.forEach((variant, index) => {
    const match = paired.get(index);
    if (match === undefined) out.push({ suffix: 'variant-added', pointer: `${pointer}/${key}/${index}`, message: `${key} variant ${variant} added` });
    else compareSchemas(listA[match], listB[index], `${pointer}/${key}/${index}`, direction, out, docs, depth + 1);
  });
  keysA.forEach((variant, index) => {
    if (!used.has(index)) out.push({ suffix: 'variant-removed', pointer: `${pointer}/${key}/${index}`, message: `${key} variant ${variant} removed` });
  });
}

/**
 * The place names another component (or an inline schema) than before. Compared with the references
 * resolved: breaking when a finding in between is, otherwise the generated types still accept old
 * values (request) and old reads (response). Without both documents, or a reference that does not
 * resolve, it stays a type change.
 */
function repointed(a: Schema, b: Schema, refA: string | undefined, refB: string | undefined, pointer: string, direction: Direction, docs: CompareDocuments | undefined, depth: number): SchemaFinding {
  const message = `type ${typeLabel(a)} → ${typeLabel(b)}`;
  const targetA = docs && deref<Schema>(docs.old, a);
  const targetB = docs && deref<Schema>(docs.new, b);
  if (!docs || !targetA || !targetB) return { suffix: 'type-changed', pointer, message };
  // A recursive component meets the same pair again inside itself: that pair is being compared already.
  const pair = `${refA ?? pointer}\u0000${refB ?? pointer}`;
  const resolving = docs.resolving ?? new Set<string>();
  if (resolving.has(pair)) return { suffix: 'type-ref-changed', pointer, message };
  resolving.add(pair);
  const inner: SchemaFinding[] = [];
  try {
    compareSchemas(targetA, targetB, pointer, direction, inner, { ...docs, resolving }, depth + 1);
  } finally {
    resolving.delete(pair);
  }
  const breaking = inner.find((f) => rule(`${direction}-${f.suffix}`).classification === 'breaking');
  return breaking ? { suffix: 'type-changed', pointer, message: `${message}: ${breaking.message}` } : { suffix: 'type-ref-changed', pointer, message };
}

/** Keys an allOf member may hold to be read as a part of one object. */
const OBJECT_PART = new Set([...ANNOTATIONS, 'type', 'properties', 'required', 'allOf', 'additionalProperties', 'nullable', 'discriminator']);

/**
 * The one object an `allOf` of objects stands for (its members' references resolved, their
 * properties and required lists added up, its own beside them); undefined when a member is not an
 * object part (a union, an array, a scalar), which leaves the two sides to the plain comparison.
 */
function flattened(schema: Schema, document: Schema, depth = 0): Schema | undefined {
  if (!Array.isArray(schema.allOf) || depth > 4) return undefined;
  const properties: Schema = {};
  const required = new Set<string>(Array.isArray(schema.required) ? schema.required : []);
  for (const member of [...schema.allOf, { properties: schema.properties }]) {
    if (!member || typeof member !== 'object') return undefined;
    let part = deref<Schema>(document, member);
    if (!part || typeof part !== 'object' || (part.type !== undefined && part.type !== 'object') || !annotationOnly(part, OBJECT_PART)) return undefined;
    if (Array.isArray(part.allOf)) part = flattened(part, document, depth + 1);
    if (!part) return undefined;
    Object.assign(properties, part.properties && typeof part.properties === 'object' ? part.properties : {});
    for (const name of Array.isArray(part.required) ? part.required : []) required.add(name);
  }
  return { type: 'object', properties, required: [...required] };
}

/**
 * One side a union (anyOf / oneOf) and the other one of its variants: a value of that type became
 * one of several (variants added) or one of several became that type (variants removed). The
 * matching variant is compared with it. False when the sides are not of that form.
 */
function oneSideUnion(a: Schema, b: Schema, pointer: string, direction: Direction, out: SchemaFinding[], docs: CompareDocuments | undefined, depth: number): boolean {
  const unionKey = (s: Schema) => (Array.isArray(s.anyOf) ? 'anyOf' : Array.isArray(s.oneOf) ? 'oneOf' : undefined);
  const keyA = unionKey(a);
  const keyB = unionKey(b);
  if ((keyA === undefined) === (keyB === undefined)) return false;
  const grew = keyB !== undefined;
  const [union, plain, key] = grew ? [b, a, keyB!] : [a, b, keyA!];
  // A union with a type or properties of its own beside the variants is more than its variants.
  if (union.type !== undefined || union.properties !== undefined) return false;
  const variants = union[key] as unknown[];
  const match = variants.findIndex((v) => variantKey(v) === variantKey(plain));
  if (match === -1) return false;
  variants.forEach((variant, index) => {
    if (index === match) return;
    out.push({ suffix: grew ? 'variant-added' : 'variant-removed', pointer: `${pointer}/${key}/${index}`, message: `${key} variant ${variantKey(variant)} ${grew ? 'added' : 'removed'}` });
  });
  const at = `${pointer}/${key}/${match}`;
  if (grew) compareSchemas(plain, variants[match], at, direction, out, docs, depth + 1);
  else compareSchemas(variants[match], plain, at, direction, out, docs, depth + 1);
  return true;
}

/**
 * A map whose values were typed (`additionalProperties: {schema}`) and no longer are leaves a
 * reader with `unknown` values, or none at all; an open map of anything (no properties) whose
 * values get a type no longer takes every value a caller sent. (Compared when both are typed above.)
 */
function compareLooseMap(a: Schema, b: Schema, pointer: string, direction: Direction, out: SchemaFinding[]): void {
  const typed = (map: unknown) => map !== null && typeof map === 'object' && !acceptsAnything(map);
  const typedA = typed(a.additionalProperties);
  const typedB = typed(b.additionalProperties);
  if (typedA === typedB) return;
  const label = (map: unknown) => (typed(map) ? typeLabel(map) : 'any');
  const openBefore = a.additionalProperties !== false && Object.keys(a.properties ?? {}).length === 0;
  if (direction === 'response' ? typedA : openBefore && typedB) {
    out.push({ suffix: 'type-changed', pointer: `${pointer}/additionalProperties`, message: `values of additional properties ${label(a.additionalProperties)} → ${label(b.additionalProperties)}` });
  }
}
