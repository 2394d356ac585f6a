// How a route stub reads one operation input from the Hono request. The expression must type-check
// against openapi-typescript's type for that parameter, so each schema kind gets a conversion that
// also rejects bad input with a 400 (through the helpers in helpers.ts) instead of a cast.
import type { OperationModel, ParameterModel, SchemaObject } from '../model/types.ts';
import { literal } from '../emit/text.ts';
import { requestPath } from '../emit/request-path.ts';
import type { HelperName } from './helpers.ts';

const MAX_WIDTH = 100;

type Kind =
  | { kind: 'string' }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'enum'; values: string[] }
  | { kind: 'array'; item: Kind }
  | { kind: 'json' };

export interface OperationInput {
  /** `{ params: {...}, body: ... }` as TypeScript, or undefined when the call needs no init. */
  init: string | undefined;
  /** Whether `init` has params (checked with the zod schemas in the handler). */
  hasParams: boolean;
  /** Whether the operation takes a body: read and checked by the route's `jsonBody` validator. */
  body: 'required' | 'optional' | undefined;
  /** Optional inputs left out of the stub, by location, for a comment that names them. */
  optional: { location: string; names: string[] }[];
  helpers: Set<HelperName>;
}

/** Hono's name for a path parameter (`:name`): the spec name when it is a plain word. */
export function honoParamName(name: string): string {
  return name.replace(/\W/g, '_');
}

/**
 * Any character but `/` (written so the pattern holds no `/`: route keys and shadowing split paths
 * on it), for the pattern of a segment that mixes parameters and text: Hono takes a parameter only
 * as a whole segment, and matches the path decoded (`job%201` as `job 1`).
 */
const SEGMENT_CHAR = '[^\\x2F]';

const WHOLE_PARAMETER = /^\{([^{}]+)\}$/;
const PARAMETER = /\{([^{}]+)\}/g;

/**
 * `/v1/customers/{customer}` → `/v1/customers/:customer`. A segment that mixes parameters and text
 * (`{id}.json`, `{name}:cancel`) becomes one Hono parameter, named after its first, whose pattern
 * is the segment (`:id{…+?\.json}`): `:id.json` would name a parameter `id.json` and match
 * `/items/123` as well, and `{name}:cancel` beside `{name}:resume` would be one route. The route is
 * the path the generated client sends (emit/request-path.ts): the key before a `#` fragment
 * (`/tags/{arn}#tagKeys` → `/tags/:arn`) or a constant query string (`/worker?cmd=check` →
 * `/worker`), which a request's path never holds.
 */
export function honoPath(path: string): string {
  return requestPath(path)
    .split('/')
    .map((segment) => {
      const whole = WHOLE_PARAMETER.exec(segment);
      if (whole) return `:${honoParamName(whole[1]!)}`;
      const first = [...segment.matchAll(PARAMETER)][0];
      if (!first) return segment;
      return `:${honoParamName(first[1]!)}{${segment.split(/(\{[^{}]+\})/).map((part) => (WHOLE_PARAMETER.test(part) ? `${SEGMENT_CHAR}+?` : escapeRegExp(part))).join('')}}`;
    })
    .join('/');
}

/**
 * Where a path parameter that shares its segment with text is read: the Hono parameter of that
 * segment, and a pattern whose group `index` is this parameter's part of the decoded segment.
 */
export function segmentPart(path: string, name: string): { param: string; pattern: string; index: number } | undefined {
  for (const segment of requestPath(path).split('/')) {
    if (WHOLE_PARAMETER.test(segment)) continue;
    const names = [...segment.matchAll(PARAMETER)].map((m) => m[1]!);
    const index = names.indexOf(name);
    if (index < 0) continue;
    const pattern = `^${segment.split(/(\{[^{}]+\})/).map((part) => (WHOLE_PARAMETER.test(part) ? '(.+?)' : escapeRegExp(part))).join('')}$`;
    return { param: honoParamName(names[0]!), pattern, index: index + 1 };
  }
  return undefined;
}

