// createQuerySerializer on the OpenAPI styles and with openapi-fetch; the comparison of deepObject
// with stripe-node as an oracle is in query.stripe.test.ts.
import createClient from 'openapi-fetch';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createQuerySerializer, type QueryStyles } from '../../../runtime/encoding/query.ts';

const serialize = (styles: QueryStyles, query: Record<string, unknown>): string => createQuerySerializer(styles)(query);

describe('createQuerySerializer: OpenAPI styles', () => {
  const cases: Array<[string, QueryStyles, Record<string, unknown>, string]> = [
    ['form explode array', { id: { style: 'form', explode: true } }, { id: [3, 4, 5] }, 'id=3&id=4&id=5'],
    ['form array, no explode', { id: { style: 'form', explode: false } }, { id: [3, 4, 5] }, 'id=3,4,5'],
    ['commas inside values are escaped', { id: { style: 'form', explode: false } }, { id: ['a,b', 'c'] }, 'id=a%2Cb,c'],
    ['form explode object', { color: { style: 'form', explode: true } }, { color: { R: 100, G: 200 } }, 'R=100&G=200'],
    ['form object, no explode', { color: { style: 'form', explode: false } }, { color: { R: 100, G: 200 } }, 'color=R,100,G,200'],
    ['spaceDelimited', { id: { style: 'spaceDelimited', explode: false } }, { id: [3, 4] }, 'id=3%204'],
    ['pipeDelimited', { id: { style: 'pipeDelimited', explode: false } }, { id: [3, 4] }, 'id=3|4'],
    ['pipeDelimited exploded is repeated', { id: { style: 'pipeDelimited', explode: true } }, { id: [3, 4] }, 'id=3&id=4'],
    [
      'deepObject nested',
      { created: { style: 'deepObject', explode: true } },
      { created: { gte: 1_700_000_000, lt: 1_800_000_000 } },
      'created[gte]=1700000000&created[lt]=1800000000',
    ],
    ['deepObject array is indexed (as in form bodies)', { expand: { style: 'deepObject', explode: true } }, { expand: ['customer', 'data.invoice'] }, 'expand[0]=customer&expand[1]=data.invoice'],
    ['deepObject with a scalar value', { created: { style: 'deepObject', explode: true } }, { created: 1_700_000_000 }, 'created=1700000000'],
    ['brackets style', { expand: { style: 'brackets', explode: true } }, { expand: ['a', 'b'] }, 'expand[]=a&expand[]=b'],
    ['scalars, booleans, Dates', { limit: { style: 'form', explode: true } }, { limit: 10, active: false, at: new Date(5000) }, 'limit=10&active=false&at=5'],
    ['top-level null, undefined and [] left out', {}, { a: null, b: undefined, c: [], d: 'x' }, 'd=x'],
    ['reserved characters escaped', {}, { q: 'a b&c=d/é' }, 'q=a%20b%26c%3Dd%2F%C3%A9'],
    ['unknown params: arrays form-exploded', {}, { ids: ['a', 'b'] }, 'ids=a&ids=b'],
    ['unknown params: objects as deepObject', {}, { f: { a: 1 } }, 'f[a]=1'],
    ['nested values under form fall back to brackets', { f: { style: 'form', explode: true } }, { f: { a: { b: 1 } } }, 'f[a][b]=1'],
    ['key order follows the query object', { b: { style: 'form', explode: true } }, { z: 1, b: [1], a: 2 }, 'z=1&b=1&a=2'],
  ];
  it.each(cases)('%s', (_name, styles, query, expected) => {
    expect(serialize(styles, query)).toBe(expected);
  });

  it('builds one serializer per styles table', () => {
    const table: QueryStyles = { a: { style: 'form', explode: false } };
    expect(createQuerySerializer(table)).toBe(createQuerySerializer(table));
    expect(createQuerySerializer({ ...table })).not.toBe(createQuerySerializer(table));
  });

  it('form explode round-trips through URLSearchParams', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 6 }), fc.array(fc.string({ unit: 'grapheme', maxLength: 6 }), { minLength: 1, maxLength: 5 }), (name, values) => {
        const text = serialize({ [name]: { style: 'form', explode: true } }, { [name]: values });
        expect(new URLSearchParams(text).getAll(name)).toEqual(values);
      }),
    );
  });

  it('form without explode splits back on the delimiter only', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 6 }), { minLength: 1, maxLength: 5 }), (values) => {
        const text = serialize({ v: { style: 'form', explode: false } }, { v: values });
        const raw = text.slice('v='.length);
        expect(raw.split(',').map(decodeURIComponent)).toEqual(values);
      }),
    );
  });
});

describe('with openapi-fetch', () => {
  it('is used per request and reaches the URL unchanged', async () => {
    const seen: string[] = [];
    const client = createClient<Record<string, never>>({
      baseUrl: 'https://api.example.test',
      fetch: async (request: Request) => {
        seen.push(request.url);
        return new Response('{}', { headers: { 'content-type': 'application/json' } });
      },
    });
    const styles: QueryStyles = { created: { style: 'deepObject', explode: true }, ids: { style: 'form', explode: false } };
    await client.GET('/v1/things' as never, {
      params: { query: { created: { gte: 1 }, ids: ['a', 'b'] } },
      querySerializer: createQuerySerializer(styles),
    } as never);
    expect(seen[0]).toBe('https://api.example.test/v1/things?created[gte]=1&ids=a,b');
  });
});
