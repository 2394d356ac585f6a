// Pagination guessed from list responses: a GET whose query takes a cursor, a page number, the id
// to start after or an offset, and whose JSON answer holds an array next to what says where the
// next page is (a cursor, a has-more flag, the list's total, or the next page's URL: a field so
// named or declared a URI, or the one AutoRest's `x-ms-pageable` names), or declares a `Link`
// header (RFC 8288) that names it.
// Only shapes the runtime's paginator styles can follow are proposed; anything less certain is
// left out (the operation stays a plain call) rather than guessed.
//
// Types decide as much as names: a `page` parameter that takes text is a cursor the answer hands
// back (numbered 1, 2, … it is refused), and a field or parameter whose type sits in an `allOf`
// beside its description (as converted AWS specs write every member) has that type.
import type { PaginationRule } from '../model/profile.ts';
import { deref, isRecord, operations, properties, schemaType, successSchema, type Doc } from './document.ts';

const CURSOR_PARAMS = /^(page_?token|pageToken|cursor|next_?token|nextToken|continuation_?token|continuationToken|after)$/;
const NEXT_FIELDS = /^(next_?page_?token|nextPageToken|next_?cursor|nextCursor|next_?token|nextToken|continuation_?token|continuationToken|cursor|next_?page|nextPage)$/;
const PAGE_PARAMS = /^(page|page_?number|pageNumber)$/;
const HAS_MORE_FIELDS = /^(has_?more|hasMore|has_?next|hasNext|has_?next_?page|hasNextPage)$/;
const SIZE_PARAMS = /^(limit|page_?size|pageSize|per_?page|perPage|max_?results|maxResults|count|size)$/;
const AFTER_ID_PARAMS = /^(starting_?after|startingAfter)$/;
/** Fields whose name says they hold the next page's URL; `next` and `nextPage` count when declared a URI. */
const NEXT_LINK_FIELDS = /^(?:(?:@?odata\.)?next_?link|next_?(?:page_?)?(?:url|uri|href))$/i;
const NEXT_URI_FIELDS = /^(next|next_?page|nextPage)$/;
const URI_FORMATS = new Set(['uri', 'url', 'uri-reference', 'iri', 'iri-reference']);
/** HAL's link and embedded-resource members: never the list. */
const HAL_MEMBERS = /^_(links|embedded)$/;
/** Arrays that often sit beside a list (links, errors, warnings, JSON:API's side-loaded `included`, the sort `order`): the list only when alone. */
const BESIDE_A_LIST = /^(links|errors|warnings|included|order|sort)$/i;
/** The names lists go by, preferred where an answer has several arrays (Box's `order` beside `entries`). */
const ITEMS_NAMES = /^(items|data|results|entries|records|elements|value|values|content|list|rows|hits|objects|resources)$/i;
const BEFORE_ID_PARAMS = /^(ending_?before|endingBefore)$/;
/** Offsets counted from 0 by these names (a `start` or `startIndex` may count from 1, and is left out). */
const OFFSET_PARAMS = /^(offset|skip|\$skip)$/;
/** Fields that give the whole list's length (a bare `count` often counts only the page, and is left out). */
const TOTAL_FIELDS = /^(total|total_?count|totalCount|total_?results|totalResults|total_?items|totalItems|total_?size|totalSize|@odata\.count)$/;

