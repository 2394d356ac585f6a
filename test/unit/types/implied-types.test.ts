// The typing document drops a `type` beside oneOf/anyOf alternatives whose own types it allows (and
// the alternatives it rules out), with or without null, so openapi-typescript writes the
// alternatives' union; every other shape is left for openapi-typescript as written.
import { describe, expect, it } from 'vitest';
import { dropTypesImpliedByAlternatives } from '../../../generator/model/implied-types.ts';

const CARD = { $ref: '#/components/schemas/Card' };

function documentWith(schemas: Record<string, unknown>): Record<string, any> {
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {},
    components: { schemas: { Card: { type: 'object', properties: { last4: { type: 'string' } } }, ...schemas } },
  };
}

describe('dropTypesImpliedByAlternatives', () => {
  it('drops a type list with null when each alternative is of a listed type', () => {
    const document = documentWith({ S: { description: 'd', type: ['object', 'null'], oneOf: [CARD, { type: 'null' }] } });
    expect(dropTypesImpliedByAlternatives(document).components.schemas.S).toEqual({ description: 'd', oneOf: [CARD, { type: 'null' }] });
    expect(document.components.schemas.S.type).toEqual(['object', 'null']);
  });

  it('drops a 3.0 type beside nullable: true and keeps nullable (openapi-typescript adds the null)', () => {
    const document = documentWith({ S: { type: 'string', nullable: true, anyOf: [{ enum: ['a'] }, { type: 'string', enum: ['b'] }] } });
    expect(dropTypesImpliedByAlternatives(document).components.schemas.S).toEqual({ nullable: true, anyOf: [{ enum: ['a'] }, { type: 'string', enum: ['b'] }] });
  });

  it('drops the alternatives of none of the listed types with the type, when one is left', () => {
    const document = documentWith({
      Mismatch: { type: ['string', 'null'], oneOf: [CARD, { type: 'null' }] },
      NoneLeft: { type: 'string', nullable: true, oneOf: [CARD] },
    });
    const schemas = dropTypesImpliedByAlternatives(document).components.schemas;
    expect(schemas.Mismatch).toEqual({ oneOf: [{ type: 'null' }] });
    expect(schemas.NoneLeft).toEqual({ type: 'string', nullable: true, oneOf: [CARD] });
  });

  it('reads integer alternatives as numbers, not the reverse', () => {
    const document = documentWith({
      Number: { type: ['number', 'null'], oneOf: [{ type: 'integer' }, { const: 1.5 }, { type: 'null' }] },
      Integer: { type: ['integer', 'null'], oneOf: [{ type: 'number' }, { type: 'null' }] },
    });
    const schemas = dropTypesImpliedByAlternatives(document).components.schemas;
    expect(schemas.Number.type).toBeUndefined();
    expect(schemas.Integer.type).toEqual(['integer', 'null']);
  });

  it('drops a plain type, and a type list without null, beside alternatives of those types', () => {
    const document = documentWith({
      Plain: { type: 'string', anyOf: [{ enum: ['a'] }, { type: 'string', enum: ['b'] }] },
      RuledOut: { type: 'string', oneOf: [CARD, { enum: ['a'] }] },
      List: { type: ['object', 'string'], oneOf: [CARD, { enum: ['a'] }] },
    });
    const schemas = dropTypesImpliedByAlternatives(document).components.schemas;
    expect(schemas.Plain).toEqual({ anyOf: [{ enum: ['a'] }, { type: 'string', enum: ['b'] }] });
    expect(schemas.RuledOut).toEqual({ oneOf: [{ enum: ['a'] }] });
    expect(schemas.List).toEqual({ oneOf: [CARD, { enum: ['a'] }] });
    expect(document.components.schemas.List.type).toEqual(['object', 'string']);
  });

  it.each([
    ['a plain type partly allowing an alternative', { type: 'string', anyOf: [{ type: ['string', 'integer'] }, { enum: ['b'] }] }],
    ['a plain type beside an alternative of unknown type', { type: 'string', anyOf: [{ enum: ['a'] }, { minLength: 2 }] }],
    ['a plain type allowing none of the alternatives', { type: 'string', anyOf: [CARD] }],
    ['a plain type beside a nullable alternative (3.0)', { type: 'string', anyOf: [{ type: 'string', nullable: true }] }],
    ['a plain type with an assertion beside the alternatives', { type: 'string', maxLength: 3, anyOf: [{ enum: ['a'] }] }],
    ['a plain type beside a discriminator', { type: 'object', discriminator: { propertyName: 'kind' }, oneOf: [CARD] }],
    ['an alternative partly of a listed type', { type: ['string', 'null'], oneOf: [{ type: ['string', 'integer'] }, { type: 'null' }] }],
    ['an alternative of unknown type', { type: ['object', 'null'], anyOf: [CARD, { required: ['last4'] }] }],
    ['a reference that does not resolve', { type: ['object', 'null'], anyOf: [{ $ref: '#/components/schemas/Missing' }] }],
    ['an assertion beside the alternatives', { type: ['object', 'null'], oneOf: [CARD], properties: { a: { type: 'string' } } }],
    ['both oneOf and anyOf', { type: ['object', 'null'], oneOf: [CARD], anyOf: [CARD] }],
  ])('leaves %s as written', (_label, schema) => {
    const document = documentWith({ S: schema });
    expect(dropTypesImpliedByAlternatives(document)).toBe(document);
  });

  it('leaves examples and defaults (data) alone, and a property named like one', () => {
    const shape = () => ({ type: ['object', 'null'], oneOf: [CARD, { type: 'null' }] });
    const document = documentWith({ S: { type: 'object', example: shape(), default: shape(), properties: { example: shape() } } });
    const S = dropTypesImpliedByAlternatives(document).components.schemas.S;
    expect(S.example).toEqual(shape());
    expect(S.default).toEqual(shape());
    expect(S.properties.example).toEqual({ oneOf: [CARD, { type: 'null' }] });
  });
});
