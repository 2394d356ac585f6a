// Prism 5.16 reads a header sent with an empty value ('X-Id: ') as one left out, so a required one
// is reported missing though its schema allows '' (test/contract/prism-empty-params.ts).
// Oracle: Prism itself, plain (reports the parameter missing) and with the fix (accepts '', still
// reports a header left out and an empty value the schema refuses).
import { describe, expect, it } from 'vitest';
import type { PrismServer } from '../../support/prism.ts';
import { plainAndFixedPrism, requestProblems } from './harness-prism.ts';

const document = {
  openapi: '3.0.3',
  info: { title: 'Empty parameters', version: '1' },
  paths: {
    '/items': {
      get: {
        parameters: [
          { name: 'X-Trace-Id', in: 'header', required: true, schema: { type: 'string', default: '' } },
          { name: 'X-Code', in: 'header', schema: { type: 'string', minLength: 1 } },
        ],
        responses: { '204': { description: 'done' } },
      },
    },
  },
};

const get = (server: PrismServer, headers: Record<string, string>) => fetch(`${server.url}/items`, { headers });

describe('Prism and headers sent empty', () => {
  const prism = plainAndFixedPrism('prism-empty-params', document);

  it('plain Prism reports a required header sent empty as missing', async () => {
    expect(await requestProblems(await get(prism.plain, { 'x-trace-id': '' }))).toEqual([expect.stringContaining("required property 'x-trace-id'")]);
  });

  it('with the fix, empty values the schemas allow pass', async () => {
    expect(await requestProblems(await get(prism.fixed, { 'x-trace-id': '' }))).toEqual([]);
    expect(await requestProblems(await get(prism.fixed, { 'x-trace-id': 't', 'x-code': 'c' }))).toEqual([]);
  });

  it('with the fix, a header left out and an empty value the schema refuses are still reported', async () => {
    expect(await requestProblems(await get(prism.fixed, {}))).toEqual([expect.stringContaining("required property 'x-trace-id'")]);
    expect(await requestProblems(await get(prism.fixed, { 'x-trace-id': '', 'x-code': '' }))).toEqual([expect.stringContaining('must NOT have fewer than 1 characters')]);
  });
});
