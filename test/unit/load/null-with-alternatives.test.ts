// A schema typed only "null" that also lists oneOf/anyOf alternatives (which, read literally,
// admits no value), or typed by a list with "null" beside alternatives that all reject null (which
// loses the null), is read as "null or one of them" and listed; every neighbouring shape whose
// reading is not that plain is left as written.
import { describe, expect, it } from 'vitest';
import { readNullTypeAsAlternative } from '../../../generator/load/null-with-alternatives.ts';

const FILE = 'acme/openapi.json';

function documentWith(schemas: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, any> {
  return { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas }, ...extra };
}

describe('readNullTypeAsAlternative', () => {
  it('drops type null, adds a null alternative, and lists the repair at the type keyword', () => {
    const document = documentWith({
      Value: {
        description: 'Any JSON value.',
        type: 'null',
        oneOf: [{ type: 'string' }, { type: 'object' }, { type: 'array', items: { $ref: '#/components/schemas/Value' } }],
      },
    });
    const fixes = readNullTypeAsAlternative(document, FILE);
    expect(document.components.schemas.Value).toEqual({
      description: 'Any JSON value.',
      oneOf: [{ type: 'string' }, { type: 'object' }, { type: 'array', items: { $ref: '#/components/schemas/Value' } }, { type: 'null' }],
    });
    expect(fixes).toEqual([
      {
        file: FILE,
        pointer: '/components/schemas/Value/type',
        fix: 'type "null" beside oneOf admits no value (null matches none of the 3 alternatives); read as null or one of them: type dropped, { type: "null" } added to oneOf',
      },
    ]);
  });

  it('reads type ["null"] with anyOf, and alternatives that are references to non-null schemas', () => {
    const document = documentWith({
      Id: { type: 'string' },
      Owner: { type: ['null'], anyOf: [{ $ref: '#/components/schemas/Id' }, { enum: [1, 2] }, { const: 'none' }] },
    });
    const fixes = readNullTypeAsAlternative(document, FILE);
    expect(document.components.schemas.Owner).toEqual({ anyOf: [{ $ref: '#/components/schemas/Id' }, { enum: [1, 2] }, { const: 'none' }, { type: 'null' }] });
    expect(fixes.map((fix) => fix.pointer)).toEqual(['/components/schemas/Owner/type']);
    expect(fixes[0]!.fix).toContain('type ["null"] beside anyOf');
  });

  it('reaches schemas in paths, under a default response and in a property named like a data keyword', () => {
    const nullOr = () => ({ type: 'null', oneOf: [{ type: 'number' }, { type: 'boolean' }] });
    const document = documentWith(
      { Holder: { type: 'object', properties: { default: nullOr(), example: nullOr() } } },
      {
        paths: {
          '/a': {
            get: {
              responses: {
                default: { description: 'd', content: { 'application/json': { schema: { type: 'object', properties: { at: nullOr() } } } } },
              },
            },
          },
        },
      },
    );
    const fixes = readNullTypeAsAlternative(document, FILE);
    expect(fixes.map((fix) => fix.pointer)).toEqual([
      '/paths/~1a/get/responses/default/content/application~1json/schema/properties/at/type',
      '/components/schemas/Holder/properties/default/type',
      '/components/schemas/Holder/properties/example/type',
    ]);
  });

  it('adds a null alternative beside a type list with null, keeps the type, and says when the type fits no alternative', () => {
    const document = documentWith({
      Card: { type: 'object', properties: { last4: { type: 'string' } } },
      Method: { type: ['object', 'null'], oneOf: [{ $ref: '#/components/schemas/Card' }, { type: 'object', required: ['iban'] }] },
      Code: { type: ['string', 'integer', 'null'], anyOf: [{ enum: ['a', 'b'] }, { const: 7 }] },
      Mismatch: { description: 'string or null, yet objects', type: ['string', 'null'], oneOf: [{ $ref: '#/components/schemas/Card' }] },
    });
    const fixes = readNullTypeAsAlternative(document, FILE);
    const schemas = document.components.schemas;
    expect(schemas.Method).toEqual({ type: ['object', 'null'], oneOf: [{ $ref: '#/components/schemas/Card' }, { type: 'object', required: ['iban'] }, { type: 'null' }] });
    expect(schemas.Code).toEqual({ type: ['string', 'integer', 'null'], anyOf: [{ enum: ['a', 'b'] }, { const: 7 }, { type: 'null' }] });
    expect(schemas.Mismatch.oneOf).toEqual([{ $ref: '#/components/schemas/Card' }, { type: 'null' }]);
    expect(fixes).toEqual([
      {
        file: FILE,
        pointer: '/components/schemas/Method/type',
        fix: 'type ["object","null"] beside oneOf allows null but none of the 2 alternatives does; read as null or one of them: { type: "null" } added to oneOf',
      },
      {
        file: FILE,
        pointer: '/components/schemas/Code/type',
        fix: 'type ["string","integer","null"] beside anyOf allows null but none of the 2 alternatives does; read as null or one of them: { type: "null" } added to anyOf',
      },
      {
        file: FILE,
        pointer: '/components/schemas/Mismatch/type',
        fix: 'type ["string","null"] beside oneOf allows null but none of the 1 alternatives does; read as null or one of them: { type: "null" } added to oneOf; none of the alternatives is of type "string", so null is its only value',
      },
    ]);
  });

  it.each([
    ['no alternatives', { type: 'null' }],
    ['a type besides null', { type: ['string', 'null'], oneOf: [{ minLength: 1 }, { maxLength: 0 }] }],
    ['an alternative that admits null', { type: 'null', oneOf: [{ type: 'string' }, { type: ['number', 'null'] }] }],
    ['an alternative marked nullable', { type: 'null', oneOf: [{ type: 'string' }, { type: 'number', nullable: true }] }],
    ['an alternative that says nothing of its type', { type: 'null', oneOf: [{ type: 'string' }, {}] }],
    ['an alternative already null', { type: 'null', anyOf: [{ type: 'string' }, { type: 'null' }] }],
    ['a reference the document cannot resolve', { type: 'null', oneOf: [{ type: 'string' }, { $ref: 'other.json#/X' }] }],
    ['an assertion beside the alternatives', { type: 'null', oneOf: [{ type: 'string' }, { type: 'object' }], properties: { a: { type: 'string' } } }],
    ['both oneOf and anyOf', { type: 'null', oneOf: [{ type: 'string' }], anyOf: [{ type: 'number' }] }],
    ['a type list without null', { type: ['object', 'string'], oneOf: [{ type: 'object' }, { type: 'string' }] }],
    ['a type list whose alternative is null already', { type: ['object', 'null'], oneOf: [{ type: 'object' }, { type: 'null' }] }],
    ['a type list beside an alternative of unknown type', { type: ['object', 'null'], anyOf: [{ type: 'object' }, { required: ['a'] }] }],
    ['a type list naming a type JSON Schema has not', { type: ['file', 'null'], oneOf: [{ type: 'string' }] }],
    ['a type list beside properties', { type: ['object', 'null'], oneOf: [{ type: 'object' }], properties: { a: { type: 'string' } } }],
    ['an enum that admits null, whatever its type says', { type: 'null', oneOf: [{ type: 'string' }, { enum: ['a', null] }] }],
    ['an empty oneOf', { type: 'null', oneOf: [] }],
  ])('leaves %s as written', (_label, schema) => {
    const document = documentWith({ S: structuredClone(schema) });
    expect(readNullTypeAsAlternative(document, FILE)).toEqual([]);
    expect(document.components.schemas.S).toEqual(schema);
  });

  it('leaves examples, defaults and extensions alone (they are data)', () => {
    const shape = { type: 'null', oneOf: [{ type: 'string' }] };
    const document = documentWith({
      S: { type: 'object', example: { v: structuredClone(shape) }, default: structuredClone(shape), 'x-note': structuredClone(shape) },
    });
    expect(readNullTypeAsAlternative(document, FILE)).toEqual([]);
    expect(document.components.schemas.S.default).toEqual(shape);
  });
});
