// Prism 5.16 exits on three valid requests (test/contract/prism-param-text.ts): one leaving out an
// optional array header, one with a comma in a path value, and any request to an operation with an
// object-typed pipeDelimited query parameter. Oracle: Prism itself, plain (the process dies: the
// request fails and the server exits) and with the fix (answers, and still reports what is wrong).
import { describe, expect, it } from 'vitest';
import type { PrismServer } from '../../support/prism.ts';
import { plainAndFixedPrism, requestProblems } from './harness-prism.ts';

const document = {
  openapi: '3.0.3',
  info: { title: 'Parameter text', version: '1' },
  paths: {
    '/items/{ids}': {
      get: {
        parameters: [
          { name: 'ids', in: 'path', required: true, schema: { type: 'array', items: { type: 'integer' } } },
          { name: 'X-Tags', in: 'header', schema: { type: 'array', items: { type: 'string' } } },
          { name: 'X-Need', in: 'header', required: true, schema: { type: 'string' } },
        ],
        responses: { '204': { description: 'done' } },
      },
    },
    '/boxes': {
      get: {
        parameters: [{ name: 'box', in: 'query', style: 'pipeDelimited', schema: { type: 'object', properties: { w: { type: 'integer' } } } }],
        responses: { '204': { description: 'done' } },
      },
    },
  },
};

const get = (server: PrismServer, path: string, headers: Record<string, string> = { 'x-need': 'y' }) => fetch(`${server.url}${path}`, { headers });

describe('Prism and header, path and delimited parameter text', () => {
  const prism = plainAndFixedPrism('prism-param-text', document);

  it('with the fix, valid requests pass and wrong values are still reported', async () => {
    expect(await requestProblems(await get(prism.fixed, '/items/1,2'))).toEqual([]);
    expect(await requestProblems(await get(prism.fixed, '/items/1', { 'x-need': 'y', 'x-tags': 'a,b' }))).toEqual([]);
    expect(await requestProblems(await get(prism.fixed, '/boxes'))).toEqual([]);
    expect(await requestProblems(await get(prism.fixed, '/boxes?box=w|3'))).toEqual([]);
    expect(await requestProblems(await get(prism.fixed, '/items/1,x'))).toEqual([expect.stringContaining('must be integer')]);
    expect(await requestProblems(await get(prism.fixed, '/items/1', {}))).toEqual([expect.stringContaining("required property 'x-need'")]);
    expect(await requestProblems(await get(prism.fixed, '/boxes?box=w|wide'))).toEqual([expect.stringContaining('must be integer')]);
  });

  // Last: each of these ends the plain Prism process.
  it('plain Prism dies on a comma in a path value', async () => {
    const withHeaders = { 'x-need': 'y', 'x-tags': 'a' };
    expect(await requestProblems(await get(prism.plain, '/items/1', withHeaders))).toEqual([]);
    await expect(get(prism.plain, '/items/1,2', withHeaders)).rejects.toThrow(/fetch failed/);
    await expect(get(prism.plain, '/items/1', withHeaders)).rejects.toThrow(/fetch failed/);
  });
});

describe('Prism and an absent optional array header', () => {
  const prism = plainAndFixedPrism('prism-param-header', document);
  it('plain Prism dies, the fixed one answers', async () => {
    expect(await requestProblems(await get(prism.fixed, '/items/1'))).toEqual([]);
    await expect(get(prism.plain, '/items/1')).rejects.toThrow(/fetch failed/);
  });
});

describe('Prism and an object-typed pipeDelimited query parameter', () => {
  const prism = plainAndFixedPrism('prism-param-delimited', document);
  it('plain Prism dies even without the parameter, the fixed one answers', async () => {
    expect(await requestProblems(await get(prism.fixed, '/boxes'))).toEqual([]);
    await expect(get(prism.plain, '/boxes')).rejects.toThrow(/fetch failed/);
  });
});
