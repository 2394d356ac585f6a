// Auto-pagination over the list styles the generator recognises (PaginationModel in
// generator/model/types.ts). `fetchPage` is one call of the list operation with extra query
// parameters merged in; the style says where the items are and how the next request differs.
// Every style stops on an empty page as well as on its own end marker, and refuses a cursor that
// does not move, so a misbehaving server cannot make the iterator loop forever.

/** Mirrors PaginationModel in generator/model/types.ts (kept structural so runtime stays standalone). */
export type PaginationStyle =
  | {
      readonly style: 'cursor';
      readonly itemsField: string;
      readonly hasMoreField: string;
      readonly cursorParam: string;
      readonly cursorFrom: string;
      /**
       * The parameter that walks the list the other way (`ending_before`): a walk the caller starts
       * with it goes on from the first item of each page with it, never sends `cursorParam`, and
       * yields each page's items last first, so the items keep going the walk's way.
       */
      readonly beforeParam?: string;
      readonly limitParam?: string;
    }
  | {
      readonly style: 'token';
      readonly itemsField: string;
      readonly hasMoreField: string;
      readonly tokenField: string;
      readonly tokenParam: string;
      readonly limitParam?: string;
    }
  | {
      readonly style: 'page-number';
      readonly itemsField: string;
      readonly hasMoreField: string;
      readonly pageParam: string;
      readonly firstPage: number;
      readonly sizeParam?: string;
    }
  | {
      readonly style: 'opaque-cursor';
      readonly itemsField: string;
      readonly nextField: string;
      /** The next value is a URL carrying the cursor in `cursorParam`; detected when absent. */
      readonly nextIsUrl?: boolean;
      readonly cursorParam: string;
      readonly sizeParam?: string;
    }
  | {
      /**
       * Offset lists: `offsetParam` (`offset`, `skip`) counts the items before the page, from 0; the
       * next page starts after this one's items. The list ends on an empty page, once the next
       * offset reaches the total the answer gives (`totalField`), or when its `hasMoreField` is false.
       */
      readonly style: 'offset';
      readonly itemsField: string;
      readonly offsetParam: string;
      readonly totalField?: string;
      readonly hasMoreField?: string;
      readonly limitParam?: string;
    }
  | {
      /**
       * RFC 8288 `Link` response headers: the page the `rel="next"` link names is fetched by the same
       * operation with that link's query parameters (not its path or host, which stay the caller's:
       * a vendor may link by another path form); the list ends when no next link is sent.
       */
      readonly style: 'link-header';
      /** `''`: the body itself is the list. */
      readonly itemsField: string;
      readonly sizeParam?: string;
    }
  | {
      /**
       * The URL of the next page in a body field (`nextLink`, `@odata.nextLink`, `next_page_url`):
       * fetched as the link-header style fetches a Link header's, by the same operation with the
       * URL's query; the list ends when the field is absent, null or empty.
       */
      readonly style: 'next-link';
      readonly itemsField: string;
      readonly nextField: string;
      readonly sizeParam?: string;
    };

export type PageParams = Record<string, unknown>;

/** Performs one list call with `params` as its query; resolves to the parsed response body. */
export type FetchPage<Body> = (params: PageParams, signal?: AbortSignal) => Promise<Body>;

export interface PaginateOptions {
  /** The caller's own query parameters, sent with every page. */
  readonly params?: PageParams;
  /** Page size, sent as the style's limit/size parameter. */
  readonly pageSize?: number;
  /** Stop after yielding this many items. */
  readonly maxItems?: number;
  /** Stop after fetching this many pages. */
  readonly maxPages?: number;
  readonly signal?: AbortSignal;
  /** The `Link` header of the page `fetchPage` last fetched (the link-header style reads it). */
  readonly linkHeader?: () => string | null | undefined;
}

export interface Page<Item, Body> {
  readonly items: Item[];
  /** The parsed response body of this page. */
  readonly body: Body;
  /** Zero-based position of this page in the walk. */
  readonly index: number;
  /** The query parameters this page was fetched with. */
  readonly params: PageParams;
}

export interface Paginator<Item, Body> extends AsyncIterable<Item> {
  pages(): AsyncIterableIterator<Page<Item, Body>>;
  toArray(): Promise<Item[]>;
}

export class PaginationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PaginationError';
  }
}

/**
 * Reads `a.b.c` from a parsed body; `''` is the body itself, and a key that holds the dots itself
 * (`@odata.nextLink`) is read as that key first.
 */
