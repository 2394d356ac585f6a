// OpenAPI 3 `encoding` entries (style, explode) on the object and array properties of an
// urlencoded body, from the spec to the bytes on the wire through the real CLI and the generated
// client (test/fixtures/form-encoding-styles/openapi.json, hand-made). OAS 3.0.3 and 3.1.1 say
// such an entry follows the query-parameter rules. The oracle for form objects (both explodes),
// deepObject and delimited arrays is openapi-fetch's own query serializers (serializeObjectParam,
// serializeArrayParam), a second implementation of those rules; it has no spaceDelimited or
// pipeDelimited object, whose bytes come from the OAS Style Examples table (R%20100%20G%20200,
// R|100|G|200). Operations whose entries name no format (deepObject only, or none) keep the plain
// form encoder and send bracket names.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serializeArrayParam, serializeObjectParam } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { fixtureVendor } from './sent-request.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/form-encoding-styles/openapi.json', import.meta.url));

const fixture = fixtureVendor('form-styles', 'styles', 'Styles', FIXTURE);
const send = fixture.send;

const color = { R: 100, G: 200, B: 150 };

describe('encoding styles in the generated metadata', () => {
  it('names a field table for the styled operation and for an array of scalars without an entry (a JSON contentType-only entry is its JSON text); deepObject and multipart object entries make none', () => {
    const bodies = Object.fromEntries(fixture.vendor.model.operations.map((op) => [op.id, { fields: op.requestBody?.fields, parts: op.requestBody?.parts }]));
    expect(bodies).toEqual({
      styled: {
        fields: { exploded_object: 'multi', form_object: 'csv', form_tags: 'csv', pipe_object: 'pipes', pipe_tags: 'pipes', plain_tags: 'multi', space_object: 'ssv', space_tags: 'ssv', typed_object: 'json' },
        parts: undefined,
      },
      deep: { fields: undefined, parts: undefined },
      // OpenAPI's default for an urlencoded property without an entry: style form, explode.
      plain: { fields: { expand: 'multi' }, parts: undefined },
      upload: { fields: undefined, parts: undefined },
    });
    const js = readFileSync(`${fixture.root}/generated/styles/operations.js`, 'utf8');
    expect(js).toContain("import { formBody as $formBody, formBodyWith as $formBodyWith } from 'svcgen/runtime/encoding/form';");
    expect(js).toMatch(/deepMeta = \{[^\n]*encodeBody: \$formBody \};/);
    expect(js).toMatch(/plainMeta = \{[^\n]*encodeBody: \/\* @__PURE__ \*\/ \$formBodyWith\(\{ expand: 'multi' \}\) \};/);
    expect(js).toMatch(/uploadMeta = \{[^\n]*encodeBody: \$multipartBody \};/);
    expect(js).toContain(
      "encodeBody: /* @__PURE__ */ $formBodyWith({ exploded_object: 'multi', form_object: 'csv', form_tags: 'csv', pipe_object: 'pipes', pipe_tags: 'pipes', plain_tags: 'multi', space_object: 'ssv', space_tags: 'ssv', typed_object: 'json' })",
    );
  });
});

describe('encoding styles on the wire', () => {
  const styledBody = {
    name: 'n',
    form_object: color,
    exploded_object: { x: 1, y: 2 },
    space_object: color,
    pipe_object: color,
    deep_object: color,
    plain_object: { R: 1 },
    typed_object: { R: 2 },
    space_tags: ['a', 'b'],
    pipe_tags: ['a', 'b'],
    form_tags: ['a', 'b'],
    plain_tags: ['a', 'b'],
  };

  it('the exact body bytes: each property as its entry says; without an entry an object with bracket names, an array of scalars exploded', async () => {
    const sent = await send('/styled', styledBody);
    expect(sent.contentType).toBe('application/x-www-form-urlencoded');
    expect(sent.text.split('&')).toEqual([
      'name=n',
      'form_object=R,100,G,200,B,150',
      'x=1',
      'y=2',
      'space_object=R%20100%20G%20200%20B%20150',
      'pipe_object=R|100|G|200|B|150',
      'deep_object[R]=100',
      'deep_object[G]=200',
      'deep_object[B]=150',
      'plain_object[R]=1',
      'typed_object=%7B%22R%22%3A2%7D',
      'space_tags=a%20b',
      'pipe_tags=a|b',
      'form_tags=a,b',
      'plain_tags=a',
      'plain_tags=b',
    ]);
  });

  it("agrees with openapi-fetch's query serializers for form objects, deepObject and delimited arrays", async () => {
    const sent = await send('/styled', { ...styledBody, form_object: { R: 'a b', G: 'c,d' } });
    const expected = [
      serializeObjectParam('form_object', { R: 'a b', G: 'c,d' }, { style: 'form', explode: false }),
      serializeObjectParam('exploded_object', { x: 1, y: 2 }, { style: 'form', explode: true }),
      serializeObjectParam('deep_object', color, { style: 'deepObject', explode: true }),
      serializeArrayParam('space_tags', ['a', 'b'], { style: 'spaceDelimited', explode: false }),
      serializeArrayParam('pipe_tags', ['a', 'b'], { style: 'pipeDelimited', explode: false }),
      serializeArrayParam('form_tags', ['a', 'b'], { style: 'form', explode: false }),
    ];
    for (const part of expected) expect(`&${sent.text}&`).toContain(`&${part}&`);
  });

  it('a server reads back the keys and values', async () => {
    const form = new URLSearchParams((await send('/styled', { form_object: { R: 'a b', G: 'c' }, space_object: { R: 1 }, pipe_object: { R: 'x|y' } })).text);
    expect(form.get('form_object')!.split(',')).toEqual(['R', 'a b', 'G', 'c']);
    expect(form.get('space_object')!.split(' ')).toEqual(['R', '1']);
    expect(form.get('pipe_object')).toBe('R|x|y'); // pipeDelimited cannot carry a value's own bar
  });

  it('undefined members are skipped, null is an empty value, an empty object is left out', async () => {
    const sent = await send('/styled', { form_object: { R: undefined, G: null, B: 1 }, exploded_object: {}, pipe_object: { R: undefined } });
    expect(sent.text).toBe('form_object=G,,B,1');
  });

  it('a member that is an object or array is refused before anything is sent', async () => {
    await expect(send('/styled', { form_object: { R: { deep: 1 } } })).rejects.toThrow(
      'form body: property "form_object" is sent as a csv list of keys and values, which cannot hold the object at form_object.R',
    );
    await expect(send('/styled', { exploded_object: { x: [1] } })).rejects.toThrow('cannot hold the array at exploded_object.x');
  });

  it('deepObject entries send bracket names; without entries an object keeps them and an array of scalars goes exploded', async () => {
    const body = { metadata: { R: 1, G: 2 }, expand: ['a', 'b'] };
    expect((await send('/deep', body)).text).toBe('metadata[R]=1&metadata[G]=2&expand[0]=a&expand[1]=b');
    expect((await send('/plain', body)).text).toBe('metadata[R]=1&metadata[G]=2&expand=a&expand=b');
  });
});
