import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextLink, PaginationError, paginate, type PageParams, type PaginationStyle } from '../../runtime/pagination.ts';

// Styles as the generator's model describes them, one per pagination shape the pinned APIs use.
const cursorList: PaginationStyle = {
  style: 'cursor',
  itemsField: 'data',
  hasMoreField: 'has_more',
  cursorParam: 'starting_after',
  cursorFrom: 'id',
  limitParam: 'limit',
};
const searchToken: PaginationStyle = {
  style: 'token',
  itemsField: 'data',
  hasMoreField: 'has_more',
  tokenField: 'next_page',
  tokenParam: 'page',
  limitParam: 'limit',
};
const numberedPages: PaginationStyle = {
  style: 'page-number',
  itemsField: 'items',
  hasMoreField: 'has_more',
  pageParam: 'page_num',
  firstPage: 0,
  sizeParam: 'page_size',
};
const metadataNext: PaginationStyle = {
  style: 'opaque-cursor',
  itemsField: 'result',
  nextField: '_metadata.next',
  cursorParam: 'page_token',
  sizeParam: 'page_size',
};

interface Item {
  id: string;
}
const items = (n: number): Item[] => Array.from({ length: n }, (_, i) => ({ id: `obj_${i}` }));

/** A fake `starting_after` list server over `all`, recording each request's params. */
function cursorListServer(all: Item[]) {
  const calls: PageParams[] = [];
  const fetchPage = async (params: PageParams) => {
    calls.push(params);
    const limit = Number(params.limit ?? 10);
    const start = params.starting_after === undefined ? 0 : all.findIndex((x) => x.id === params.starting_after) + 1;
    const data = all.slice(start, start + limit);
    return { object: 'list', data, has_more: start + limit < all.length, url: '/v1/customers' };
  };
  return { calls, fetchPage };
}

describe('cursor style (starting_after lists)', () => {
  it('walks every item once, feeding the last id back as starting_after', async () => {
    const all = items(25);
    const server = cursorListServer(all);
    const got = await paginate<Item>(server.fetchPage, cursorList, { pageSize: 10, params: { customer: 'cus_1' } }).toArray();
    expect(got).toEqual(all);
    expect(server.calls).toEqual([
      { customer: 'cus_1', limit: 10 },
      { customer: 'cus_1', limit: 10, starting_after: 'obj_9' },
      { customer: 'cus_1', limit: 10, starting_after: 'obj_19' },
    ]);
  });

  it('started with ending_before, walks the other way: the first id of each page as ending_before, never starting_after, items last first', async () => {
    const all = items(25);
    // A server that answers as such lists do: both cursors at once are refused; ending_before=X
    // gives the page of items just before X, in list order.
    const calls: PageParams[] = [];
    const fetchPage = async (params: PageParams) => {
      calls.push(params);
      if (params.starting_after !== undefined && params.ending_before !== undefined) throw new Error('You may only specify one of these parameters: ending_before, starting_after.');
      const end = all.findIndex((x) => x.id === params.ending_before);
      const start = Math.max(0, end - Number(params.limit));
      return { object: 'list', data: all.slice(start, end), has_more: start > 0 };
    };
    const style: PaginationStyle = { ...cursorList, beforeParam: 'ending_before' };
    const got = await paginate<Item>(fetchPage, style, { pageSize: 10, params: { ending_before: 'obj_24' } }).toArray();
    expect(got).toEqual(all.slice(0, 24).reverse());
    expect(calls).toEqual([
      { ending_before: 'obj_24', limit: 10 },
      { ending_before: 'obj_14', limit: 10 },
      { ending_before: 'obj_4', limit: 10 },
    ]);
    // Without ending_before the same style walks forward as before.
    const forward = cursorListServer(all);
    expect(await paginate<Item>(forward.fetchPage, style, { pageSize: 10 }).toArray()).toEqual(all);
  });

  it('yields every item for any list length and page size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 15 }), async (n, size) => {
        const all = items(n);
        const server = cursorListServer(all);
        expect(await paginate<Item>(server.fetchPage, cursorList, { pageSize: size }).toArray()).toEqual(all);
        expect(server.calls.length).toBe(Math.max(1, Math.ceil(n / size)));
      }),
    );
  });

  it('stops at maxItems without fetching further pages', async () => {
    const server = cursorListServer(items(100));
    const got = await paginate<Item>(server.fetchPage, cursorList, { pageSize: 10, maxItems: 15 }).toArray();
    expect(got.map((x) => x.id)).toEqual(items(15).map((x) => x.id));
    expect(server.calls).toHaveLength(2);
  });

  it('stops at maxPages', async () => {
    const server = cursorListServer(items(100));
    const pages = [];
    for await (const page of paginate<Item>(server.fetchPage, cursorList, { pageSize: 10, maxPages: 3 }).pages()) pages.push(page);
    expect(pages.map((p) => p.index)).toEqual([0, 1, 2]);
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 10]);
    expect(pages[2]!.params).toEqual({ limit: 10, starting_after: 'obj_19' });
    expect(server.calls).toHaveLength(3);
  });

  it('stops on an empty page even if has_more says otherwise', async () => {
    let calls = 0;
    const fetchPage = async () => {
      calls++;
      return { data: [], has_more: true };
    };
    expect(await paginate(fetchPage, cursorList).toArray()).toEqual([]);
    expect(calls).toBe(1);
  });

  it('refuses a cursor that does not advance', async () => {
    const fetchPage = async () => ({ data: [{ id: 'same' }], has_more: true });
    await expect(paginate(fetchPage, cursorList, { params: { starting_after: 'same' } }).toArray()).rejects.toThrow(PaginationError);
  });

  it('refuses an item without the cursor field', async () => {
    const fetchPage = async () => ({ data: [{ name: 'no id' }], has_more: true });
    await expect(paginate(fetchPage, cursorList).toArray()).rejects.toThrow(/no "id"/);
  });

  it('each iteration starts again from the first page', async () => {
    const server = cursorListServer(items(3));
    const paginator = paginate<Item>(server.fetchPage, cursorList, { pageSize: 2 });
    const first: Item[] = [];
    for await (const item of paginator) first.push(item);
    const second: Item[] = [];
    for await (const item of paginator) second.push(item);
    expect(first).toEqual(items(3));
    expect(second).toEqual(items(3));
  });
});

