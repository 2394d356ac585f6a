// One walk over a form body's `encoding` (model/encoding-table.ts) for the urlencoded field table
// and the multipart part table: an entry whose name the schema does not declare as its own
// property gets no schema, whatever the properties object inherits under that name.
import { describe, expect, it } from 'vitest';
import { formFields } from '../../../generator/model/collection-format.ts';
import { encodingTable } from '../../../generator/model/encoding-table.ts';
import { multipartParts } from '../../../generator/model/multipart-parts.ts';

const doc = {};
const csvEntry = { style: 'form', explode: false };
const stringArray = { type: 'array', items: { type: 'string' } };

/** A properties object that declares `own` and inherits `tags` (an array) from its prototype. */
function inheritingProperties(): Record<string, unknown> {
  const properties = Object.create({ tags: stringArray }) as Record<string, unknown>;
  properties.own = stringArray;
  return properties;
}

describe('encodingTable', () => {
  it('hands each object entry its own property schema, in name order, and keeps the defined results', () => {
    const seen: [string, unknown][] = [];
    const table = encodingTable(doc, { schema: { properties: { b: { type: 'string' }, a: stringArray } }, encoding: { b: { x: 1 }, a: { x: 2 }, c: 'not an entry', d: null } }, (entry, schema) => {
      seen.push([JSON.stringify(entry), schema]);
      return entry.x === 2 ? 'kept' : undefined;
    });
    expect(seen).toEqual([['{"x":2}', stringArray], ['{"x":1}', { type: 'string' }]]);
    expect(table).toEqual({ a: 'kept' });
  });

  it('gives no schema to constructor, toString, __proto__ or a name the properties only inherit', () => {
    const schemas: unknown[] = [];
    const encoding = JSON.parse('{"constructor":{},"toString":{},"__proto__":{},"tags":{},"own":{}}') as Record<string, unknown>;
    encodingTable(doc, { schema: { properties: inheritingProperties() }, encoding }, (_entry, schema) => {
      schemas.push(schema);
      return undefined;
    });
    // In name order: __proto__, constructor, own, tags, toString.
    expect(schemas).toEqual([undefined, undefined, stringArray, undefined, undefined]);
  });

  it('an entry named __proto__ is an own key of the table (not the table prototype)', () => {
    const encoding = JSON.parse('{"__proto__":{"contentType":"text/csv"}}') as Record<string, unknown>;
    const table = multipartParts(doc, { schema: { properties: {} }, encoding });
    expect(table && Object.keys(table)).toEqual(['__proto__']);
  });
});

describe('form and multipart tables read own properties only', () => {
  it('multipart: an array inherited by the properties object is not a declared array (no csv part)', () => {
    expect(multipartParts(doc, { schema: { properties: inheritingProperties() }, encoding: { tags: csvEntry, own: csvEntry } })).toEqual({ own: 'csv' });
  });

  it('urlencoded: the same', () => {
    expect(formFields(doc, { schema: { properties: inheritingProperties() }, encoding: { tags: csvEntry, own: csvEntry } })).toEqual({ own: 'csv' });
  });
});
