// Pagination inferred from every directory spec and every @readme/oas-examples document, held to
// the types the spec declares: each list operation the model pages with an inferred rule (the
// model's own detectPagination picks it) takes its items from an array (the body, when it is the
// list itself and a Link header names the next page), sends a page number only in a parameter
// typed as a number and an offset only in one typed as a number or as text the answer hands back
// as a number, ends at a total only the answer types as a number and at a has-more flag only it
// types as a boolean, sends back only a cursor or token the answer gives as text or a number,
// follows only a next link the answer gives as text, and, walking from the last item's id, has
// items with an id (in every branch of a union) and sends it in a parameter not typed as a
// number. The types are read here on their own (local `$ref`s and `allOf` members followed), not
// by the inference.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { directorySpecs, exampleSpecs } from '../../bench/corpus/specs.ts';
import { getAtPointer, refToPointer } from '../../generator/json-pointer.ts';
import { detectPagination } from '../../generator/model/pagination.ts';
import type { OperationModel, PaginationModel } from '../../generator/model/types.ts';
import { inferPagination } from '../../generator/profile-infer/pagination.ts';

type Doc = Record<string, any>;
const isRecord = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

function resolve(doc: Doc, value: unknown): Doc | undefined {
  let node = value;
  for (let hops = 0; hops < 32 && isRecord(node) && typeof node.$ref === 'string'; hops++) {
    const pointer = refToPointer(node.$ref);
    node = pointer === undefined ? undefined : getAtPointer(doc, pointer);
  }
  return isRecord(node) ? node : undefined;
}

/** Every type the schema or its allOf members declare (a nullable type counts as its type). */
function declaredTypes(doc: Doc, value: unknown, depth = 0): Set<string> {
  const schema = resolve(doc, value);
  const out = new Set<string>();
  if (!schema || depth > 16) return out;
  for (const t of [schema.type].flat()) if (typeof t === 'string' && t !== 'null') out.add(t);
  if (Array.isArray(schema.allOf)) for (const member of schema.allOf) for (const t of declaredTypes(doc, member, depth + 1)) out.add(t);
  return out;
}

