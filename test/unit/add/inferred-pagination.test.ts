// Pagination inferred from a spec alone (test/fixtures/inferred-pagination, list shapes taken from
// directory specs), walked through the client a one-off `generate --spec` writes: each walk sends
// what the server handed back, where the spec says it goes.
// - a `page` parameter that takes text is the cursor the answer's `next_page` holds, not a page number;
// - `starting_after` with `has_more` walks from the last item's id (`ending_before` backwards);
// - a token and a list whose types sit in an `allOf` beside a description (as converted AWS specs
//   write them) are a token and a list;
// - a page number starts where the parameter's minimum says (0 here);
// - the parameter named as the answer's token field is the one that hands it back, not a page
//   parameter the spec types as text beside it.
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
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
 * Walks `walk` against a server answering the pages in `pages` one after the other; returns the
 * items and each request's query (without the caller's own parameters).
 */
async function walkOf(walk: string, pages: object[], init?: object): Promise<{ items: unknown[]; queries: Record<string, string>[] }> {
  const queries: Record<string, string>[] = [];
  const fetch = async (request: Request) => {
    queries.push(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json(pages[queries.length - 1] ?? { error: 'no such page' }, { status: queries.length <= pages.length ? 200 : 404 });
  };
  const client = generated.create({ fetch, logger: false });
  const fn = generated.module[walk] as Walk | undefined;
  expect(fn, `${walk} is generated`).toBeTypeOf('function');
  const items = await fn!(client, init).toArray();
  return { items, queries };
}

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

  it('hands the token back in the parameter named as its field, not in a text page parameter beside it', async () => {
    const { queries } = await walkOf('listUsersAll', [{ users: ['u1'], next_page_token: 'n2' }, { users: ['u2'] }]);
    expect(queries).toEqual([{}, { next_page_token: 'n2' }]);
  });
});
