// Parameters described by JSON `content` instead of `schema` (test/fixtures/json-parameters): the
// caller passes the value the content's schema describes and the client sends its JSON text, in a
// query (also through a component parameter and a `+json` type), a path segment and a header;
// a `text/plain` parameter stays the caller's text. openapi-typescript alone types every one of
// them as a string.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validation } from '../../../runtime/validation.ts';
import { createSpecProject, ROOT, type SpecProject } from '../auth/spec-project.ts';

let project: SpecProject;

beforeAll(async () => {
  project = await createSpecProject('json-parameters', [{ vendor: 'charts', displayName: 'Charts', example: join(ROOT, 'test/fixtures/json-parameters/json-parameters.json') }]);
}, 120_000);

afterAll(() => project?.remove());

/** The request one call of `GET path` sends. */
async function sent(path: string, init: object, options: object = {}): Promise<Request> {
  const vendor = project.vendors.charts!;
  const seen: Request[] = [];
  const fetch = async (request: Request) => (seen.push(request), Response.json({}));
  const client = vendor.create({ baseUrl: 'https://api.charts.test', fetch, retry: false, logger: false, ...options });
  await vendor.operation('GET', path)(client, init);
  expect(seen).toHaveLength(1);
  return seen[0]!;
}

describe('parameters in JSON content', () => {
  it('are typed as the content schema, not as a string', () => {
    const types = readFileSync(join(project.root, 'generated/charts/types.d.ts'), 'utf8');
    expect(types).toMatch(/\bq\?: components\["schemas"\]\["ListQuery"\];/);
    expect(types).toMatch(/\bwhere\?: components\["parameters"\]\["where"\];/);
    expect(types).toMatch(/\bwhere: \{\s*field: string;\s*equals\?: number;\s*\}\[\];/);
    expect(types).toMatch(/"x-metadata"\?: \{\s*source\?: string;\s*\};/);
    expect(types).toMatch(/\bids: string\[\];/);
    expect(types).toMatch(/\bnote\?: string;/);
  });

  it('are sent as their JSON text in the query; a text/plain one as given', async () => {
    const q = { page: 2, filters: [{ col: 'name', opr: 'ct', value: 'a&b=c' }] };
    const where = [{ field: 'size', equals: 3 }];
    const request = await sent('/charts', { params: { query: { q, where, note: '{not json}' } } });
    const query = new URL(request.url).searchParams;
    expect([...query.keys()]).toEqual(['q', 'where', 'note']);
    expect(JSON.parse(query.get('q')!)).toEqual(q);
    expect(JSON.parse(query.get('where')!)).toEqual(where);
    expect(query.get('note')).toBe('{not json}');
  });

  it('are sent as their JSON text in a header', async () => {
    const request = await sent('/charts', { params: { header: { 'x-metadata': { source: 'ci' } } } });
    expect(request.headers.get('x-metadata')).toBe('{"source":"ci"}');
  });

  it('are sent as one path segment of JSON text, a string with its quotes', async () => {
    const roles = await sent('/roles(ids={ids})', { params: { path: { ids: ['a', 'b/c'] } } });
    expect(new URL(roles.url).pathname).toBe(`/roles(ids=${encodeURIComponent('["a","b/c"]')})`);
    const list = await sent('/blocklists/{name}', { params: { path: { name: 'spam' } } });
    expect(new URL(list.url).pathname).toBe('/blocklists/%22spam%22');
    await expect(sent('/blocklists/{name}', { params: { path: {} } })).rejects.toThrow('path parameter "name" is missing');
  });

  it('are validated against the content schema when validation is on', async () => {
    const { validators } = await import(join(project.root, 'generated/charts/schemas.js'));
    const validate = validation(validators);
    await expect(sent('/charts', { params: { query: { q: { page: 'two' } } } }, { validate })).rejects.toThrow(/query\.q\.page/);
    await expect(sent('/charts', { params: { query: { q: { page: 2 } } } }, { validate })).resolves.toBeInstanceOf(Request);
  });
});
