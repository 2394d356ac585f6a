// operations.js imports runtime helpers (encoders, the paginator) beside the functions it declares
// from operationIds. An operationId equal to a helper's name (`serializePath`) declared that name
// twice and operations.js did not load. Helpers are now bound under `$` aliases
// (emit/runtime-bindings.ts), which no function name can take. Fixture (hand-made):
// test/fixtures/runtime-helper-names/openapi.json, where each operation is named after the helper
// it needs, so the module imports every one of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOneOff, type OneOffRun } from '../cli/one-off-vendor.ts';

let run: OneOffRun;
let operations: Record<string, unknown>;
let client: unknown;
const seen: { line: string; contentType: string | null; xTags: string | null; body: string }[] = [];

beforeAll(async () => {
  run = await generateOneOff('test/fixtures/runtime-helper-names/openapi.json', 'helper-names');
  expect(run.code, run.stderr).toBe(0);
  operations = await run.load('operations.js');
  const { createHelperNamesClient } = (await run.load('client.ts')) as { createHelperNamesClient: (options: object) => unknown };
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    seen.push({ line: `${request.method} ${url.pathname}${url.search}`, contentType: request.headers.get('content-type'), xTags: request.headers.get('x-tags'), body: await request.text() });
    return Response.json(url.pathname === '/pages' ? { data: ['p'] } : {});
  };
  client = createHelperNamesClient({ baseUrl: 'https://api.helper-names.test', fetch, retry: false, logger: false });
}, 120_000);

afterAll(() => run?.remove());

/** The one request `operations[name](client, init)` sent. */
async function sent(name: string, init?: object) {
  seen.length = 0;
  await (operations[name] as (client: unknown, init?: object) => Promise<unknown>)(client, init);
  expect(seen).toHaveLength(1);
  return seen[0]!;
}

describe('operationIds equal to the runtime helpers operations.js imports', () => {
  it('operations.js loads in Node and exports each operation under its own name', async () => {
    expect(await run.nativeExports('operations.js')).toEqual([
      'formBody', 'jsonBody', 'multipartBody', 'paginateOperation', 'paginateOperationAll', 'rawBody',
      'serializePath', 'styledHeaders', 'styledQuery', 'undescribedBody',
    ]);
  });

  it('each operation still encodes its request with the helper it is named after', async () => {
    expect((await sent('serializePath', { params: { path: { id: 'a b' } } })).line).toBe('GET /things/a%20b');
    expect((await sent('styledQuery', { params: { query: { tags: ['x', 'y'] } } })).line).toBe('GET /search?tags=x,y');
    expect((await sent('styledHeaders', { params: { header: { 'X-Tags': ['x', 'y'] } } })).xTags).toBe('x,y');
    expect(await sent('formBody', { body: { a: '1', b: '2' } })).toMatchObject({ contentType: 'application/x-www-form-urlencoded', body: 'a=1&b=2' });
    expect((await sent('multipartBody', { body: { a: '1' } })).contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(await sent('rawBody', { body: 'plain text' })).toMatchObject({ contentType: 'text/plain', body: 'plain text' });
    expect(await sent('jsonBody', { body: { a: '1' } })).toMatchObject({ contentType: 'application/merge-patch+json', body: '{"a":"1"}' });
    expect((await sent('undescribedBody')).line).toBe('POST /pings');
    expect((await sent('paginateOperation')).line).toBe('GET /pages');
  });

  it('the paginator of an operation named paginateOperation walks its pages', async () => {
    const walk = operations.paginateOperationAll as (client: unknown, init?: object) => { toArray(): Promise<unknown[]> };
    expect(await walk(client).toArray()).toEqual(['p']);
  });
});