describe('token style (next_page search results)', () => {
  it('feeds next_page back as page until has_more is false', async () => {
    const pages: Record<string, { data: Item[]; has_more: boolean; next_page: string | null }> = {
      first: { data: items(2), has_more: true, next_page: 'tok_2' },
      tok_2: { data: [{ id: 'obj_2' }], has_more: true, next_page: 'tok_3' },
      tok_3: { data: [{ id: 'obj_3' }], has_more: false, next_page: null },
    };
    const calls: PageParams[] = [];
    const fetchPage = async (params: PageParams) => {
      calls.push(params);
      return pages[String(params.page ?? 'first')]!;
    };
    const got = await paginate<Item>(fetchPage, searchToken, { params: { query: "email:'a@b.c'" } }).toArray();
    expect(got.map((x) => x.id)).toEqual(['obj_0', 'obj_1', 'obj_2', 'obj_3']);
    expect(calls.map((c) => c.page)).toEqual([undefined, 'tok_2', 'tok_3']);
    expect(calls.every((c) => c.query === "email:'a@b.c'")).toBe(true);
  });
});

describe('page-number style (page_num from 0)', () => {
  it('counts page_num up from 0 with a constant page_size', async () => {
    const all = items(7);
    const calls: PageParams[] = [];
    const fetchPage = async (params: PageParams) => {
      calls.push(params);
      const num = Number(params.page_num);
      const size = Number(params.page_size);
      return { items: all.slice(num * size, num * size + size), has_more: (num + 1) * size < all.length };
    };
    expect(await paginate<Item>(fetchPage, numberedPages, { pageSize: 3 }).toArray()).toEqual(all);
    expect(calls).toEqual([
      { page_size: 3, page_num: 0 },
      { page_size: 3, page_num: 1 },
      { page_size: 3, page_num: 2 },
    ]);
  });
});