export function readPath(source: unknown, path: string): unknown {
  if (path === '') return source;
  if (typeof source === 'object' && source !== null && Object.hasOwn(source, path)) return (source as Record<string, unknown>)[path];
  let current: unknown = source;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function sizeParamOf(style: PaginationStyle): string | undefined {
  return style.style === 'cursor' || style.style === 'token' || style.style === 'offset' ? style.limitParam : style.sizeParam;
}

function isPresent(v: unknown): boolean {
  return v !== undefined && v !== null && v !== '' && v !== false;
}

/**
 * An opaque next-page value may be a bare token or a whole URL (a `_metadata.next` link, say);
 * from a URL only the cursor parameter is taken, so the caller's base URL and auth stay in charge.
 */
function cursorFromNext(next: unknown, param: string, isUrl: boolean | undefined): unknown {
  const looksLikeUrl = typeof next === 'string' && /^(?:https?:\/\/|\/)/i.test(next);
  if (!(isUrl ?? looksLikeUrl)) return next;
  if (typeof next !== 'string') throw new PaginationError(`next-page link is not a string`);
  const value = new URL(next, 'http://relative.invalid').searchParams.get(param);
  if (value === null) throw new PaginationError(`next-page link carries no "${param}" parameter`);
  return value;
}

interface Step {
  /** Params for the next request, or undefined when the list is exhausted. */
  readonly next: PageParams | undefined;
}

/**
 * The target of the `rel="next"` link in a `Link` header (RFC 8288: `<url>; rel="next"`, several
 * links comma-separated, a rel of several space-separated types, quoted or not), or undefined.
 */
export function nextLink(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  for (const match of header.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]*)*)/g)) {
    for (const param of match[2]!.split(';')) {
      const [name, value] = param.split('=', 2).map((t) => t.trim());
      if (name?.toLowerCase() !== 'rel' || value === undefined) continue;
      if (value.replace(/^"|"$/g, '').toLowerCase().split(/\s+/).includes('next')) return match[1];
    }
  }
  return undefined;
}

/** The query of the next link, as the next page's parameters: the caller's, each the link names replaced. */
function linkedParams(link: string, params: PageParams): PageParams {
  // forEach, not keys(): TypeScript 5's DOM and WebWorker libs declare no iterators on
  // URLSearchParams without their `.Iterable` companions, which a Worker's tsconfig may not list.
  const named = new Map<string, string[]>();
  new URL(link, 'http://relative.invalid').searchParams.forEach((value, name) => {
    const values = named.get(name);
    if (values) values.push(value);
    else named.set(name, [value]);
  });
  const next: PageParams = { ...params };
  // Defined, not assigned: a server's `__proto__` parameter is a parameter, not the object's prototype.
  for (const [name, values] of named) Object.defineProperty(next, name, { value: values.length === 1 ? values[0] : values, enumerable: true, writable: true, configurable: true });
  return next;
}

function nextStep(style: PaginationStyle, body: unknown, items: unknown[], params: PageParams, linkHeader: string | null | undefined): Step {
  if (items.length === 0) return { next: undefined };
  switch (style.style) {
    case 'cursor': {
      if (!isPresent(readPath(body, style.hasMoreField))) return { next: undefined };
      const before = backwards(style, params);
      const cursor = readPath(items[before ? 0 : items.length - 1], style.cursorFrom);
      if (!isPresent(cursor)) throw new PaginationError(`${before ? 'first' : 'last'} item has no "${style.cursorFrom}" to continue from`);
      return { next: { ...params, [before ? style.beforeParam! : style.cursorParam]: cursor } };
    }
    case 'token': {
      const token = readPath(body, style.tokenField);
      if (!isPresent(readPath(body, style.hasMoreField)) || !isPresent(token)) return { next: undefined };
      return { next: { ...params, [style.tokenParam]: token } };
    }
    case 'page-number': {
      if (!isPresent(readPath(body, style.hasMoreField))) return { next: undefined };
      const current = Number(params[style.pageParam] ?? style.firstPage);
      return { next: { ...params, [style.pageParam]: current + 1 } };
    }
    case 'offset': {
      if (style.hasMoreField !== undefined && !isPresent(readPath(body, style.hasMoreField))) return { next: undefined };
      const from = params[style.offsetParam] ?? 0;
      const offset = typeof from === 'number' || (typeof from === 'string' && /^\d+$/.test(from)) ? Number(from) : NaN;
      if (!Number.isSafeInteger(offset)) throw new PaginationError(`"${style.offsetParam}" is no whole number of items (${String(from)})`);
      const next = offset + items.length;
      // Past the total there is nothing: the request for an empty page is saved.
      const total = style.totalField === undefined ? undefined : readPath(body, style.totalField);
      if (typeof total === 'number' && next >= total) return { next: undefined };
      return { next: { ...params, [style.offsetParam]: next } };
    }
    case 'opaque-cursor': {
      const next = readPath(body, style.nextField);
      if (!isPresent(next)) return { next: undefined };
      return { next: { ...params, [style.cursorParam]: cursorFromNext(next, style.cursorParam, style.nextIsUrl) } };
    }
    case 'link-header': {
      const link = nextLink(linkHeader);
      return { next: link === undefined ? undefined : linkedParams(link, params) };
    }
    case 'next-link': {
      const link = readPath(body, style.nextField);
      if (!isPresent(link)) return { next: undefined };
      if (typeof link !== 'string') throw new PaginationError(`"${style.nextField}" is not a link`);
      return { next: linkedParams(link, params) };
    }
  }
}

