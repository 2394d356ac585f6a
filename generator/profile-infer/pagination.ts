// Pagination guessed from list responses: a GET whose query takes a cursor or page parameter and
// whose JSON answer holds an array next to a "next" marker. Only shapes the runtime's paginator
// styles can follow are proposed; anything less certain is left out (the operation stays a plain
// call) rather than guessed.
import type { PaginationRule } from '../model/profile.ts';
import { operations, properties, schemaType, successSchema, type Doc } from './document.ts';

const CURSOR_PARAMS = /^(page_?token|pageToken|cursor|next_?token|nextToken|continuation_?token|continuationToken|after)$/;
const NEXT_FIELDS = /^(next_?page_?token|nextPageToken|next_?cursor|nextCursor|next_?token|nextToken|continuation_?token|continuationToken|cursor)$/;
const PAGE_PARAMS = /^(page|page_?number|pageNumber)$/;
const HAS_MORE_FIELDS = /^(has_?more|hasMore|has_?next|hasNext|has_?next_?page|hasNextPage)$/;
const SIZE_PARAMS = /^(limit|page_?size|pageSize|per_?page|perPage|max_?results|maxResults|count|size)$/;

export function inferPagination(doc: Doc): PaginationRule[] {
  const rules = new Map<string, PaginationRule>();
  for (const { method, parameters, operation } of operations(doc)) {
    if (method !== 'get') continue;
    const query = parameters.filter((p) => p.in === 'query' && typeof p.name === 'string').map((p) => p.name as string);
    const schema = successSchema(doc, operation);
    if (!schema) continue;
    const props = properties(doc, schema);
    const items = Object.keys(props).find((name) => schemaType(props[name]!) === 'array');
    if (!items) continue;
    const size = query.find((q) => SIZE_PARAMS.test(q));
    const cursor = query.find((q) => CURSOR_PARAMS.test(q));
    const next = Object.keys(props).find((name) => NEXT_FIELDS.test(name) && schemaType(props[name]!) === 'string');
    const page = query.find((q) => PAGE_PARAMS.test(q));
    const hasMore = Object.keys(props).find((name) => HAS_MORE_FIELDS.test(name) && schemaType(props[name]!) === 'boolean');
    let rule: PaginationRule | undefined;
    if (cursor && next) {
      rule = { style: 'opaque-cursor', whenQuery: cursor, itemsField: items, nextField: next, cursorParam: cursor, ...(size ? { sizeParam: size } : {}) };
    } else if (page && hasMore) {
      rule = { style: 'page-number', whenQuery: page, itemsField: items, hasMoreField: hasMore, pageParam: page, firstPage: 1, ...(size ? { sizeParam: size } : {}) };
    }
    // The model tries rules in order and keeps the first whose fields the response has.
    if (rule) rules.set(JSON.stringify(rule), rule);
  }
  return [...rules.values()];
}
