// An urlencoded array of scalars without an `encoding` entry that styles it is sent as OpenAPI's
// default for an urlencoded property, style form with explode (`Permission=a&Permission=b`); the
// client used to send indexed bracket names (`Permission[0]=a`), which Prism, reading the spec,
// reported as the required property missing (found by the corpus Prism stage on a real spec's
// form bodies). Bracket names stay for what OpenAPI leaves undefined or the spec asks for:
// arrays of objects and of arrays, objects without an entry, `style: deepObject`.
import { describe, expect, it } from 'vitest';
import { formFields } from '../../../generator/model/collection-format.ts';

const doc = { components: { schemas: { Code: { type: 'integer' }, Codes: { type: 'array', items: { $ref: '#/components/schemas/Code' } } } } };
const strings = { type: 'array', items: { type: 'string' } };

describe('urlencoded arrays without a styled entry', () => {
  it('an array of scalars (also through $refs, or with a non-JSON contentType-only entry) is multi', () => {
    const schema = { type: 'object', properties: { Permission: strings, codes: { $ref: '#/components/schemas/Codes' }, note: strings, any: { type: 'array' } } };
    expect(formFields(doc, { schema, encoding: { note: { contentType: 'text/plain' } } })).toEqual({ Permission: 'multi', any: 'multi', codes: 'multi', note: 'multi' });
  });

  it('arrays of objects or arrays, objects, scalars and deepObject entries get no entry; a styled entry keeps its own format', () => {
    const schema = {
      type: 'object',
      properties: {
        items: { type: 'array', items: { type: 'object', properties: { a: { type: 'string' } } } },
        matrix: { type: 'array', items: strings },
        meta: { type: 'object' },
        name: { type: 'string' },
        expand: strings,
        tags: strings,
      },
    };
    expect(formFields(doc, { schema, encoding: { expand: { style: 'deepObject', explode: true }, tags: { style: 'form', explode: false } } })).toEqual({ tags: 'csv' });
  });

  it('a property named __proto__ is an own key of the table', () => {
    const table = formFields(doc, { schema: { type: 'object', properties: JSON.parse('{"__proto__": {"type": "array", "items": {"type": "string"}}}') } });
    expect(Object.getPrototypeOf(table)).toBe(Object.prototype);
    expect(Object.keys(table!)).toEqual(['__proto__']);
  });
});