function property(doc: Doc, schema: Doc | undefined, name: string): unknown {
  const props = resolve(doc, schema?.properties);
  const own = props && Object.hasOwn(props, name) ? props[name] : undefined;
  if (own !== undefined || !Array.isArray(schema?.allOf)) return own;
  for (const member of schema.allOf) {
    const found = property(doc, resolve(doc, member), name);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Whether the schema declares `name`, itself or in every branch of its anyOf / oneOf. */
function hasInEvery(doc: Doc, value: unknown, name: string): boolean {
  const schema = resolve(doc, value);
  if (!schema) return false;
  if (property(doc, schema, name) !== undefined) return true;
  const branches = schema.anyOf ?? schema.oneOf;
  return Array.isArray(branches) && branches.length > 0 && branches.every((b: unknown) => hasInEvery(doc, b, name));
}

interface ListOperation {
  readonly where: string;
  /** Query parameter name → the schema (OpenAPI 3) or the parameter itself (Swagger 2.0). */
  readonly query: Map<string, unknown>;
  readonly success: unknown;
}

function listOperations(doc: Doc): ListOperation[] {
  const out: ListOperation[] = [];
  for (const [path, rawItem] of Object.entries(isRecord(doc.paths) ? doc.paths : {})) {
    const item = resolve(doc, rawItem);
    const get = item && resolve(doc, item.get);
    if (!get) continue;
    const query = new Map<string, unknown>();
    for (const raw of [...(Array.isArray(item.parameters) ? item.parameters : []), ...(Array.isArray(get.parameters) ? get.parameters : [])]) {
      const p = resolve(doc, raw);
      if (p?.in === 'query' && typeof p.name === 'string') query.set(p.name, p.schema ?? p);
    }
    const status = Object.keys(resolve(doc, get.responses) ?? {}).filter((s) => /^2(?:\d\d|XX)$/i.test(s)).sort()[0];
    const response = status ? resolve(doc, get.responses[status]) : undefined;
    const media = resolve(doc, response?.content);
    const json = media && Object.keys(media).find((t) => /json/i.test(t));
    const success = json ? resolve(doc, media[json])?.schema : response?.schema;
    if (success) out.push({ where: `GET ${path}`, query, success });
  }
  return out;
}

/** What is wrong with paging `op` as `model` says, by the types the spec declares; undefined if nothing. */
function problem(doc: Doc, op: ListOperation, model: PaginationModel): string | undefined {
  const body = resolve(doc, op.success);
  const items = model.itemsField === '' ? body : property(doc, body, model.itemsField);
  if (!declaredTypes(doc, items).has('array')) return model.itemsField === '' ? 'the body is no list' : `items field ${model.itemsField} is no array`;
  const types = (param: string) => declaredTypes(doc, op.query.get(param));
  const numeric = (param: string) => types(param).has('integer') || types(param).has('number');
  /** What the answer hands back goes into the query as it came: it must be text or a number. */
  const handedBack = (field: string) => {
    const given = [...declaredTypes(doc, property(doc, body, field))];
    return given.length > 0 && given.every((t) => t === 'string' || t === 'integer' || t === 'number') ? undefined : `${field} (${given.join('|') || 'no type'}) is no text or number to send back`;
  };
  switch (model.style) {
    case 'page-number':
      return numeric(model.pageParam) ? undefined : `page number sent in ${model.pageParam}, typed ${[...types(model.pageParam)].join('|') || 'nothing'}`;
    case 'offset': {
      // A number, or text the answer hands back as a number of the same name.
      const echoed = types(model.offsetParam).has('string') && ['integer', 'number'].some((t) => declaredTypes(doc, property(doc, body, model.offsetParam)).has(t));
      if (!numeric(model.offsetParam) && !echoed) return `offset sent in ${model.offsetParam}, typed ${[...types(model.offsetParam)].join('|') || 'nothing'}`;
      const total = model.totalField === undefined ? undefined : declaredTypes(doc, property(doc, body, model.totalField));
      if (total && !total.has('integer') && !total.has('number')) return `total ${model.totalField} (${[...total].join('|') || 'no type'}) is no number`;
      const more = model.hasMoreField === undefined ? undefined : declaredTypes(doc, property(doc, body, model.hasMoreField));
      return more === undefined || more.has('boolean') ? undefined : `has-more flag ${model.hasMoreField} (${[...more].join('|') || 'no type'}) is no boolean`;
    }
    case 'opaque-cursor':
      return handedBack(model.nextField);
    case 'token':
      return handedBack(model.tokenField);
    case 'link-header':
      return undefined;
    case 'next-link':
      return declaredTypes(doc, property(doc, body, model.nextField)).has('string') ? undefined : `next link ${model.nextField} is no text`;
    case 'cursor': {
      if (numeric(model.cursorParam)) return `id sent in ${model.cursorParam}, typed as a number`;
      const list = resolve(doc, items);
      const element = list?.items ?? (Array.isArray(list?.allOf) ? list.allOf.map((m: unknown) => resolve(doc, m)).find((m: Doc | undefined) => m?.items)?.items : undefined);
      return hasInEvery(doc, element, model.cursorFrom) ? undefined : `items have no ${model.cursorFrom}`;
    }
  }
}

describe('pagination inferred from real specs', () => {
  it('pages every list operation as the types its spec declares allow', () => {
    const problems: string[] = [];
    const styles = new Map<string, number>();
    let specs = 0;
    for (const spec of [...directorySpecs(), ...exampleSpecs()]) {
      let doc: Doc;
      try {
        doc = JSON.parse(readFileSync(spec.file, 'utf8')) as Doc;
      } catch {
        continue;
      }
      if (!isRecord(doc)) continue;
      const rules = inferPagination(doc);
      if (rules.length === 0) continue;
      specs++;
      for (const op of listOperations(doc)) {
        // Only what detectPagination reads of an operation's model.
        const model = detectPagination(doc, { parameters: [...op.query.keys()].map((name) => ({ in: 'query', name })), responses: [{ status: '200', schema: op.success }] } as unknown as OperationModel, rules);
        if (!model) continue;
        styles.set(model.style, (styles.get(model.style) ?? 0) + 1);
        const wrong = problem(doc, op, model);
        if (wrong) problems.push(`${spec.id} ${op.where}: ${wrong}`);
      }
    }
    console.log(`inferred pagination: ${specs} specs with rules; operations paged: ${[...styles].map(([s, n]) => `${s} ${n}`).join(', ')}`);
    expect(problems).toEqual([]);
    // Each style the inference proposes is exercised by real specs, not only by hand-made ones.
    expect([...styles.keys()].sort()).toEqual(['cursor', 'link-header', 'next-link', 'offset', 'opaque-cursor', 'page-number']);
  });
});