describe('opaque-cursor style (_metadata.next links, page_after tokens)', () => {
  it('takes the cursor parameter out of a next-page URL', async () => {
    const calls: PageParams[] = [];
    const fetchPage = async (params: PageParams) => {
      calls.push(params);
      if (params.page_token === undefined) {
        return { result: items(2), _metadata: { next: 'https://api.example.com/v3/marketing/lists?page_size=2&page_token=abc%3D%3D' } };
      }
      return { result: [{ id: 'last' }], _metadata: { self: 'https://api.example.com/v3/marketing/lists' } };
    };
    const got = await paginate<Item>(fetchPage, metadataNext, { pageSize: 2 }).toArray();
    expect(got.map((x) => x.id)).toEqual(['obj_0', 'obj_1', 'last']);
    expect(calls).toEqual([{ page_size: 2 }, { page_size: 2, page_token: 'abc==' }]);
  });

  it('uses a bare token as is', async () => {
    const style: PaginationStyle = { style: 'opaque-cursor', itemsField: 'items', nextField: 'page_after', cursorParam: 'page' };
    const calls: PageParams[] = [];
    const fetchPage = async (params: PageParams) => {
      calls.push(params);
      return params.page ? { items: [{ id: 'b' }], page_after: null } : { items: [{ id: 'a' }], page_after: 'c3VyZQ' };
    };
    expect((await paginate<Item>(fetchPage, style).toArray()).map((x) => x.id)).toEqual(['a', 'b']);
    expect(calls).toEqual([{}, { page: 'c3VyZQ' }]);
  });

  it('honours nextIsUrl when the model states it', async () => {
    const calls: PageParams[] = [];
    const style: PaginationStyle = { ...metadataNext, nextIsUrl: true };
    const fetchPage = async (params: PageParams) => {
      calls.push(params);
      return params.page_token ? { result: [{ id: 'b' }] } : { result: [{ id: 'a' }], _metadata: { next: 'v3/lists?page_token=t2' } };
    };
    expect((await paginate<Item>(fetchPage, style).toArray()).map((x) => x.id)).toEqual(['a', 'b']);
    expect(calls).toEqual([{}, { page_token: 't2' }]);
    const asToken: PaginationStyle = { ...metadataNext, nextIsUrl: false };
    const tokens: PageParams[] = [];
    const tokenPage = async (params: PageParams) => {
      tokens.push(params);
      return params.page_token ? { result: [{ id: 'b' }] } : { result: [{ id: 'a' }], _metadata: { next: '/opaque/token' } };
    };
    await paginate(tokenPage, asToken).toArray();
    expect(tokens[1]).toEqual({ page_token: '/opaque/token' });
  });

  it('refuses a next link without the cursor parameter', async () => {
    const fetchPage = async () => ({ result: items(1), _metadata: { next: 'https://api.example.com/v3/x?offset=5' } });
    await expect(paginate(fetchPage, metadataNext).toArray()).rejects.toThrow(/page_token/);
  });
});

