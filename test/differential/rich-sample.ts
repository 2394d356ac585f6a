// Deterministic, deliberately *rich* request values for the differential tests. The contract
// suite's sampler sends the minimal valid input; here the aim is the opposite: every optional
// property (to a bounded depth), two items per array, map keys and values that need
// percent-encoding, and the empty-string "unset" branch, so the two encoders under comparison
// meet every shape the spec can produce. Validity against the spec is not the point (neither SDK
// validates), so constraints such as patterns and lengths are ignored.
import { resolvePointer } from '../support/sample-input.ts';

type Doc = Record<string, unknown>;
type Schema = Record<string, unknown>;

export interface RichOptions {
  /** Nesting depth below which every property is filled; deeper objects get required ones only. */
  fullDepth?: number;
  /** Hard limit on nesting. */
  maxDepth?: number;
  /** Produces the value of a `format: binary` string. */
  binary?: () => unknown;
}

interface State {
  doc: Doc;
  options: Required<Omit<RichOptions, 'binary'>> & Pick<RichOptions, 'binary'>;
  /** `$ref`s open on the current path: meeting one again is a cycle. */
  active: string[];
  /** Counts union choices (shared by the whole value) so the empty-string branch is taken now and then. */
  counter: { unions: number };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows `$ref`s and merges `allOf` parts (properties and required lists). */
function resolve(schema: unknown, state: State): { schema: Schema; refs: string[] } | undefined {
  let current: unknown = schema;
  const refs: string[] = [];
  while (isObject(current) && typeof current.$ref === 'string') {
    if (state.active.includes(current.$ref) || refs.includes(current.$ref)) return undefined;
    refs.push(current.$ref);
    current = resolvePointer(state.doc, current.$ref);
  }
  if (!isObject(current)) return { schema: {}, refs };
  if (!Array.isArray(current.allOf)) return { schema: current, refs };
  const { allOf, ...rest } = current;
  const merged: Schema = { ...rest, properties: { ...(isObject(rest.properties) ? rest.properties : {}) }, required: [...(Array.isArray(rest.required) ? rest.required : [])] };
  for (const part of allOf) {
    const flat = resolve(part, { ...state, active: [...state.active, ...refs] });
    if (!flat) continue;
    refs.push(...flat.refs);
    const s = flat.schema;
    if (isObject(s.properties)) Object.assign(merged.properties as Schema, s.properties);
    if (Array.isArray(s.required)) (merged.required as unknown[]).push(...s.required);
    for (const key of ['type', 'enum', 'items', 'additionalProperties', 'format', 'anyOf', 'oneOf'] as const) {
      if (merged[key] === undefined && s[key] !== undefined) merged[key] = s[key];
    }
  }
  return { schema: merged, refs };
}

function typeOf(s: Schema): string | undefined {
  const types = Array.isArray(s.type) ? s.type.filter((t) => t !== 'null') : s.type !== undefined ? [s.type] : [];
  if (typeof types[0] === 'string') return types[0];
  if (isObject(s.properties) || s.additionalProperties !== undefined) return 'object';
  if (s.items !== undefined) return 'array';
  return undefined;
}

/** The "send an empty string to unset" branch: `{type: string, enum: ['']}`. */
function isEmptyStringBranch(branch: Schema): boolean {
  return Array.isArray(branch.enum) && branch.enum.length === 1 && branch.enum[0] === '';
}

// Text that needs percent-encoding in every encoder under test (space, &, =, +, /, brackets, é).
const MAP_KEYS = ['order_id', 'note key'];
const MAP_VALUES = ['6735', 'a b&c=d+e/f[g]é'];

function valueAt(schema: unknown, name: string, depth: number, state: State): unknown {
  if (depth > state.options.maxDepth) return undefined;
  const flat = resolve(schema, state);
  if (!flat) return undefined;
  const s = flat.schema;
  const inner: State = { ...state, active: [...state.active, ...flat.refs] };
  const branches = Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : undefined;
  if (branches) return unionValue(branches, name, depth, inner);
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum)) return s.enum.find((v) => v !== null && v !== '') ?? s.enum[0];
  switch (typeOf(s)) {
    case 'object':
      return objectValue(s, depth, inner);
    case 'array': {
      const items = [0, 1].map((i) => valueAt(s.items ?? {}, `${name}${i}`, depth + 1, inner)).filter((v) => v !== undefined);
      return items.length > 0 ? items : undefined;
    }
    case 'integer':
      return s.format === 'unix-time' ? 1_700_000_000 : 1200;
    case 'number':
      return 12.5;
    case 'boolean':
      // Alternate by name length so both words travel.
      return name.length % 2 === 0;
    default:
      if (s.format === 'binary' && state.options.binary) return state.options.binary();
      if (s.format === 'date-time') return '2024-01-02T03:04:05Z';
      if (s.format === 'date') return '2024-01-02';
      return `${name || 'value'} 1`;
  }
}

function unionValue(branches: unknown[], name: string, depth: number, inner: State): unknown {
  const resolved = branches.map((b) => resolve(b, inner)?.schema).filter((b): b is Schema => b !== undefined);
  const empty = resolved.find(isEmptyStringBranch);
  const others = resolved.filter((b) => !isEmptyStringBranch(b));
  const turn = ++inner.counter.unions;
  // One emptyable field in three is sent empty, the rest with a value.
  if (empty && (others.length === 0 || turn % 3 === 0)) return '';
  // Prefer structure (object, then array) so nested encodings are exercised.
  const ranked = [...others].sort((a, b) => rank(a) - rank(b));
  for (const branch of ranked) {
    const value = valueAt(branch, name, depth, inner);
    if (value !== undefined) return value;
  }
  return empty ? '' : undefined;
}

function rank(s: Schema): number {
  const type = typeOf(s);
  return type === 'object' ? 0 : type === 'array' ? 1 : 2;
}

function objectValue(s: Schema, depth: number, state: State): Record<string, unknown> | undefined {
  const props = isObject(s.properties) ? s.properties : {};
  const required = new Set((Array.isArray(s.required) ? s.required : []).filter((k): k is string => typeof k === 'string'));
  const out: Record<string, unknown> = {};
  const full = depth < state.options.fullDepth;
  for (const [key, propSchema] of Object.entries(props)) {
    if (!full && !required.has(key)) continue;
    const flat = resolve(propSchema, state);
    if (flat?.schema.readOnly === true) continue;
    const value = valueAt(propSchema, key, depth + 1, state);
    if (value !== undefined) out[key] = value;
  }
  // A map (a `metadata` object, free-form hashes): two entries whose text needs encoding.
  if (Object.keys(props).length === 0 && s.additionalProperties !== false) {
    const valueSchema = isObject(s.additionalProperties) ? resolve(s.additionalProperties, state)?.schema : undefined;
    const structured = valueSchema !== undefined && (typeOf(valueSchema) === 'object' || typeOf(valueSchema) === 'array');
    MAP_KEYS.forEach((key, i) => {
      const value = structured ? valueAt(valueSchema, key, depth + 1, state) : MAP_VALUES[i];
      if (value !== undefined) out[key] = value;
    });
  }
  return out;
}

/** A rich value for `schema` (undefined when only a cycle could produce one). */
export function richValue(schema: unknown, document: Doc, name = '', options: RichOptions = {}): unknown {
  const state: State = {
    doc: document,
    options: { fullDepth: options.fullDepth ?? 3, maxDepth: options.maxDepth ?? 6, ...(options.binary ? { binary: options.binary } : {}) },
    active: [],
    counter: { unions: 0 },
  };
  return valueAt(schema, name, 0, state);
}
