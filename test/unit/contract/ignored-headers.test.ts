// Header parameters named Accept or Content-Type, which OpenAPI says SHALL be ignored, as the
// contract harness treats them (Authorization, ignored too, stays: see request-contract.ts). Found by the corpus Prism stage: Prism 5.16
// validated an Accept enum against the `*/*` fetch sends when the caller gives no Accept (every
// such operation failed), and the harness's sample `Accept: sample` for an unconstrained Accept
// made Prism's negotiator throw and its process die (every later operation of the spec failed
// with ECONNREFUSED). Oracles: Prism itself on the harness's document, and the sample input.
import { describe, expect, it } from 'vitest';
import { harnessPrism, requestProblems } from './harness-prism.ts';
import type { OperationModel } from '../../../generator/model/types.ts';
import { requestContractDocument } from '../../contract/request-contract.ts';
import { sampleInput } from '../../support/sample-input.ts';

const string = { type: 'string' };
const document = {
  openapi: '3.0.3',
  info: { title: 'ignored headers', version: '1' },
  paths: {
    '/widgets': {
      parameters: [{ $ref: '#/components/parameters/Accept' }],
      get: {
        parameters: [
          { name: 'authorization', in: 'header', required: true, schema: string },
          { name: 'X-Tenant', in: 'header', required: true, schema: string },
        ],
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: {} } } } },
      },
    },
  },
  components: { parameters: { Accept: { name: 'Accept', in: 'header', schema: { type: 'string', enum: ['application/json', 'text/html'] } } } },
};

describe('header parameters OpenAPI ignores', () => {
  const prism = harnessPrism('ignored-headers', () => document);

  it('Accept is left out of the document Prism validates against, inline or through $ref; Authorization and other headers stay', () => {
    const paths = (requestContractDocument(document) as typeof document).paths;
    expect(paths['/widgets'].parameters).toEqual([]);
    expect(paths['/widgets'].get.parameters).toEqual([
      { name: 'authorization', in: 'header', required: true, schema: string },
      { name: 'X-Tenant', in: 'header', required: true, schema: string },
    ]);
  });

  it('so Prism accepts the Accept fetch writes and still reports a missing header', async () => {
    expect(await requestProblems(await fetch(`${prism.url}/widgets`, { headers: { 'x-tenant': 't', authorization: 'Bearer t' } }))).toEqual([]);
    expect(await requestProblems(await fetch(`${prism.url}/widgets`, { headers: { authorization: 'Bearer t' } }))).toEqual([expect.stringContaining("required property 'x-tenant'")]);
  });

  it('the sample Accept is a media range: */* for any text, the enum value when there is one', () => {
    const operation = (schema: object): OperationModel =>
      ({ id: 'op', method: 'get', path: '/widgets', parameters: [{ name: 'Accept', in: 'header', required: true, style: 'simple', explode: false, schema, role: 'param' }], responses: [] }) as unknown as OperationModel;
    expect(sampleInput(operation(string), document).params.header).toEqual({ Accept: '*/*' });
    expect(sampleInput(operation({ type: 'string', enum: ['text/html'] }), document).params.header).toEqual({ Accept: 'text/html' });
  });
});
