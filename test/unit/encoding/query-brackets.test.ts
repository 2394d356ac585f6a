// Query values holding `[` or `]`. RFC 3986 (section 3.4) leaves them out of a query and OpenAPI
// 3.1.1 (Appendices C and E) has them percent-encoded unless `allowReserved`; openapi-fetch's own
// serializer (operations with only plain scalar parameters) wrote `q=a%5B0%5D`, but the styled query
// encoder (runtime/encoding/query.ts, every other operation) left them literal, `q=a[0]`, so the
// same value went out two ways and a strict server could refuse the second. Values are now encoded;
// a name's brackets (deepObject's `filter[k]`) are the style's syntax and stay. Oracles: what the
// capture server received, read back by URLSearchParams, and Prism judging the generated client's
// requests on a hand-made spec (test/fixtures/query-brackets, every value in an enum with brackets).
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prismStage } from '../../../bench/corpus/prism.ts';
import { createQuerySerializer } from '../../../runtime/encoding/query.ts';
import { startCaptureServer, type CaptureServer } from '../../support/capture-server.ts';
import { createSpecProject, type SpecProject } from '../auth/spec-project.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/query-brackets/openapi.json', import.meta.url));

let project: SpecProject;
let server: CaptureServer;

beforeAll(async () => {
  project = await createSpecProject('query-brackets', [{ vendor: 'brackets', displayName: 'Brackets', example: FIXTURE }]);
  server = await startCaptureServer({ responders: [() => ({ status: 204 })] });
}, 120_000);

afterAll(async () => {
  project?.remove();
  await server?.close();
});

/** The query string as the one request `GET route` sent it with `query`, and URLSearchParams's reading of it. */
async function sent(route: string, query: object): Promise<{ raw: string; pairs: [string, string][] }> {
  const vendor = project.vendors.brackets!;
  const client = vendor.create({ baseUrl: server.url, retry: false, logger: false });
  await vendor.operation('GET', route)(client, { params: { query } });
  const [request, ...more] = server.take();
  expect(more).toHaveLength(0);
  return { raw: request!.rawQuery, pairs: request!.query };
}

/** The values of `raw` (after each pair's first `=`) that hold a literal bracket. */
const literalBrackets = (raw: string) => raw.split('&').map((pair) => pair.slice(pair.indexOf('=') + 1)).filter((value) => /[[\]]/.test(value));

describe('query values with brackets', () => {
  it('are percent-encoded by both serializers, and read back as sent', async () => {
    const plain = await sent('/plain', { q: 'a[0]' });
    expect(plain).toEqual({ raw: 'q=a%5B0%5D', pairs: [['q', 'a[0]']] });

    const styled = await sent('/styled', { q: 'a[0]', tags: ['x[1]', 'y]'], ids: ['[i]'], piped: ['p[1]', 'u'], shape: { side: 'o[4]' }, filter: { k: 'v[3]' } });
    expect(literalBrackets(styled.raw)).toEqual([]);
    expect(styled.raw).toBe('q=a%5B0%5D&tags=x%5B1%5D,y%5D&ids=%5Bi%5D&piped=p%5B1%5D|u&side=o%5B4%5D&filter[k]=v%5B3%5D');
    expect(styled.pairs).toEqual([
      ['q', 'a[0]'],
      ['tags', 'x[1],y]'],
      ['ids', '[i]'],
      ['piped', 'p[1]|u'],
      ['side', 'o[4]'],
      ['filter[k]', 'v[3]'],
    ]);
  });

  it("in a JSON parameter's text and a non-exploded object's keys too; a name keeps its brackets", () => {
    const serialize = createQuerySerializer({ j: { style: 'json', explode: true }, o: { style: 'form', explode: false }, b: { style: 'brackets', explode: true } });
    const query = { j: [1, { 'k[0]': 'v]' }], o: { 'k[0]': 'v[1]' }, b: ['x[2]'] };
    const raw = serialize(query);
    expect(literalBrackets(raw)).toEqual([]);
    expect([...new URLSearchParams(raw)]).toEqual([
      ['j', JSON.stringify(query.j)],
      ['o', 'k[0],v[1]'],
      ['b[]', 'x[2]'],
    ]);
  });

  it('sends requests Prism accepts', async () => {
    const outcome = await prismStage({ id: 'fixture/query-brackets', file: FIXTURE, display: 'test/fixtures/query-brackets/openapi.json', bytes: statSync(FIXTURE).size });
    expect(outcome).toEqual({ passed: 2, total: 2, causes: [], failures: [] });
  }, 300_000);
});
