// Pagination inferred from a spec alone (test/fixtures/inferred-pagination, list shapes taken from
// directory specs), walked through the client a one-off `generate --spec` writes: each walk sends
// what the server handed back, where the spec says it goes.
// - a `page` parameter that takes text is the cursor the answer's `next_page` holds, not a page number;
// - `starting_after` with `has_more` walks from the last item's id (`ending_before` backwards);
// - a token and a list whose types sit in an `allOf` beside a description (as converted AWS specs
//   write them) are a token and a list;
// - a page number starts where the parameter's minimum says (0 here);
// - the parameter named as the answer's token field is the one that hands it back, not a page
//   parameter the spec types as text beside it;
// - a list whose answer declares a Link header (RFC 8288) follows its rel="next" link's query on the
//   operation's own path (the body itself the list, or its one array field);
// - so does a list whose next page's URL is in a body field: the one AutoRest's x-ms-pageable names,
//   one named as a link (`@odata.nextLink`, in an allOf member, under a `2XX` answer), or a `next`
//   declared a URI;
// - an offset list whose answer gives its total or a has-more flag advances by the items each page
//   held, stops at the total, when the flag is false and on an empty page (an offset typed as text
//   counts when the answer hands it back as a number); one counted from 1, one with neither marker,
//   and one whose bare `total` is typed `number` (a sum) stay plain calls;
// - of several arrays in an answer, the list is the one by a list's usual name (`entries`, not the
//   sort `order`), never HAL's `_links`, and `errors` only when alone.
import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../../support/cli.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/inferred-pagination/openapi.json');
const OUT = path.join(ROOT, 'test/.work/inferred-pagination');

interface Paginator {
  toArray(): Promise<unknown[]>;
}
type Walk = (client: unknown, init?: object) => Paginator;
let generated: { create: (options: object) => unknown; module: Record<string, unknown> };

beforeAll(async () => {
  await rm(OUT, { recursive: true, force: true });
  await promisify(execFile)(process.execPath, [BIN, 'generate', '--spec', FIXTURE, '--vendor', 'ledger', '--out', OUT], { cwd: ROOT });
  const module = (await import(path.join(OUT, 'ledger/index.ts'))) as Record<string, unknown>;
  generated = { create: module.createLedgerListsClient as (options: object) => unknown, module };
}, 120_000);

/**
 * Walks `walk` against a server answering the pages in `pages` one after the other (with the Link
 * header in `links` at the same place, if any); returns the items, each request's query and path.
 */
async function walkOf(walk: string, pages: object[], init?: object, links: (string | undefined)[] = []): Promise<{ items: unknown[]; queries: Record<string, string>[]; paths: string[] }> {
  const queries: Record<string, string>[] = [];
  const paths: string[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    queries.push(Object.fromEntries(url.searchParams));
    paths.push(url.pathname);
    const link = links[queries.length - 1];
    return Response.json(pages[queries.length - 1] ?? { error: 'no such page' }, { status: queries.length <= pages.length ? 200 : 404, headers: link ? { link } : {} });
  };
  const client = generated.create({ fetch, logger: false });
  const fn = generated.module[walk] as Walk | undefined;
  expect(fn, `${walk} is generated`).toBeTypeOf('function');
  const items = await fn!(client, init).toArray();
  return { items, queries, paths };
}

