// Query parameters with `allowReserved: true` were percent-encoded like any other: `q=a%3Ab%2Fc`.
// OpenAPI 3.1.1 (Parameter Object, Appendices C and E) writes their values with reserved expansion:
// RFC 3986's reserved characters and percent-encoded triples pass unchanged, every other character
// is percent-encoded (`%` outside a triple too), and the reserved characters a query cannot carry
// (`[` `]` `#`) or that form-urlencoding gives a meaning (`&` `=` `+`) are still encoded, so the
// query parses into the same names and values (runtime/encoding/reserved-query.ts, named by the
// generator only for operations with such a parameter). Oracles: that text, and Prism judging the
// generated client's requests on a hand-made spec (test/fixtures/allow-reserved, every value in an
// enum of reserved characters).
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prismStage } from '../../../bench/corpus/prism.ts';
import { reservedQuery } from '../../../runtime/encoding/reserved-query.ts';
import { createSpecProject, type SpecProject } from '../auth/spec-project.ts';
import { bundleOperation } from './worker-bundle.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/allow-reserved/openapi.json', import.meta.url));
/** The fixture's enum value: every reserved character, a space, a `%` that begins no triple, a non-ASCII letter. */
const VALUE = "a:b/c?d@e!f$g'h(i)j*k,l;m [n] #o &p =q +r %s ü";
/** VALUE with reserved expansion, `[]#&=+` still encoded. */
const RESERVED = "a:b/c?d@e!f$g'h(i)j*k,l;m%20%5Bn%5D%20%23o%20%26p%20%3Dq%20%2Br%20%25s%20%C3%BC";

let project: SpecProject;

beforeAll(async () => {
  project = await createSpecProject('allow-reserved', [{ vendor: 'reserved', displayName: 'Reserved', example: FIXTURE }]);
}, 120_000);

afterAll(() => project?.remove());

/** The path and query of the one request `METHOD route` sent with `init`. */
async function sent(method: string, route: string, init: object): Promise<string> {
  const urls: string[] = [];
  const fetch = async (request: Request) => (urls.push(request.url), new Response(null, { status: 204 }));
  const vendor = project.vendors.reserved!;
  const client = vendor.create({ baseUrl: 'https://api.reserved.test', fetch, retry: false, logger: false });
  await vendor.operation(method, route)(client, init);
  expect(urls).toHaveLength(1);
  const url = new URL(urls[0]!);
  return url.pathname + url.search;
}

describe('reservedQuery', () => {
  it('leaves reserved characters and triples in the named values, encodes `[]#&=+`, `%` and the rest, and names as before', () => {
    const table = { q: ['form', true], plain: ['form', true], f: ['deepObject', true] } as const;
    const serialize = reservedQuery(['q', 'f'])(table);
    expect(serialize({ q: VALUE })).toBe(`q=${RESERVED}`);
    expect(serialize({ q: '%2F%2f%zz%' })).toBe('q=%2F%2f%25zz%25');
    expect(serialize({ plain: 'a/b', q: 'a/b', f: { 'k/[x]': 'v/[y]' } })).toBe('plain=a%2Fb&q=a/b&f[k%2F[x]]=v/%5By%5D');
    expect(reservedQuery(['q'], 'format=csv')({})({ q: 'a/b' })).toBe('format=csv&q=a/b');
    expect(reservedQuery(['q'], 'format=csv')({})({})).toBe('format=csv');
  });
});

describe('a generated client with allowReserved query parameters', () => {
  it('sends their values with reserved characters literal, and every other parameter as before', async () => {
    const init = {
      params: { path: { scope: 'a/b' }, query: { q: VALUE, plain: VALUE, tags: ['x/y', 'u:v'], filter: { path: '/docs/a?b' }, meta: { p: 'a/b' } } },
    };
    const plain = "a%3Ab%2Fc%3Fd%40e%21f%24g%27h%28i%29j%2Ak%2Cl%3Bm%20%5Bn%5D%20%23o%20%26p%20%3Dq%20%2Br%20%25s%20%C3%BC";
    // The URL parser (WHATWG) writes `'` in a query as %27 whoever built it.
    const q = RESERVED.replace("'", '%27');
    expect(await sent('GET', '/search/{scope}', init)).toBe(
      `/search/a%2Fb?q=${q}&plain=${plain}&tags=x/y,u:v&filter[path]=/docs/a?b&meta=%7B%22p%22%3A%22a%2Fb%22%7D`,
    );
  });

  it("after a path key's own query string", async () => {
    expect(await sent('GET', '/export?format=csv', { params: { query: { next: 'https://api.reserved.test/export?page=2' } } })).toBe(
      '/export?format=csv&next=https://api.reserved.test/export?page%3D2',
    );
  });

  it('sends requests Prism accepts', async () => {
    const outcome = await prismStage({ id: 'fixture/allow-reserved', file: FIXTURE, display: 'test/fixtures/allow-reserved/openapi.json', bytes: statSync(FIXTURE).size });
    expect(outcome).toEqual({ passed: 3, total: 3, causes: [], failures: [] });
  }, 300_000);

  it('bundles reserved-query.ts only for an operation that has such a parameter', async () => {
    const withReserved = await bundleOperation(project, 'reserved', 'Reserved', 'GET', '/search/{scope}');
    const without = await bundleOperation(project, 'reserved', 'Reserved', 'GET', '/list');
    expect(withReserved.modules).toEqual(expect.arrayContaining(['runtime/encoding/query.ts', 'runtime/encoding/reserved-query.ts']));
    expect(without.modules).toContain('runtime/encoding/query.ts');
    expect(without.modules).not.toContain('runtime/encoding/reserved-query.ts');
  });
});
