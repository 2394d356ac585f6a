// The typing document drops a `type` that allows null beside oneOf/anyOf alternatives whose own
// types it allows (and the alternatives it rules out), so openapi-typescript writes the
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

  it.each([
    ['a type without null', { type: 'string', anyOf: [{ enum: ['a'] }, { enum: ['b'] }] }],
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
