// Structural comparison of two schemas of the same place in the old and new document. It stops at
// `$ref`s to components with the same name on both sides: those are compared once, at the
// component (see compare.ts), instead of once per place that uses them.
import { escapePointerSegment } from '../json-pointer.ts';
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

export function compareSchemas(oldSchema: unknown, newSchema: unknown, pointer: string, direction: Direction, out: SchemaFinding[], depth = 0): void {
  if (depth > MAX_DEPTH || !oldSchema || !newSchema || typeof oldSchema !== 'object' || typeof newSchema !== 'object') return;
  const a = oldSchema as Schema;
  const b = newSchema as Schema;
  const refA = componentName(a);
  const refB = componentName(b);
  if (refA !== undefined || refB !== undefined) {
    if (refA !== refB) out.push({ suffix: 'type-changed', pointer, message: `type ${typeLabel(a)} → ${typeLabel(b)}` });
    return;
  }
  const typeA = typeLabel(a);
  const typeB = typeLabel(b);
  if (typeA !== typeB && !(typeA === 'any' || typeB === 'any')) {
    out.push({ suffix: 'type-changed', pointer, message: `type ${typeA} → ${typeB}` });
    // An object that became a union (or back) moved its properties into variants: comparing the
    // two levels would report every property as removed or added. The type change says it.
    if (typeA === 'union' || typeB === 'union') return;
  }
  compareEnums(a, b, pointer, out);
  compareProperties(a, b, pointer, direction, out, depth);
  if (a.items || b.items) compareSchemas(a.items, b.items, `${pointer}/items`, direction, out, depth + 1);
  if (a.additionalProperties && b.additionalProperties && typeof a.additionalProperties === 'object') {
    compareSchemas(a.additionalProperties, b.additionalProperties, `${pointer}/additionalProperties`, direction, out, depth + 1);
  }
  for (const key of ['anyOf', 'oneOf'] as const) compareVariants(a, b, key, pointer, direction, out, depth);
  if (Array.isArray(a.allOf) && Array.isArray(b.allOf) && a.allOf.length === b.allOf.length) {
    a.allOf.forEach((part: unknown, index: number) => compareSchemas(part, b.allOf[index], `${pointer}/allOf/${index}`, direction, out, depth + 1));
  }
}

function compareEnums(a: Schema, b: Schema, pointer: string, out: SchemaFinding[]): void {
  if (!Array.isArray(a.enum) || !Array.isArray(b.enum)) return;
  const before = new Set(a.enum.map((v: unknown) => JSON.stringify(v)));
  const after = new Set(b.enum.map((v: unknown) => JSON.stringify(v)));
  for (const value of after) if (!before.has(value)) out.push({ suffix: 'enum-value-added', pointer: `${pointer}/enum`, message: `enum value ${value} added` });
  for (const value of before) if (!after.has(value)) out.push({ suffix: 'enum-value-removed', pointer: `${pointer}/enum`, message: `enum value ${value} removed` });
}

function compareProperties(a: Schema, b: Schema, pointer: string, direction: Direction, out: SchemaFinding[], depth: number): void {
  const propsA: Schema = a.properties && typeof a.properties === 'object' ? a.properties : {};
  const propsB: Schema = b.properties && typeof b.properties === 'object' ? b.properties : {};
  const requiredA = new Set<string>(Array.isArray(a.required) ? a.required : []);
  const requiredB = new Set<string>(Array.isArray(b.required) ? b.required : []);
  for (const name of Object.keys(propsB)) {
    const at = `${pointer}/properties/${escapePointerSegment(name)}`;
    if (!Object.hasOwn(propsA, name)) {
      const required = requiredB.has(name);
      out.push({ suffix: direction === 'request' ? `property-added-${required ? 'required' : 'optional'}` : 'property-added', pointer: at, message: `${required ? 'required ' : ''}property '${name}' added` });
      continue;
    }
    if (requiredA.has(name) !== requiredB.has(name)) {
      out.push({ suffix: requiredB.has(name) ? 'property-became-required' : 'property-became-optional', pointer: at, message: `property '${name}' is now ${requiredB.has(name) ? 'required' : 'optional'}` });
    }
    if (propsB[name]?.deprecated === true && propsA[name]?.deprecated !== true) {
      out.push({ suffix: 'property-deprecated', pointer: at, message: `property '${name}' deprecated` });
    }
    compareSchemas(propsA[name], propsB[name], at, direction, out, depth + 1);
  }
  for (const name of Object.keys(propsA)) {
    if (!Object.hasOwn(propsB, name)) {
      out.push({ suffix: 'property-removed', pointer: `${pointer}/properties/${escapePointerSegment(name)}`, message: `property '${name}' removed` });
    }
  }
}

function compareVariants(a: Schema, b: Schema, key: 'anyOf' | 'oneOf', pointer: string, direction: Direction, out: SchemaFinding[], depth: number): void {
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
    else compareSchemas(listA[match], listB[index], `${pointer}/${key}/${index}`, direction, out, depth + 1);
  });
  keysA.forEach((variant, index) => {
    if (!used.has(index)) out.push({ suffix: 'variant-removed', pointer: `${pointer}/${key}/${index}`, message: `${key} variant ${variant} removed` });
  });
}
