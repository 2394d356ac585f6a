// An API key the spec sends in the query or a cookie, and that an operation also declares as a
// parameter (test/fixtures/query-api-key): the client writes it, so, as for a header key, the
// operation's types and validators do not ask the caller for it, and the request carries the
// client's key once. Where the operation does not use that scheme (`security: []`, at operation
// level or beside a path-level declaration another method does use), the parameter stays the
// caller's, required and sent as given, as does a key of alternative schemes (either one signs, so
// the client writes only the one it has). The manifest lists what was left out of the types.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeErrorLines } from '../types/compile-probe.ts';
import { createSpecProject, ROOT, type SpecProject } from './spec-project.ts';

const FIXTURE = join(ROOT, 'test/fixtures/query-api-key/openapi.json');
const AUTH = { key: 'client-key-1234', session: 'client-session-5678' };
let project: SpecProject;

beforeAll(async () => {
  project = await createSpecProject('query-api-key', [{ vendor: 'catalog', displayName: 'Catalog', example: FIXTURE }]);
}, 120_000);

afterAll(() => project?.remove());

/** The URL and Cookie header of the one request a call sends. */
async function sent(method: string, path: string, init: object): Promise<{ query: [string, string][]; cookie: string | null }> {
  const vendor = project.vendors.catalog!;
  const seen: Request[] = [];
  const fetch = async (request: Request) => (seen.push(request), request.method === 'DELETE' ? new Response(null, { status: 204 }) : Response.json({}));
  const client = vendor.create({ auth: AUTH, baseUrl: 'https://api.catalog.test', fetch, retry: false, logger: false });
  await vendor.operation(method, path)(client, init);
  expect(seen).toHaveLength(1);
  return { query: [...new URL(seen[0]!.url).searchParams], cookie: seen[0]!.headers.get('cookie') };
}

describe('a query or cookie API key the operation also declares', () => {
  it('is not the caller\'s to pass where the operation uses its scheme, and stays required where it does not', { timeout: 60_000 }, () => {
    const declarations = readFileSync(join(project.root, 'generated/catalog/types.d.ts'), 'utf8');
    const probe = [
      `import type { operations } from './types.js';`,
      `type P<K extends keyof operations> = operations[K]['parameters'];`,
      `export const search: P<'search'> = { query: { q: 'shoes' } };`,
      `export const searchWithKey: P<'search'> = { query: { q: 'shoes', api_key: 'mine' } };`,
      `export const me: P<'me'> = {};`,
      `export const getItem: P<'getItem'> = { path: { id: 'i1' } };`,
      `export const lookup: P<'lookup'> = {};`,
      `export const deleteItem: P<'deleteItem'> = { path: { id: 'i1' } };`,
      `export const lookupWithKey: P<'lookup'> = { query: { api_key: 'mine' } };`,
      `export const deleteWithKey: P<'deleteItem'> = { path: { id: 'i1' }, query: { api_key: 'mine' } };`,
      `export const boards: P<'listBoards'> = { query: { api_key: 'mine', token: 'theirs' } };`,
      `export const boardsWithout: P<'listBoards'> = {};`,
    ].join('\n');
    // Lines 4 (the key where the client writes it), 7 and 8 (the key missing where the caller must
    // pass it), 12 (keys of alternative schemes: the client writes only the one it signs with, so
    // the caller still passes both, as the spec requires).
    expect([...probeErrorLines(declarations, probe)].sort((a, b) => a - b)).toEqual([4, 7, 8, 12]);
  });

  it('is optional in the request validators where the client writes it', async () => {
    const schemas = (await import(join(project.root, 'generated/catalog/schemas.js'))) as Record<string, { request: Record<string, { safeParse(value: unknown): { success: boolean } }> }>;
    expect(schemas.SearchRequest!.request.query!.safeParse({ q: 'shoes' }).success).toBe(true);
    expect(schemas.LookupRequest!.request.query!.safeParse({}).success).toBe(false);
  });

  it('is sent once, with the client\'s key, where the operation uses its scheme', async () => {
    expect(await sent('GET', '/search', { params: { query: { q: 'shoes' } } })).toEqual({ query: [['q', 'shoes'], ['api_key', AUTH.key]], cookie: null });
    expect(await sent('GET', '/items/{id}', { params: { path: { id: 'i1' } } })).toEqual({ query: [['api_key', AUTH.key]], cookie: null });
    expect(await sent('GET', '/me', {})).toEqual({ query: [], cookie: `sid=${AUTH.session}` });
  });

  it('of alternative schemes (either one signs) stays the caller\'s; the client writes the one it signs with', async () => {
    expect(await sent('GET', '/boards', { params: { query: { api_key: 'mine', token: 'theirs' } } })).toEqual({ query: [['token', 'theirs'], ['api_key', AUTH.key]], cookie: null });
  });

  it('is sent as the caller gives it where the operation sends no credentials', async () => {
    expect(await sent('GET', '/lookup', { params: { query: { api_key: 'mine' } } })).toEqual({ query: [['api_key', 'mine']], cookie: null });
    expect(await sent('DELETE', '/items/{id}', { params: { path: { id: 'i1' }, query: { api_key: 'mine' } } })).toEqual({ query: [['api_key', 'mine']], cookie: null });
  });

  it('is listed in the manifest: each declaration left out of the types', () => {
    const manifest = JSON.parse(readFileSync(join(project.root, 'generated/manifest.json'), 'utf8'));
    expect(manifest.vendors.catalog.clientSuppliedParameters).toEqual({ 'query api_key': 2, 'cookie sid': 1 });
    expect(manifest.vendors.catalog.clientSuppliedHeaders).toEqual({});
  });
});
