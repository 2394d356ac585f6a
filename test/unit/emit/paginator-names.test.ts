// A paginated operation also exports `<name>All`. Beside an operation whose own function has that
// name (`listItems`, paginated, and `listItemsAll`), operations.js declared `listItemsAll` twice
// and did not load (SyntaxError: Identifier 'listItemsAll' has already been declared) while
// generation succeeded. Function names now reserve paginator names (model/function-names.ts):
// whichever operation comes later in id order is renamed, and the rename is listed like any other.
// Fixture: test/fixtures/paginator-names/openapi.json (hand-made; pagination inferred from
// `cursor` and `next_cursor`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOneOff, type OneOffRun } from '../cli/one-off-vendor.ts';

let run: OneOffRun;
let operations: Record<string, unknown>;
let client: unknown;
/** Paths requested, with their query string. */
const seen: string[] = [];

beforeAll(async () => {
  run = await generateOneOff('test/fixtures/paginator-names/openapi.json', 'paginator-names');
  expect(run.code, run.stderr).toBe(0);
  operations = await run.load('operations.js');
  const { createPaginatorNamesClient } = (await run.load('client.ts')) as { createPaginatorNamesClient: (options: object) => unknown };
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    seen.push(url.pathname + url.search);
    // `/items` and `/orders` without a cursor answer a first page that names a second; anything else is a last page.
    const first = !url.searchParams.has('cursor') && url.pathname.split('/').length === 2;
    return Response.json(first ? { data: ['a'], next_cursor: 'c1' } : { data: ['b'] });
  };
  client = createPaginatorNamesClient({ baseUrl: 'https://api.paginator-names.test', fetch, retry: false, logger: false });
}, 120_000);

afterAll(() => run?.remove());

const call = (name: string) => operations[name] as (client: unknown, init?: object) => Promise<unknown>;
const walk = (name: string) => operations[name] as (client: unknown, init?: object) => { toArray(): Promise<unknown[]> };

describe('an operation named like another operation’s paginator', () => {
  it('operations.js loads in Node, with every function and paginator exported once', async () => {
    expect(await run.nativeExports('operations.js')).toEqual(['listItems', 'listItemsAll', 'listItemsAll2', 'listOrders2', 'listOrders2All', 'listOrdersAll']);
  });

  it('the later operation in id order is renamed, and each name calls its own path', async () => {
    seen.length = 0;
    await call('listItemsAll2')(client);
    await call('listOrdersAll')(client);
    expect(seen).toEqual(['/items/all', '/orders/all']);
  });

  it('the paginators walk their own operation', async () => {
    seen.length = 0;
    expect(await walk('listItemsAll')(client).toArray()).toEqual(['a', 'b']);
    expect(await walk('listOrders2All')(client).toArray()).toEqual(['a', 'b']);
    expect(seen).toEqual(['/items', '/items?cursor=c1', '/orders', '/orders?cursor=c1']);
  });

  it('the renames are listed, naming the operation whose paginator took the name', () => {
    expect(run.stderr).toContain(
      'operations renamed so that each has a name of its own (2):\n' +
        '  GET /items/all: listItemsAll → listItemsAll2 (function name is the name of the paginator of GET /items)\n' +
        '  GET /orders: listOrders → listOrders2 (the name of its paginator, listOrdersAll, is the function name of GET /orders/all)\n',
    );
  });
});
