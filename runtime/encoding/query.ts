// Query strings driven by each parameter's OpenAPI `style`/`explode`, which openapi-fetch can only
// set for all parameters at once. The generated code hands over one table per operation:
//   form, explode      id=1&id=2            R=100&G=200
//   form, no explode   id=1,2               color=R,100,G,200
//   spaceDelimited     id=1%202             pipeDelimited   id=1|2
//   deepObject         created[gte]=1&expand[0]=customer   (bracket notation as form bodies,
//                      arrays indexed, nesting to any depth)
//   brackets           expand[]=a&expand[]=b   (not OpenAPI: for overlays that want it)
//   json               q=%7B%22page%22%3A1%7D   (a parameter with JSON `content`: its JSON text)
// Leaves are written as in form bodies (booleans as words, Dates as Unix seconds, numbers in plain
// digits), with `[` and `]` percent-encoded in values (`q=a%5B0%5D`), as openapi-fetch writes the
// queries of operations without this table. A top-level null or undefined parameter is left out;
// an empty array is left out.

import type { OperationMeta } from '../contract.ts';
import { encodeFormComponent, flattenBrackets, formLeafText } from './form.ts';
import { serializePath } from './path.ts';

export interface ParamStyle {
  readonly style: string;
  readonly explode: boolean;
}

export type QueryStyles = Readonly<Record<string, ParamStyle>>;

export type QuerySerializerFn = (query: object) => string;

const DELIMITERS: Readonly<Record<string, string>> = { form: ',', spaceDelimited: '%20', pipeDelimited: '|' };

const enc = encodeFormComponent;

/**
 * A value (what follows a pair's `=`): written as a name is, with `[` and `]` percent-encoded too.
 * A query may not carry them (RFC 3986 section 3.4; OpenAPI 3.1.1 Appendix E), so a strict server
 * refuses `q=a[0]`; only a name's brackets are style syntax (deepObject's `filter[k]`).
 */
const val = (text: string): string => enc(text).replace(/[[\]]/g, (c) => (c === '[' ? '%5B' : '%5D'));

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function isLeaf(v: unknown): boolean {
  return v === null || typeof v !== 'object' || v instanceof Date;
}

function brackets(name: string, value: unknown, out: string[]): void {
  flattenBrackets(name, value, (key, leaf) => out.push(`${enc(key)}=${val(formLeafText(leaf))}`));
}

function unindexedBrackets(name: string, value: unknown[], out: string[]): void {
  for (const item of value) {
    if (item === undefined) continue;
    if (isLeaf(item)) out.push(`${enc(name)}[]=${val(formLeafText(item))}`);
    else brackets(`${name}[]`, item, out);
  }
}

/** Serialises one parameter; falls back to bracket notation where a style cannot express nesting. */
function serializeParam(name: string, value: unknown, style: ParamStyle | undefined, out: string[]): void {
  const kind = style?.style ?? (isPlainObject(value) ? 'deepObject' : 'form');
  const explode = style?.explode ?? true;
  if (kind === 'json') return void out.push(`${enc(name)}=${val(JSON.stringify(value))}`);
  if (kind === 'deepObject') return brackets(name, value, out);
  if (kind === 'brackets') return Array.isArray(value) ? unindexedBrackets(name, value, out) : brackets(name, value, out);

  if (Array.isArray(value)) {
    const items = value.filter((v) => v !== undefined);
    if (!items.every(isLeaf)) return brackets(name, value, out);
    if (explode) {
      for (const item of items) out.push(`${enc(name)}=${val(formLeafText(item))}`);
      return;
    }
    out.push(`${enc(name)}=${items.map((v) => val(formLeafText(v))).join(DELIMITERS[kind] ?? ',')}`);
    return;
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (!entries.every(([, v]) => isLeaf(v))) return brackets(name, value, out);
    if (explode && kind === 'form') {
      for (const [k, v] of entries) out.push(`${enc(k)}=${val(formLeafText(v))}`);
      return;
    }
    const joined = entries.flatMap(([k, v]) => [val(k), val(formLeafText(v))]).join(DELIMITERS[kind] ?? ',');
    out.push(`${enc(name)}=${joined}`);
    return;
  }
  out.push(`${enc(name)}=${val(formLeafText(value))}`);
}

function build(styles: QueryStyles): QuerySerializerFn {
  return (query) => {
    const out: string[] = [];
    for (const [name, value] of Object.entries(query)) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value) && value.length === 0) continue;
      serializeParam(name, value, Object.prototype.hasOwnProperty.call(styles, name) ? styles[name] : undefined, out);
    }
    return out.join('&');
  };
}

const cache = new WeakMap<QueryStyles, QuerySerializerFn>();

/**
 * Returns the openapi-fetch `querySerializer` for one operation's parameter table. Tables are
 * module constants in generated code, so the serializer is built once per table.
 */
export function createQuerySerializer(styles: QueryStyles): QuerySerializerFn {
  let serializer = cache.get(styles);
  if (!serializer) {
    serializer = build(styles);
    cache.set(styles, serializer);
  }
  return serializer;
}

const tables = new WeakMap<object, QuerySerializerFn>();

/**
 * `styledQuery` after the query string of the operation's path key (`cmd=run` of `/worker?cmd=run`),
 * which the request path leaves out (generator/emit/request-path.ts). Its `{name}` variables are
 * the operation's path parameters (`/alerts?lat={lat}&lon={lon}`, every one declared in: path,
 * which the load leaves in the key): filled as in the path, strictly encoded, a missing or empty
 * value refused.
 */
export function styledQueryAfter(keyQuery: string): (table: NonNullable<OperationMeta['query']>, path?: Record<string, unknown>) => QuerySerializerFn {
  return (table, path) => {
    const serialize = styledQuery(table);
    const filled = keyQuery.includes('{') ? serializePath(keyQuery, path ?? {}) : keyQuery;
    return (query) => {
      const rest = serialize(query);
      return rest ? `${filled}&${rest}` : filled;
    };
  };
}

/**
 * The query encoder of operations with styled parameters (OperationMeta.encodeQuery): the
 * serializer for the generated `name → [style, explode]` table, built once per table.
 */
export function styledQuery(table: NonNullable<OperationMeta['query']>): QuerySerializerFn {
  let serializer = tables.get(table);
  if (!serializer) {
    serializer = build(Object.fromEntries(Object.entries(table).map(([name, [style, explode]]) => [name, { style, explode }])));
    tables.set(table, serializer);
  }
  return serializer;
}