export function inferPagination(doc: Doc): PaginationRule[] {
  const rules = new Map<string, PaginationRule>();
  for (const { method, parameters, operation } of operations(doc)) {
    if (method !== 'get') continue;
    const query = new Map(parameters.filter((p) => p.in === 'query' && typeof p.name === 'string').map((p) => [p.name as string, parameterType(doc, p)]));
    const names = [...query.keys()];
    const schema = successSchema(doc, operation);
    if (!schema) continue;
    const props = properties(doc, schema);
    const typeOf = (name: string) => schemaType(doc, props[name]!);
    const size = names.find((q) => SIZE_PARAMS.test(q));
    // The answer says where the next page is in a Link header: the body (or its one list) is the page.
    // `since` too: GitHub walks its user, organisation and repository lists from the last id seen, by Link headers.
    const linked = names.find((q) => PAGE_PARAMS.test(q)) ?? names.find((q) => CURSOR_PARAMS.test(q) || AFTER_ID_PARAMS.test(q) || q === 'since');
    const items = listField(Object.keys(props).filter((name) => typeOf(name) === 'array'));
    const list = schemaType(doc, schema) === 'array' ? '' : items;
    if (linked && list !== undefined && declaresLinkHeader(doc, operation)) {
      const rule: PaginationRule = { style: 'link-header', whenQuery: linked, itemsField: list, ...(size ? { sizeParam: size } : {}) };
      rules.set(JSON.stringify(rule), rule);
      continue;
    }
    if (!items) continue;
    // The spec names the list and its link (AutoRest's x-ms-pageable), or a field's name or format says it is the link.
    const pageable = isRecord(operation['x-ms-pageable']) ? operation['x-ms-pageable'] : undefined;
    const declaredLink = typeof pageable?.nextLinkName === 'string' ? pageable.nextLinkName : undefined;
    const declaredItems = typeof pageable?.itemName === 'string' ? pageable.itemName : 'value';
    const link =
      declaredLink !== undefined
        ? Object.hasOwn(props, declaredLink) && Object.hasOwn(props, declaredItems) && typeOf(declaredItems) === 'array'
          ? { nextField: declaredLink, itemsField: declaredItems }
          : undefined
        : Object.keys(props)
            .filter((name) => typeOf(name) === 'string' && (NEXT_LINK_FIELDS.test(name) || (NEXT_URI_FIELDS.test(name) && URI_FORMATS.has(formatIn(doc, props[name]!) ?? ''))))
            .map((name) => ({ nextField: name, itemsField: items }))[0];
    if (link) {
      const rule: PaginationRule = { style: 'next-link', ...link, ...(size ? { sizeParam: size } : {}) };
      rules.set(JSON.stringify(rule), rule);
      continue;
    }
    const next = Object.keys(props).find((name) => NEXT_FIELDS.test(name) && typeOf(name) === 'string');
    // The parameter named as the field hands the token back; else a cursor's usual names; a page
    // parameter that takes text carries a cursor last (one that takes a number counts pages).
    const cursor =
      (next !== undefined && query.has(next) ? next : undefined) ??
      names.find((q) => CURSOR_PARAMS.test(q)) ??
      names.find((q) => PAGE_PARAMS.test(q) && query.get(q) === 'string');
    const page = names.find((q) => PAGE_PARAMS.test(q) && isNumeric(query.get(q)));
    const hasMore = Object.keys(props).find((name) => HAS_MORE_FIELDS.test(name) && typeOf(name) === 'boolean');
    const after = names.find((q) => AFTER_ID_PARAMS.test(q));
    const before = names.find((q) => BEFORE_ID_PARAMS.test(q));
    // An offset typed as text counts when the answer hands it back as a number (eBay types its
    // `offset` and `limit` parameters as strings, and answers `offset: integer`).
    const offset = names.find(
      (q) => OFFSET_PARAMS.test(q) && (isNumeric(query.get(q)) || (query.get(q) === 'string' && Object.hasOwn(props, q) && isNumeric(typeOf(q)))) && countsFromZero(doc, parameters.find((p) => p.in === 'query' && p.name === q)!),
    );
    // A bare `total` typed `number` may be a sum of money beside the list; one typed `integer`, or
    // a name that says it counts (`total_count`, `totalResults` …), is the list's length.
    const total = Object.keys(props).find((name) => TOTAL_FIELDS.test(name) && (typeOf(name) === 'integer' || (name !== 'total' && typeOf(name) === 'number')));
    let rule: PaginationRule | undefined;
    if (after && hasMore && itemsHaveId(doc, props[items]!)) {
      rule = { style: 'cursor', whenQuery: after, itemsField: items, hasMoreField: hasMore, cursorParam: after, cursorFrom: 'id', ...(before ? { beforeParam: before } : {}), ...(size ? { limitParam: size } : {}) };
    } else if (cursor && next) {
      rule = { style: 'opaque-cursor', whenQuery: cursor, itemsField: items, nextField: next, cursorParam: cursor, ...(size ? { sizeParam: size } : {}) };
    } else if (page && hasMore) {
      const firstPage = firstPageOf(doc, parameters.find((p) => p.in === 'query' && p.name === page)!);
      rule = { style: 'page-number', whenQuery: page, itemsField: items, hasMoreField: hasMore, pageParam: page, firstPage, ...(size ? { sizeParam: size } : {}) };
    } else if (offset && (total || hasMore)) {
      // Only with an end marker: an offset list that gives neither a total nor a has-more flag may
      // be one whose server ignores the offset, and a walk of it would fetch the first page for ever.
      rule = { style: 'offset', whenQuery: offset, itemsField: items, offsetParam: offset, ...(total ? { totalField: total } : {}), ...(hasMore ? { hasMoreField: hasMore } : {}), ...(size ? { limitParam: size } : {}) };
    }
    // The model tries rules in order and keeps the first whose fields the response has.
    if (rule) rules.set(JSON.stringify(rule), rule);
  }
  return [...rules.values()];
}