/**
 * A segment the pattern of a segment that mixes parameters and text (as honoPath writes it) matches,
 * each parameter `x` (`[^\x2F]+?\.json` → `x.json`); undefined for a pattern honoPath does not write.
 */
export function mixedSegmentSample(pattern: string): string | undefined {
  const texts = pattern.split(`${SEGMENT_CHAR}+?`);
  if (texts.length < 2) return undefined;
  const unescaped = texts.map((text) => text.replace(/\\(.)/g, '$1'));
  return unescaped.every((text, i) => escapeRegExp(text) === texts[i]) ? unescaped.join('x') : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function operationInput(op: OperationModel, document: Record<string, any>, indent: string): OperationInput {
  const helpers = new Set<HelperName>();
  const groups: { location: string; fields: string[] }[] = [];
  const optional: OperationInput['optional'] = [];
  for (const location of ['path', 'query', 'header', 'cookie'] as const) {
    const params = op.parameters.filter((p) => p.role === 'param' && p.in === location);
    const used = params.filter((p) => p.required || location === 'path');
    const skipped = params.filter((p) => !used.includes(p)).map((p) => p.name);
    if (skipped.length) optional.push({ location, names: skipped });
    if (used.length === 0) continue;
    groups.push({ location, fields: used.map((p) => `${propertyName(p.name)}: ${paramExpression(p, op.path, classify(p.schema, document), helpers)}`) });
  }
  const parts: string[] = [];
  if (groups.length) parts.push(paramsText(groups, `${indent}  `));
  if (groups.length) helpers.add('checked');
  if (op.requestBody) {
    helpers.add('jsonBody').add('checked');
    parts.push("body: c.req.valid('json')");
  }
  const init = parts.length ? `{\n${parts.map((p) => `${indent}  ${p},`).join('\n')}\n${indent}}` : undefined;
  const body = op.requestBody ? (op.requestBody.required ? 'required' : 'optional') : undefined;
  return { init, hasParams: groups.length > 0, body, optional, helpers };
}

/** `params: { … }` on one line when it fits, else one location (and if need be one field) per line. */
function paramsText(groups: { location: string; fields: string[] }[], indent: string): string {
  const flat = (g: { location: string; fields: string[] }) => `${g.location}: { ${g.fields.join(', ')} }`;
  const oneLine = `params: { ${groups.map(flat).join(', ')} }`;
  if (indent.length + oneLine.length + 1 <= MAX_WIDTH) return oneLine;
  const inner = `${indent}  `;
  const lines = groups.map((g) => {
    const line = flat(g);
    if (inner.length + line.length + 1 <= MAX_WIDTH) return `${inner}${line},`;
    return `${inner}${g.location}: {\n${g.fields.map((f) => `${inner}  ${f},`).join('\n')}\n${inner}},`;
  });
  return `params: {\n${lines.join('\n')}\n${indent}}`;
}

function propertyName(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : literal(name);
}

function paramExpression(p: ParameterModel, path: string, kind: Kind, helpers: Set<HelperName>): string {
  const name = literal(p.name);
  if (p.in === 'query' && kind.kind === 'array') {
    const all = `c.req.queries(${name}) ?? []`;
    return kind.item.kind === 'string' ? all : `(${all}).map((value) => ${convert('value', kind.item, name, helpers)})`;
  }
  let raw: string;
  const part = p.in === 'path' ? segmentPart(path, p.name) : undefined;
  if (part) {
    helpers.add('pathPart');
    raw = `pathPart(c.req.param(${literal(part.param)}), /${part.pattern}/, ${part.index}, ${name})`;
  } else if (p.in === 'path' && routeParameters(path).includes(p.name)) raw = `c.req.param(${literal(honoParamName(p.name))})`;
  else {
    helpers.add('required');
    raw = `required(${readInput(p, helpers)}, ${name})`;
  }
  if (kind.kind === 'array') {
    return kind.item.kind === 'string' ? `${raw}.split(',')` : `${raw}.split(',').map((value) => ${convert('value', kind.item, name, helpers)})`;
  }
  return convert(raw, kind, name, helpers);
}

/** The names of the `{name}` templates in the part of a path key the route matches (honoPath). */
function routeParameters(path: string): string[] {
  return [...requestPath(path).matchAll(PARAMETER)].map((m) => m[1]!);
}

/**
 * The text of a non-path input, undefined when the request lacks it: a query parameter, a header,
 * or a cookie (Hono's getCookie, which percent-decodes the value as the client's encoder
 * percent-encodes it). A path parameter the key names only in its constant query string
 * (`/current?lat={lat}`) is not in the route's path: it is read from the query string.
 */
function readInput(p: ParameterModel, helpers: Set<HelperName>): string {
  const name = literal(p.name);
  switch (p.in) {
    case 'header':
      return `c.req.header(${name})`;
    case 'cookie':
      helpers.add('getCookie');
      return `getCookie(c, ${name})`;
    default:
      return `c.req.query(${name})`;
  }
}

function convert(raw: string, kind: Kind, name: string, helpers: Set<HelperName>): string {
  switch (kind.kind) {
    case 'string':
      return raw;
    case 'number':
      helpers.add('toNumber');
      return `toNumber(${raw}, ${name})`;
    case 'boolean':
      return `${raw} === 'true'`;
    case 'enum':
      helpers.add('oneOf');
      return `oneOf(${raw}, ${literal(kind.values)}, ${name})`;
    case 'array':
    case 'json':
      helpers.add('jsonParam');
      return `jsonParam(${raw}, ${name})`;
  }
}

function classify(schema: SchemaObject | undefined, document: Record<string, any>, depth = 0): Kind {
  const resolved = deref(schema, document);
  if (!resolved || depth > 8) return { kind: 'string' };
  if (Array.isArray(resolved.allOf) && resolved.allOf.length === 1) return classify(resolved.allOf[0] as SchemaObject, document, depth + 1);
  if (resolved.anyOf || resolved.oneOf || resolved.allOf) return { kind: 'json' };
  const types = (Array.isArray(resolved.type) ? resolved.type : [resolved.type]).filter((t) => t !== 'null' && t !== undefined);
  if (Array.isArray(resolved.enum)) {
    const values = resolved.enum.filter((v) => v !== null);
    if (values.length > 0 && values.every((v) => typeof v === 'string')) return { kind: 'enum', values: values as string[] };
    // Numeric or mixed enums: JSON text parses to the literal itself (`3`, `true`).
    return { kind: 'json' };
  }
  if (types.length === 0) return resolved.properties ? { kind: 'json' } : { kind: 'string' };
  if (types.length > 1) return { kind: 'json' };
  switch (types[0]) {
    case 'string':
      return { kind: 'string' };
    case 'integer':
    case 'number':
      return { kind: 'number' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'array':
      return { kind: 'array', item: classify(resolved.items as SchemaObject | undefined, document, depth + 1) };
    default:
      return { kind: 'json' };
  }
}

function deref(schema: SchemaObject | undefined, document: Record<string, any>): SchemaObject | undefined {
  let current = schema;
  for (let i = 0; i < 16 && current && typeof current.$ref === 'string'; i++) {
    const ref = current.$ref as string;
    if (!ref.startsWith('#/')) return undefined;
    let node: any = document;
    for (const token of ref.slice(2).split('/')) node = node?.[token.replace(/~1/g, '/').replace(/~0/g, '~')];
    // A `$ref` with sibling keywords (3.1) keeps them; the target fills in the rest.
    const { $ref: _ignored, ...siblings } = current;
    current = node && typeof node === 'object' ? { ...(node as SchemaObject), ...siblings } : undefined;
  }
  return current;
}
