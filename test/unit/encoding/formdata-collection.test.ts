// Swagger 2.0 formData arrays, from the spec's collectionFormat to the bytes on the wire, through
// the real CLI and the generated client (test/fixtures/formdata-collection/swagger.json: one array
// per format, absent = csv, in a urlencoded and in a multipart operation, and an operation with no
// array). Prism is not the oracle here: run on this fixture (Prism 5.x), it accepts `csv=1&csv=2`
// for a csv array, refuses a literal comma in a multipart text part ("Reserved characters used in
// request body"), never accepts the default (absent) format or tsv, and reports an absent optional
// csv/ssv/pipes field as "must be array". The expected bytes follow Swagger 2.0's collectionFormat
// table: csv foo,bar  ssv foo bar  tsv foo\tbar  pipes foo|bar  multi foo=a&foo=b.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { partHeadersOfWire, partsOfWire } from './multipart-parts.ts';
import { fixtureVendor } from './sent-request.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/formdata-collection/swagger.json', import.meta.url));

const fixture = fixtureVendor('formdata', 'formdata', 'FormData', FIXTURE);
const send = fixture.send;

const ARRAYS = {
  default_csv: ['a b', 'c,d'],
  csv: [1, 2],
  ssv: ['x', 'y'],
  tsv: ['x', 'y'],
  pipes: ['x', 'y'],
  multi: ['x', 'y'],
};

describe('formData collectionFormat in the generated metadata', () => {
  it('names a field table for the urlencoded operation and a part table for the multipart one, nothing elsewhere', () => {
    const bodies = Object.fromEntries(fixture.vendor.model.operations.map((op) => [op.id, { fields: op.requestBody?.fields, parts: op.requestBody?.parts }]));
    expect(bodies).toEqual({
      search: { fields: { csv: 'csv', default_csv: 'csv', multi: 'multi', pipes: 'pipes', ssv: 'ssv', tsv: 'tsv' }, parts: undefined },
      // multi is multipart's default (one part per item): no entry.
      upload: { fields: undefined, parts: { csv: 'csv', default_csv: 'csv', pipes: 'pipes', ssv: 'ssv', tsv: 'tsv' } },
      createNote: { fields: undefined, parts: undefined },
    });
    const js = readFileSync(`${fixture.root}/generated/formdata/operations.js`, 'utf8');
    expect(js).toContain("import { formBody as $formBody, formBodyWith as $formBodyWith } from 'svcgen/runtime/encoding/form';");
    expect(js).toMatch(/createNoteMeta = \{[^\n]*encodeBody: \$formBody[,} ]/);
    expect(js).toContain("encodeBody: /* @__PURE__ */ $formBodyWith({ csv: 'csv', default_csv: 'csv', multi: 'multi', pipes: 'pipes', ssv: 'ssv', tsv: 'tsv' })");
    expect(js).toContain(
      "encodeBody: /* @__PURE__ */ $multipartBodyWith({ csv: 'csv', default_csv: 'csv', pipes: 'pipes', ssv: 'ssv', tsv: 'tsv' })",
    );
  });
});

describe('formData arrays on the wire', () => {
  it('urlencoded: each array in its collectionFormat, the exact body bytes', async () => {
    const sent = await send('/search', { q: 'shoes', ...ARRAYS });
    expect(sent.contentType).toBe('application/x-www-form-urlencoded');
    expect(sent.text).toBe('q=shoes&default_csv=a%20b,c%2Cd&csv=1,2&ssv=x%20y&tsv=x%09y&pipes=x|y&multi=x&multi=y');
  });

  it('urlencoded: the server reads back the lists the caller gave', async () => {
    const form = new URLSearchParams((await send('/search', { q: 'shoes', ...ARRAYS })).text);
    expect(form.get('default_csv')!.split(',')).toEqual(['a b', 'c', 'd']); // csv cannot carry an item's own comma
    expect(form.get('csv')!.split(',')).toEqual(['1', '2']);
    expect(form.get('ssv')!.split(' ')).toEqual(['x', 'y']);
    expect(form.get('tsv')!.split('\t')).toEqual(['x', 'y']);
    expect(form.get('pipes')!.split('|')).toEqual(['x', 'y']);
    expect(form.getAll('multi')).toEqual(['x', 'y']);
  });

  it('urlencoded: one item, empty and undefined items, null, Dates', async () => {
    const at = new Date(1_700_000_000_000);
    const sent = await send('/search', { q: 'x', csv: [3], ssv: [], pipes: [undefined, 'a', null], multi: [at], tsv: [undefined] });
    expect(sent.text).toBe('q=x&csv=3&pipes=a|&multi=1700000000');
  });

  it('urlencoded: an object item is refused before anything is sent', async () => {
    await expect(send('/search', { q: 'x', pipes: ['a', { b: 1 }] })).rejects.toThrow(
      'form body: property "pipes" is sent as a pipes list of values, which cannot hold the object at pipes[1]',
    );
  });

  it('urlencoded: a value that is not an array goes as any other field', async () => {
    expect((await send('/search', { q: 'x', csv: 'raw' })).text).toBe('q=x&csv=raw');
  });

  it('urlencoded without a field table (no array in the spec): the plain form encoder', async () => {
    expect((await send('/notes', { title: 'T', count: 2 })).text).toBe('title=T&count=2');
  });

  it('multipart: one text part per delimited array, one part per item for multi', async () => {
    const sent = await send('/uploads', { file: new File(['png'], 'a.png', { type: 'image/png' }), ...ARRAYS });
    expect(await partsOfWire(sent.body, sent.contentType)).toEqual([
      { name: 'file', filename: 'a.png', type: 'image/png', bytes: [...new TextEncoder().encode('png')] },
      { name: 'default_csv', value: 'a b,c,d' },
      { name: 'csv', value: '1,2' },
      { name: 'ssv', value: 'x y' },
      { name: 'tsv', value: 'x\ty' },
      { name: 'pipes', value: 'x|y' },
      { name: 'multi', value: 'x' },
      { name: 'multi', value: 'y' },
    ]);
    expect(partHeadersOfWire(sent.body, sent.contentType).slice(1).map((h) => h.join(' | '))).toEqual([
      'Content-Disposition: form-data; name="default_csv"',
      'Content-Disposition: form-data; name="csv"',
      'Content-Disposition: form-data; name="ssv"',
      'Content-Disposition: form-data; name="tsv"',
      'Content-Disposition: form-data; name="pipes"',
      'Content-Disposition: form-data; name="multi"',
      'Content-Disposition: form-data; name="multi"',
    ]);
  });

  it('multipart: a file inside a delimited array is refused', async () => {
    await expect(send('/uploads', { file: new Blob(['x']), csv: [1, new Blob(['y'])] })).rejects.toThrow(
      'multipart body: property "csv" is sent as a csv list of values, which cannot hold the object at csv[1]',
    );
  });
});
