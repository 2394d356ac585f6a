// The harness's sample of an allOf whose members admit no common value (@readme/oas-examples
// schema-types.json, PUT and PATCH /anything/quirks/polymorphism: allOf [string, integer]). The
// sampler sent a string, and the corpus report charged the operations to Prism ("Request body must
// be integer") as though the client had sent a wrong body; no request can satisfy the schema, and
// the sampler now says so, as it does for a schema with no finite value.
import { describe, expect, it } from 'vitest';
import { sampleValue } from '../../support/sample-input.ts';

describe('sample of an allOf with no common value', () => {
  it('refuses disjoint types, naming them', () => {
    expect(() => sampleValue({ allOf: [{ type: 'string' }, { type: 'integer' }] }, {})).toThrow('no value satisfies the schema: allOf of type "string" and "integer"');
  });

  it('refuses disjoint enums', () => {
    expect(() => sampleValue({ allOf: [{ enum: ['a', 'b'] }, { enum: ['c'] }] }, {})).toThrow(/no value satisfies the schema: allOf of enum/);
  });

  it('still samples types that meet (integer within number) and enums that share a member', () => {
    expect(sampleValue({ allOf: [{ type: 'number' }, { type: 'integer', minimum: 3 }] }, {})).toBe(3);
    expect(sampleValue({ allOf: [{ enum: ['a', 'b'] }, { enum: ['b', 'c'] }] }, {})).toBe('b');
  });
});