describe('link-header style (RFC 8288 Link: <…>; rel="next")', () => {
  const linked: PaginationStyle = { style: 'link-header', itemsField: '', sizeParam: 'per_page' };

  it('reads the next link among several, rel quoted or not, of several types, parameters in any order', () => {
    expect(nextLink('<https://api.example.test/x?page=2>; rel="next", <https://api.example.test/x?page=9>; rel="last"')).toBe('https://api.example.test/x?page=2');
    expect(nextLink('<https://a.test/x?page=1>; rel="prev first", <https://a.test/x?page=3>; title="more"; rel=next')).toBe('https://a.test/x?page=3');
    expect(nextLink('<https://a.test/x?page=3>; REL="Next"')).toBe('https://a.test/x?page=3');
    expect(nextLink('<https://a.test/x?page=9>; rel="last"')).toBeUndefined();
    expect(nextLink('<https://a.test/next?page=2>; rel="nextish"')).toBeUndefined();
    expect(nextLink('')).toBeUndefined();
    expect(nextLink(null)).toBeUndefined();
  });

  it('fetches with the next link\'s query (not its path), the caller\'s other parameters kept, until no next link comes', async () => {
    const all = items(5);
    const calls: PageParams[] = [];
    let link: string | null = null;
    const fetchPage = async (params: PageParams) => {
      calls.push(params);
      const page = Number(params.page ?? 1);
      const size = Number(params.per_page);
      // The server links by another path form, as some do (a repository's id for its name).
      link = page * size < all.length ? `</repositories/42/issues?state=open&per_page=${size}&page=${page + 1}>; rel="next", </repositories/42/issues?page=3>; rel="last"` : '</repositories/42/issues?page=1>; rel="first"';
      return all.slice((page - 1) * size, page * size);
    };
    const got = await paginate<Item>(fetchPage, linked, { pageSize: 2, params: { state: 'open' }, linkHeader: () => link }).toArray();
    expect(got).toEqual(all);
    expect(calls).toEqual([
      { state: 'open', per_page: 2 },
      { state: 'open', per_page: '2', page: '2' },
      { state: 'open', per_page: '2', page: '3' },
    ]);
  });

  it('keeps a link parameter named __proto__ as a parameter, the next params\' prototype untouched', async () => {
    const calls: PageParams[] = [];
    let link: string | null = '<https://a.test/x?__proto__=polluted&page=2>; rel="next"';
    const fetchPage = async (params: PageParams) => {
      calls.push(params);
      const body = calls.length === 1 ? ['a'] : ['b'];
      link = calls.length === 1 ? link : null;
      return body;
    };
    expect(await paginate(fetchPage, linked, { linkHeader: () => link }).toArray()).toEqual(['a', 'b']);
    expect(Object.getPrototypeOf(calls[1])).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(calls[1], '__proto__')?.value).toBe('polluted');
    expect(calls[1]!.page).toBe('2');
  });

  it('takes the list from a field when the body is an object', async () => {
    const pages = [{ total_count: 3, items: ['a', 'b'] }, { total_count: 3, items: ['c'] }];
    let link: string | null = null;
    const fetchPage = async (params: PageParams) => {
      const index = Number(params.page ?? 1) - 1;
      link = index + 1 < pages.length ? `<https://a.test/search?q=x&page=${index + 2}>; rel="next"` : null;
      return pages[index]!;
    };
    const got = await paginate(fetchPage, { style: 'link-header', itemsField: 'items' }, { params: { q: 'x' }, linkHeader: () => link }).toArray();
    expect(got).toEqual(['a', 'b', 'c']);
  });

  it('refuses a next link that names the page just fetched, the caller\'s numbers read as the link\'s text, after one fetch', async () => {
    let fetched = 0;
    const fetchPage = async () => {
      fetched++;
      return ['a'];
    };
    await expect(paginate(fetchPage, linked, { params: { page: 1, per_page: 5 }, linkHeader: () => '<https://a.test/x?per_page=5&page=1>; rel="next"' }).toArray()).rejects.toThrow(/names the page just fetched/);
    expect(fetched).toBe(1);
  });
});

describe('next-link style (the next page\'s URL in a body field)', () => {
  it('follows the field\'s query, a key holding dots read whole, a relative link too, until the field is gone', async () => {
    const calls: PageParams[] = [];
    const pages: Record<string, { value: string[]; '@odata.nextLink'?: string }> = {
      first: { value: ['a', 'b'], '@odata.nextLink': 'https://graph.example.test/v1.0/users?$top=2&$skiptoken=X2' },
      X2: { value: ['c'], '@odata.nextLink': '/v1.0/users?$top=2&$skiptoken=X3' },
      X3: { value: [] },
    };
    const fetchPage = async (params: PageParams) => {
      calls.push(params);
      return pages[String(params.$skiptoken ?? 'first')]!;
    };
    const got = await paginate(fetchPage, { style: 'next-link', itemsField: 'value', nextField: '@odata.nextLink' }, { params: { $top: 2 } }).toArray();
    expect(got).toEqual(['a', 'b', 'c']);
    expect(calls).toEqual([{ $top: 2 }, { $top: '2', $skiptoken: 'X2' }, { $top: '2', $skiptoken: 'X3' }]);
  });

  it('refuses a next link that is no text', async () => {
    const fetchPage = async () => ({ value: ['a'], nextLink: 7 });
    await expect(paginate(fetchPage, { style: 'next-link', itemsField: 'value', nextField: 'nextLink' }).toArray()).rejects.toThrow(/"nextLink" is not a link/);
  });
});