/** Whether a cursor walk goes the other way: the caller started it with the style's `beforeParam`. */
function backwards(style: PaginationStyle & { style: 'cursor' }, params: PageParams): boolean {
  return style.beforeParam !== undefined && isPresent(params[style.beforeParam]);
}

/**
 * What must change from one page's parameters to the next's: one parameter, or (links) the whole
 * query, as text in name order (a link's `2` is the caller's 2).
 */
function cursorOf(style: PaginationStyle, params: PageParams): string {
  if (style.style !== 'link-header' && style.style !== 'next-link') return String(params[cursorKey(style, params)]);
  const text = (value: unknown) => (Array.isArray(value) ? value.map(String) : String(value));
  return JSON.stringify(Object.entries(params).filter(([, value]) => value !== undefined).map(([name, value]) => [name, text(value)]).sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0)));
}

function cursorKey(style: Exclude<PaginationStyle, { style: 'link-header' | 'next-link' }>, params: PageParams): string {
  switch (style.style) {
    case 'cursor':
      return backwards(style, params) ? style.beforeParam! : style.cursorParam;
    case 'token':
      return style.tokenParam;
    case 'page-number':
      return style.pageParam;
    case 'offset':
      return style.offsetParam;
    case 'opaque-cursor':
      return style.cursorParam;
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

async function* walkPages<Item, Body>(
  fetchPage: FetchPage<Body>,
  style: PaginationStyle,
  options: PaginateOptions,
): AsyncGenerator<Page<Item, Body>> {
  const { maxItems = Infinity, maxPages = Infinity, signal } = options;
  const sizeParam = sizeParamOf(style);
  let params: PageParams = { ...options.params };
  if (options.pageSize !== undefined && sizeParam) params[sizeParam] = options.pageSize;
  if (style.style === 'page-number' && params[style.pageParam] === undefined) params[style.pageParam] = style.firstPage;

  let yielded = 0;
  for (let index = 0; index < maxPages && yielded < maxItems; index++) {
    throwIfAborted(signal);
    const body = await fetchPage(params, signal);
    throwIfAborted(signal);
    const raw = readPath(body, style.itemsField);
    if (raw !== undefined && raw !== null && !Array.isArray(raw)) {
      throw new PaginationError(`"${style.itemsField}" in the list response is not an array`);
    }
    const all = (raw ?? []) as Item[];
    // A backward walk yields each page last item first, so the items keep going the walk's way.
    const ordered = style.style === 'cursor' && backwards(style, params) ? [...all].reverse() : all;
    const items = ordered.length > maxItems - yielded ? ordered.slice(0, maxItems - yielded) : ordered;
    yielded += items.length;
    yield { items, body, index, params };
    const { next } = nextStep(style, body, all, params, options.linkHeader?.());
    if (!next) return;
    if (cursorOf(style, next) === cursorOf(style, params)) {
      throw new PaginationError(style.style === 'link-header' || style.style === 'next-link' ? 'the next link names the page just fetched' : `"${cursorKey(style, params)}" did not advance (${cursorOf(style, params)})`);
    }
    params = next;
  }
}

/**
 * Walks a paginated list. Iterate it for items, or call `.pages()` for whole pages; each
 * iteration starts a fresh walk from the first page.
 */
export function paginate<Item = unknown, Body = unknown>(
  fetchPage: FetchPage<Body>,
  style: PaginationStyle,
  options: PaginateOptions = {},
): Paginator<Item, Body> {
  return {
    pages: () => walkPages<Item, Body>(fetchPage, style, options),
    async *[Symbol.asyncIterator]() {
      for await (const page of walkPages<Item, Body>(fetchPage, style, options)) {
        // An abort takes effect at the next item, not only at the next page.
        for (const item of page.items) {
          throwIfAborted(options.signal);
          yield item;
        }
      }
    },
    async toArray() {
      const out: Item[] = [];
      for await (const page of walkPages<Item, Body>(fetchPage, style, options)) out.push(...page.items);
      return out;
    },
  };
}
