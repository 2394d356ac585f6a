// Form bodies built with `allOf`: an `encoding` entry may name a property that only an allOf
// member declares (here through a $ref), and OpenAPI applies the entry all the same. The fixture
// (test/fixtures/form-allof/openapi.json) is hand-made. The urlencoded bytes are read back by
// URLSearchParams, the multipart parts by undici's Request.formData().
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureVendor } from './sent-request.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/form-allof/openapi.json', import.meta.url));
const fixture = fixtureVendor('form-allof', 'formallof', 'FormAllOf', FIXTURE);

describe('encoding entries of allOf-built bodies', () => {
  it('the model gives each entry the property an allOf member declares', () => {
    const bodies = Object.fromEntries(fixture.vendor.model.operations.map((op) => [op.id, { fields: op.requestBody?.fields, parts: op.requestBody?.parts }]));
    expect(bodies.urlencodedAllOf?.fields).toEqual({ ids: 'pipes', meta: 'json', tags: 'csv' });
    expect(bodies.multipartAllOf?.parts).toEqual({ tags: 'csv' });
  });

  it('urlencoded: the member-declared arrays go delimited and the object as JSON text, as their entries say', async () => {
    const sent = await fixture.send('/urlencoded', { tags: ['a', 'b c'], ids: [1, 2], meta: { source: 'x' }, note: 'n' });
    expect(sent.contentType).toBe('application/x-www-form-urlencoded');
    expect([...new URLSearchParams(sent.text)]).toEqual([
      ['tags', 'a,b c'],
      ['ids', '1|2'],
      ['meta', '{"source":"x"}'],
      ['note', 'n'],
    ]);
  });

  it('multipart: the member-declared array is one comma-separated part', async () => {
    const sent = await fixture.send('/multipart', { tags: ['a', 'b'], file: new Blob(['hi']) });
    const form = await new Request('https://x.test/', { method: 'POST', body: sent.body, headers: { 'content-type': sent.contentType } }).formData();
    expect(form.getAll('tags')).toEqual(['a,b']);
  });
});