describe('offset style (offset + limit, the answer\'s total or has-more flag)', () => {
  const withTotal: PaginationStyle = { style: 'offset', itemsField: 'items', offsetParam: 'offset', totalField: 'total', limitParam: 'limit' };
  const { totalField: _total, ...withoutTotal } = withTotal as PaginationStyle & { style: 'offset' };

  /** A list of `all` that serves at most `cap` items a page, whatever the limit asked, with or without its total. */
  function offsetServer(all: Item[], cap: number, total: boolean) {
    const calls: PageParams[] = [];
    const fetchPage = async (params: PageParams) => {
      calls.push(params);
      const offset = Number(params.offset ?? 0);
      const page = all.slice(offset, offset + Math.min(cap, Number(params.limit ?? cap)));
      return total ? { items: page, total: all.length } : { items: page };
    };
    return { calls, fetchPage };
  }

  it('yields every item once, advancing by what each page held; with a total it asks for no page past it, without one it ends on the empty page', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 15 }), fc.boolean(), async (n, size, cap, total) => {
        const all = items(n);
        const server = offsetServer(all, cap, total);
        expect(await paginate<Item>(server.fetchPage, total ? withTotal : withoutTotal, { pageSize: size }).toArray()).toEqual(all);
        const full = Math.ceil(n / Math.min(size, cap));
        expect(server.calls.length).toBe(total ? Math.max(1, full) : full + 1);
        expect(server.calls.map((c) => c.offset ?? 0)).toEqual(server.calls.map((_, i) => Math.min(n, i * Math.min(size, cap))));
      }),
    );
  });

  it('ends when the has-more flag is false, whatever the total says', async () => {
    const calls: PageParams[] = [];
    const fetchPage = async (params: PageParams) => {
      calls.push(params);
      return { items: items(2), total: 100, has_more: calls.length < 2 };
    };
    expect(await paginate(fetchPage, { ...withTotal, hasMoreField: 'has_more' }).toArray()).toHaveLength(4);
    expect(calls.map((c) => c.offset)).toEqual([undefined, 2]);
  });

  it('goes on from the caller\'s offset, given as text or a number', async () => {
    for (const offset of ['4', 4]) {
      const server = offsetServer(items(7), 2, true);
      const walked = await paginate<Item>(server.fetchPage, withTotal, { params: { offset } }).toArray();
      expect(walked.map((i) => i.id)).toEqual(['obj_4', 'obj_5', 'obj_6']);
      expect(server.calls.map((c) => c.offset)).toEqual([offset, 6]);
    }
  });

  it('refuses to go on from an offset that is no whole number of items', async () => {
    // A server that answers whatever the offset: the walk, not the server, must refuse to count on from it.
    const fetchPage = async () => ({ items: items(2), total: 10 });
    await expect(paginate(fetchPage, withTotal, { params: { offset: 'abc' } }).toArray()).rejects.toThrow(PaginationError);
    await expect(paginate(fetchPage, withTotal, { params: { offset: 1.5 } }).toArray()).rejects.toThrow(/"offset" is no whole number of items \(1\.5\)/);
  });
});

describe('abort and shape errors', () => {
  it('stops with the signal reason and passes the signal to fetchPage', async () => {
    const controller = new AbortController();
    const server = cursorListServer(items(50));
    const seen: Array<AbortSignal | undefined> = [];
    const fetchPage = async (params: PageParams, signal?: AbortSignal) => {
      seen.push(signal);
      return server.fetchPage(params);
    };
    const got: Item[] = [];
    const reason = new Error('caller gave up');
    await expect(
      (async () => {
        for await (const item of paginate<Item>(fetchPage, cursorList, { pageSize: 5, signal: controller.signal })) {
          got.push(item);
          if (got.length === 7) controller.abort(reason);
        }
      })(),
    ).rejects.toBe(reason);
    expect(got).toHaveLength(7);
    expect(server.calls).toHaveLength(2);
    expect(seen.every((s) => s === controller.signal)).toBe(true);
  });

  it('never calls fetchPage with an already aborted signal', async () => {
    let calls = 0;
    const fetchPage = async () => {
      calls++;
      return { data: [], has_more: false };
    };
    await expect(paginate(fetchPage, cursorList, { signal: AbortSignal.abort() }).toArray()).rejects.toThrow();
    expect(calls).toBe(0);
  });

  it('rejects a response whose items field is not an array', async () => {
    const fetchPage = async () => ({ data: 'oops', has_more: false });
    await expect(paginate(fetchPage, cursorList).toArray()).rejects.toThrow(PaginationError);
  });
});