/**
 * Which of an answer's arrays is its list: one by a list's usual name, else the first not of
 * BESIDE_A_LIST, else the only one; none when that leaves a choice (errors beside warnings).
 */
function listField(arrays: readonly string[]): string | undefined {
  const candidates = arrays.filter((name) => !HAL_MEMBERS.test(name));
  return candidates.find((name) => ITEMS_NAMES.test(name)) ?? candidates.find((name) => !BESIDE_A_LIST.test(name)) ?? (candidates.length === 1 ? candidates[0] : undefined);
}

/** Whether the first success response declares a `Link` header (RFC 8288), as list APIs that page by links do. */
function declaresLinkHeader(doc: Doc, operation: Doc): boolean {
  const responses = isRecord(operation.responses) ? operation.responses : {};
  const status = Object.keys(responses).filter((code) => /^2\d\d$/.test(code)).sort()[0];
  const response = status === undefined ? undefined : deref(doc, responses[status]);
  return isRecord(response) && isRecord(response.headers) && Object.keys(response.headers).some((name) => name.toLowerCase() === 'link');
}

/** The `format` a schema or one of its `allOf` members declares. */
function formatIn(doc: Doc, schema: Doc): string | undefined {
  if (typeof schema.format === 'string') return schema.format;
  if (!Array.isArray(schema.allOf)) return undefined;
  return schema.allOf.map((member: unknown) => deref(doc, member)).find((member: unknown) => isRecord(member) && typeof member.format === 'string')?.format;
}

/** A Swagger 2.0 parameter carries its type itself; an OpenAPI 3 one in its schema. */
function parameterType(doc: Doc, parameter: Doc): string | undefined {
  const schema = isRecord(parameter.schema) ? deref(doc, parameter.schema) : parameter;
  return isRecord(schema) ? schemaType(doc, schema) : undefined;
}

function isNumeric(type: string | undefined): boolean {
  return type === 'integer' || type === 'number';
}

/** Whether the list's items carry an `id` to start the next page after. */
function itemsHaveId(doc: Doc, list: Doc): boolean {
  const element = deref(doc, Array.isArray(list.allOf) ? list.allOf.map((m: unknown) => deref(doc, m)).find((m: unknown) => isRecord(m) && m.items)?.items : list.items);
  if (!isRecord(element)) return false;
  const id = properties(doc, element).id;
  const type = id ? schemaType(doc, id) : undefined;
  return type === 'string' || type === 'integer';
}

/** Whether an offset parameter counts from 0: no declared minimum above 0. */
function countsFromZero(doc: Doc, parameter: Doc): boolean {
  const schema = isRecord(parameter.schema) ? deref(doc, parameter.schema) : parameter;
  const minimum = isRecord(schema) ? schema.minimum : undefined;
  return !(typeof minimum === 'number' && minimum > 0);
}

/** Numbering starts where the spec says (its minimum, else its default, when 0 or 1), else at 1. */
function firstPageOf(doc: Doc, parameter: Doc): number {
  const schema = isRecord(parameter.schema) ? deref(doc, parameter.schema) : parameter;
  for (const key of ['minimum', 'default'] as const) {
    const value = isRecord(schema) ? schema[key] : undefined;
    if (value === 0 || value === 1) return value;
  }
  return 1;
}
