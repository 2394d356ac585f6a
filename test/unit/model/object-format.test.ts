// Which urlencoded object properties an `encoding` entry gives a format (model/collection-format.ts
// objectFormatOf): the query-parameter rules of OAS 3.0.3/3.1.1, explode defaulting to true for form only.
import { describe, expect, it } from 'vitest';
import { formFields, objectFormatOf } from '../../../generator/model/collection-format.ts';

const doc = { components: { schemas: { Color: { type: 'object', properties: { R: { type: 'integer' } } } } } };
const object = { type: 'object', additionalProperties: { type: 'string' } };

describe('objectFormatOf', () => {
  it('form without explode is csv, form (explode by default) is multi, the delimited styles without explode are ssv and pipes', () => {
    expect(objectFormatOf(doc, { style: 'form', explode: false }, object)).toBe('csv');
    expect(objectFormatOf(doc, { style: 'form' }, object)).toBe('multi');
    expect(objectFormatOf(doc, { explode: false }, { $ref: '#/components/schemas/Color' })).toBe('csv');
    expect(objectFormatOf(doc, { style: 'spaceDelimited' }, object)).toBe('ssv');
    expect(objectFormatOf(doc, { style: 'pipeDelimited', explode: false }, { type: ['object', 'null'] })).toBe('pipes');
    expect(objectFormatOf(doc, { style: 'form', explode: false }, { properties: { a: {} } })).toBe('csv');
  });

  it('names none for deepObject (the bracket names objects are sent with anyway), contentType only, tsv, arrays and scalars', () => {
    expect(objectFormatOf(doc, { style: 'deepObject', explode: true }, object)).toBeUndefined();
    expect(objectFormatOf(doc, { contentType: 'application/json' }, object)).toBeUndefined();
    expect(objectFormatOf(doc, { 'x-collectionFormat': 'tsv' }, object)).toBeUndefined();
    expect(objectFormatOf(doc, { style: 'form', explode: false }, { type: 'array', items: {} })).toBeUndefined();
    expect(objectFormatOf(doc, { style: 'form', explode: false }, { type: 'string' })).toBeUndefined();
    expect(objectFormatOf(doc, { style: 'form', explode: false }, undefined)).toBeUndefined();
  });

  it('formFields: arrays and objects in one table, deepObject entries in none, an array of scalars without an entry exploded', () => {
    const mediaType = {
      schema: { type: 'object', properties: { tags: { type: 'array', items: { type: 'string' } }, color: object, meta: object } },
      encoding: { tags: { style: 'pipeDelimited', explode: false }, color: { style: 'form', explode: false }, meta: { style: 'deepObject', explode: true } },
    };
    expect(formFields(doc, mediaType)).toEqual({ color: 'csv', tags: 'pipes' });
    expect(formFields(doc, { ...mediaType, encoding: { meta: { style: 'deepObject', explode: true } } })).toEqual({ tags: 'multi' });
  });
});
