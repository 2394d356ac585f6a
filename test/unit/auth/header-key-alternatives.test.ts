// An API key the spec sends in a header, declared as a header parameter too, on operations that
// accept it or a bearer token (test/fixtures/header-key-alternatives). The client writes only the
// scheme it signs with, so, as for a query or cookie key (query-api-key.test.ts), the header is the
// client's only where every alternative writes it: a caller configured with the token alone must
// still send the header the spec requires, and before, the types refused it (`header?: never`) and
// Prism answered 422. Where only the key signs, the client writes it and the caller is not asked;
// a public operation's header of that name, or a path-level one beside a method that signs with
// either scheme, stays the caller's (the types used to drop a header by name for every operation).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrism, type PrismServer } from '../../support/prism.ts';
import { probeErrorLines } from '../types/compile-probe.ts';
import { createSpecProject, ROOT, type SpecProject } from './spec-project.ts';

const FIXTURE = join(ROOT, 'test/fixtures/header-key-alternatives/openapi.json');
const KEY = 'client-key-1234';
const TOKEN = 'client-token-5678';
let project: SpecProject;
let prism: PrismServer;

beforeAll(async () => {
  [project, prism] = await Promise.all([
    createSpecProject('header-key-alternatives', [{ vendor: 'hkeys', displayName: 'HeaderKeys', example: FIXTURE }]),
    startPrism(FIXTURE, { root: ROOT }),
  ]);
}, 180_000);

afterAll(async () => {
  await prism?.stop();
  project?.remove();
});

interface Sent {
  status: number;
  key: string | null;
  authorization: string | null;
}

/** Calls `METHOD path` through Prism with a client given only `auth`; the status and the credentials the request carried. */
async function call(auth: object, method: string, path: string, init: object): Promise<Sent> {
  const vendor = project.vendors.hkeys!;
  const seen: Request[] = [];
  const fetch = (request: Request) => (seen.push(request.clone()), globalThis.fetch(request));
  const client = vendor.create({ auth, baseUrl: prism.url, fetch, retry: false, logger: false });
  const status = await vendor.operation(method, path)(client, init).then(
    () => 200,
    (error: { status?: number }) => error.status ?? -1,
  );
  expect(seen).toHaveLength(1);
  return { status, key: seen[0]!.headers.get('x-key'), authorization: seen[0]!.headers.get('authorization') };
}

const withKey = (value: string, path?: object) => ({ params: { ...(path ? { path } : {}), header: { 'X-Key': value } } });

describe('a header API key of alternative schemes that the operation also declares', () => {
  it('is the caller\'s to pass unless every alternative writes it', { timeout: 60_000 }, () => {
    const declarations = readFileSync(join(project.root, 'generated/hkeys/types.d.ts'), 'utf8');
    const probe = [
      `import type { operations } from './types.js';`,
      `type P<K extends keyof operations> = operations[K]['parameters'];`,
      `export const things: P<'listThings'> = { header: { 'X-Key': 'mine' } };`,
      `export const thingsWithout: P<'listThings'> = {};`,
      `export const keyed: P<'getKeyed'> = {};`,
      `export const keyedWithKey: P<'getKeyed'> = { header: { 'X-Key': 'mine' } };`,
      `export const open: P<'getPublic'> = { header: { 'x-key': 'mine' } };`,
      `export const openWithout: P<'getPublic'> = {};`,
      `export const item: P<'getItem'> = { path: { id: 'i1' } };`,
      `export const itemWithKey: P<'getItem'> = { path: { id: 'i1' }, header: { 'X-Key': 'mine' } };`,
      `export const remove: P<'deleteItem'> = { path: { id: 'i1' }, header: { 'X-Key': 'mine' } };`,
      `export const removeWithout: P<'deleteItem'> = { path: { id: 'i1' } };`,
    ].join('\n');
    // Lines 4, 8 and 12 (the header missing where the caller must send it), 6 and 10 (the header
    // where the client writes it).
    expect([...probeErrorLines(declarations, probe)].sort((a, b) => a - b)).toEqual([4, 6, 8, 10, 12]);
  });

  it('is required by the request validators where it is the caller\'s', async () => {
    const schemas = (await import(join(project.root, 'generated/hkeys/schemas.js'))) as Record<string, { request: Record<string, { safeParse(value: unknown): { success: boolean } } | undefined> }>;
    expect(schemas.ListThingsRequest!.request.header?.safeParse({}).success).toBe(false);
    expect(schemas.ListThingsRequest!.request.header?.safeParse({ 'x-key': 'mine' }).success).toBe(true);
    expect(schemas.GetKeyedRequest!.request.header).toBeUndefined();
  });

  it('is needed by the API: Prism refuses the call of a client with the token alone that leaves it out', async () => {
    expect(await call({ bearer: TOKEN }, 'GET', '/things', {})).toEqual({ status: 422, key: null, authorization: `Bearer ${TOKEN}` });
  });

  it('reaches the API as the caller passes it when the client signs with the other scheme', async () => {
    expect(await call({ bearer: TOKEN }, 'GET', '/things', withKey('mine'))).toEqual({ status: 200, key: 'mine', authorization: `Bearer ${TOKEN}` });
    expect(await call({ bearer: TOKEN }, 'DELETE', '/items/{id}', withKey('mine', { id: 'i1' }))).toEqual({ status: 200, key: 'mine', authorization: `Bearer ${TOKEN}` });
    expect(await call({ bearer: TOKEN }, 'GET', '/public', { params: { header: { 'x-key': 'mine' } } })).toEqual({ status: 200, key: 'mine', authorization: null });
  });

  it('is written by the client where it signs with the key, as a query key is', async () => {
    expect(await call({ key: KEY }, 'GET', '/keyed', {})).toEqual({ status: 200, key: KEY, authorization: null });
    expect(await call({ key: KEY }, 'GET', '/items/{id}', { params: { path: { id: 'i1' } } })).toEqual({ status: 200, key: KEY, authorization: null });
    expect(await call({ key: KEY }, 'GET', '/things', withKey('mine'))).toEqual({ status: 200, key: KEY, authorization: null });
  });

  it('is listed in the manifest where it was left out of the types', () => {
    const manifest = JSON.parse(readFileSync(join(project.root, 'generated/manifest.json'), 'utf8'));
    expect(manifest.vendors.hkeys.clientSuppliedHeaders).toEqual({ 'X-Key': 2 });
  });
});