describe('the walks\' item types', () => {
  it('are the list\'s items: of the body itself, of its one array field, of an allOf-typed list', async () => {
    const consumer = [
      "import { createLedgerListsClient, listAnalyzersAll, listChargesAll, listIssuesAll, listMembersAll, searchIssuesAll } from './ledger/index.ts';",
      'const client = createLedgerListsClient({});',
      'export async function walk(): Promise<void> {',
      "  for await (const issue of listIssuesAll(client, { params: { path: { owner: 'o', repo: 'r' } } })) {",
      '    const id: number = issue.id;',
      '    // @ts-expect-error an issue has no such field',
      '    void issue.nope;',
      '    void id;',
      '  }',
      "  for await (const member of listMembersAll(client, { params: { path: { list_id: 'l' } } })) { const email: string = member; void email; }",
      "  for await (const issue of searchIssuesAll(client, { params: { query: { q: 'x' } } })) { const title: string | undefined = issue.title; void title; }",
      '  for await (const charge of listChargesAll(client)) { const id: string = charge.id; void id; }',
      '  for await (const analyzer of listAnalyzersAll(client)) { const name: string = analyzer; void name; }',
      '}',
    ];
    await writeFile(path.join(OUT, 'consumer.ts'), consumer.join('\n'));
    await writeFile(path.join(OUT, 'tsconfig.json'), JSON.stringify({ extends: path.join(ROOT, 'tsconfig.worker.json'), compilerOptions: { noEmit: true }, files: ['consumer.ts'], include: [] }));
    const compiled = await promisify(execFile)(path.join(ROOT, 'node_modules/.bin/tsgo'), ['-p', path.join(OUT, 'tsconfig.json'), '--pretty', 'false']).then(
      () => '',
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(compiled).toBe('');
  }, 60_000);
});

describe('pagination inferred from list shapes', () => {
  it('sends back a text `page` as the cursor next_page held, and stops when it is null', async () => {
    const { items, queries } = await walkOf(
      'searchChargesAll',
      [
        { data: [{ id: 'ch_1' }], has_more: true, next_page: 'cGFnZTI=' },
        { data: [{ id: 'ch_2' }], has_more: false, next_page: null },
      ],
      { params: { query: { query: "amount>'1'" } } },
    );
    expect(items).toEqual([{ id: 'ch_1' }, { id: 'ch_2' }]);
    expect(queries).toEqual([{ query: "amount>'1'" }, { query: "amount>'1'", page: 'cGFnZTI=' }]);
  });

  it('walks starting_after the last id while has_more says so', async () => {
    const { items, queries } = await walkOf('listChargesAll', [
      { data: [{ id: 'ch_1' }, { id: 'ch_2' }], has_more: true },
      { data: [{ id: 'ch_3' }], has_more: false },
    ]);
    expect(items.map((i) => (i as { id: string }).id)).toEqual(['ch_1', 'ch_2', 'ch_3']);
    expect(queries).toEqual([{}, { starting_after: 'ch_2' }]);
  });

  it('walks ending_before the first id when the caller starts backwards', async () => {
    const { queries } = await walkOf(
      'listChargesAll',
      [
        { data: [{ id: 'ch_8' }, { id: 'ch_9' }], has_more: true },
        { data: [{ id: 'ch_7' }], has_more: false },
      ],
      { params: { query: { ending_before: 'ch_10' } } },
    );
    expect(queries).toEqual([{ ending_before: 'ch_10' }, { ending_before: 'ch_8' }]);
  });

  it('reads a token and a list whose types sit in an allOf', async () => {
    const { items, queries } = await walkOf('listAnalyzersAll', [{ analyzers: ['a', 'b'], nextToken: 't2' }, { analyzers: ['c'] }]);
    expect(items).toEqual(['a', 'b', 'c']);
    expect(queries).toEqual([{}, { nextToken: 't2' }]);
  });

  it('numbers pages from the minimum the page parameter declares', async () => {
    const { items, queries } = await walkOf('listEventsAll', [
      { events: ['e1'], has_more: true },
      { events: ['e2'], has_more: false },
    ]);
    expect(items).toEqual(['e1', 'e2']);
    expect(queries).toEqual([{ page: '0' }, { page: '1' }]);
  });

  it('follows the Link header\'s next page by its query, on the operation\'s own path, until none is sent', async () => {
    const { items, queries, paths } = await walkOf(
      'listIssuesAll',
      [[{ id: 1 }, { id: 2 }], [{ id: 3 }]],
      { params: { path: { owner: 'octo', repo: 'hello' }, query: { state: 'open', per_page: 2 } } },
      ['<https://lists.example.test/repositories/42/issues?state=open&per_page=2&page=2>; rel="next", <https://lists.example.test/repositories/42/issues?state=open&per_page=2&page=2>; rel="last"', '<https://lists.example.test/repositories/42/issues?state=open&per_page=2&page=1>; rel="first"'],
    );
    expect(items).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(queries).toEqual([{ state: 'open', per_page: '2' }, { state: 'open', per_page: '2', page: '2' }]);
    expect(paths).toEqual(['/repos/octo/hello/issues', '/repos/octo/hello/issues']);
  });

  it('takes a linked page\'s items from the body\'s one list when the body is an object', async () => {
    const { items, queries } = await walkOf('searchIssuesAll', [{ total_count: 3, items: [{ id: 1 }, { id: 2 }] }, { total_count: 3, items: [{ id: 3 }] }], { params: { query: { q: 'bug' } } }, [
      '<https://lists.example.test/search/issues?q=bug&page=2>; rel="next"',
    ]);
    expect(items).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(queries).toEqual([{ q: 'bug' }, { q: 'bug', page: '2' }]);
  });

  it('follows the next link x-ms-pageable names, by its query, on the operation\'s own path', async () => {
    const { items, queries, paths } = await walkOf(
      'listVaultsAll',
      [{ value: ['v1', 'v2'], nextLink: 'https://lists.example.test/subscriptions/s1/vaults?api-version=2024-01-01&$skiptoken=abc' }, { value: ['v3'] }],
      { params: { path: { subscriptionId: 's1' }, query: { 'api-version': '2024-01-01' } } },
    );
    expect(items).toEqual(['v1', 'v2', 'v3']);
    expect(queries).toEqual([{ 'api-version': '2024-01-01' }, { 'api-version': '2024-01-01', $skiptoken: 'abc' }]);
    expect(paths).toEqual(['/subscriptions/s1/vaults', '/subscriptions/s1/vaults']);
  });

  it('follows a field named as a link (@odata.nextLink, declared in an allOf member, under a 2XX answer)', async () => {
    const { items, queries } = await walkOf('listMessagesAll', [{ value: ['m1'], '@odata.nextLink': 'https://lists.example.test/me/messages?$skiptoken=p2' }, { value: ['m2'], '@odata.nextLink': null }]);
    expect(items).toEqual(['m1', 'm2']);
    expect(queries).toEqual([{}, { $skiptoken: 'p2' }]);
  });

  it('follows a `next` field declared a URI (offset and limit in its query)', async () => {
    const { items, queries } = await walkOf('listDevicesAll', [
      { count: 3, next: 'https://lists.example.test/devices?limit=2&offset=2', previous: null, results: ['d1', 'd2'] },
      { count: 3, next: null, previous: 'https://lists.example.test/devices?limit=2', results: ['d3'] },
    ]);
    expect(items).toEqual(['d1', 'd2', 'd3']);
    expect(queries).toEqual([{}, { limit: '2', offset: '2' }]);
  });

  it('advances an offset by the items each page held and stops at the total without asking for more', async () => {
    const hal = [{ rel: 'self', href: 'https://lists.example.test/lists/l1/members' }];
    const { items, queries } = await walkOf(
      'listMembersAll',
      [
        { _links: hal, members: ['m1', 'm2'], total_items: 5 },
        { _links: hal, members: ['m3', 'm4'], total_items: 5 },
        { _links: hal, members: ['m5'], total_items: 5 },
      ],
      { params: { path: { list_id: 'l1' }, query: { count: 3 } } },
    );
    expect(items).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    // The server held each page to 2 of the 3 asked for: the next offset counts what came.
    expect(queries).toEqual([{ count: '3' }, { count: '3', offset: '2' }, { count: '3', offset: '4' }]);
  });

  it('ends an offset walk on an empty page before the total, and goes on from the caller\'s offset', async () => {
    const { items, queries } = await walkOf(
      'listMembersAll',
      [
        { members: ['m11'], total_items: 50 },
        { members: [], total_items: 50 },
      ],
      { params: { path: { list_id: 'l1' }, query: { offset: 10 } } },
    );
    expect(items).toEqual(['m11']);
    expect(queries).toEqual([{ offset: '10' }, { offset: '11' }]);
  });

  it('takes the list by its usual name, not the sort order declared before it', async () => {
    const order = [{ by: 'name', direction: 'ASC' }];
    const { items, queries } = await walkOf(
      'listFolderItemsAll',
      [
        { total_count: 3, limit: 2, offset: 0, order, entries: ['a', 'b'] },
        { total_count: 3, limit: 2, offset: 2, order, entries: ['c'] },
      ],
      { params: { path: { folder_id: '0' } } },
    );
    expect(items).toEqual(['a', 'b', 'c']);
    expect(queries).toEqual([{}, { offset: '2' }]);
  });

  it('walks the list beside an errors array, not the errors', async () => {
    const { items, queries } = await walkOf('listCustomersAll', [{ errors: [], customers: ['c1'], cursor: 'n2' }, { customers: ['c2'] }]);
    expect(items).toEqual(['c1', 'c2']);
    expect(queries).toEqual([{}, { cursor: 'n2' }]);
  });

  it('ends a skip walk when has_more is false, before a total_count that counts more than the list holds', async () => {
    const { items, queries } = await walkOf(
      'listBasketRequestsAll',
      [
        { count: 3, has_more: true, requests: ['r1', 'r2'], total_count: 3023 },
        { count: 3, has_more: false, requests: ['r3'], total_count: 3023 },
      ],
      { params: { path: { name: 'b1' }, query: { max: 2 } } },
    );
    expect(items).toEqual(['r1', 'r2', 'r3']);
    expect(queries).toEqual([{ max: '2' }, { max: '2', skip: '2' }]);
  });

  it('walks an offset typed as text when the answer hands it back as a number, beside a `next` declared no URI', async () => {
    const { items, queries } = await walkOf(
      'getOrdersAll',
      [
        { href: 'h', limit: 2, next: 'https://lists.example.test/sell/fulfillment/v1/order?limit=2&offset=2', offset: 0, orders: ['o1', 'o2'], total: 3, warnings: [] },
        { href: 'h', limit: 2, offset: 2, orders: ['o3'], total: 3 },
      ],
      { params: { query: { limit: '2' } } },
    );
    expect(items).toEqual(['o1', 'o2', 'o3']);
    expect(queries).toEqual([{ limit: '2' }, { limit: '2', offset: '2' }]);
  });

  it('leaves as plain calls an offset counted from 1, one with no total or has-more flag, and one beside a `total` typed as a number', () => {
    for (const name of ['listRecords', 'listStats', 'listInvoiceLines']) {
      expect(generated.module[name], name).toBeTypeOf('function');
      expect(generated.module[`${name}All`], `${name}All`).toBeUndefined();
    }
  });

  it('hands the token back in the parameter named as its field, not in a text page parameter beside it', async () => {
    const { queries } = await walkOf('listUsersAll', [{ users: ['u1'], next_page_token: 'n2' }, { users: ['u2'] }]);
    expect(queries).toEqual([{}, { next_page_token: 'n2' }]);
  });
});
