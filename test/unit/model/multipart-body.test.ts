// model/multipart-body.ts: what the client is told of a multipart body the form-data encoders do
// not serve (its declared type, property order, fixed part headers), and the part headers it
// refuses rather than send parts without.
import { describe, expect, it } from 'vitest';
import { declaredMultipart } from '../../../generator/model/multipart-body.ts';
import { EFFECTIVE_DOCUMENT, SvcgenInputError } from '../../../generator/load/errors.ts';

const AT = '/paths/~1files/post/requestBody/content/multipart~1mixed';
const schema = { type: 'object', properties: { meta: { type: 'object' }, file: { type: 'string', format: 'binary' } } };
const withHeaders = (headers: Record<string, unknown>, doc: Record<string, unknown> = {}) =>
  declaredMultipart(doc, 'POST /files', 'multipart/mixed', { schema, encoding: { file: { headers } } }, AT);

function refused(work: () => unknown): SvcgenInputError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(SvcgenInputError);
    expect((error as SvcgenInputError).file).toBe(EFFECTIVE_DOCUMENT);
    return error as SvcgenInputError;
  }
  throw new Error('expected a refusal');
}

describe('declaredMultipart', () => {
  it('plain multipart/form-data without part headers needs nothing beyond the form-data encoders', () => {
    expect(declaredMultipart({}, 'POST /files', 'multipart/form-data', { schema }, AT)).toBeUndefined();
    expect(declaredMultipart({}, 'POST /files', 'multipart/form-data; charset=utf-8', { schema, encoding: { file: { contentType: 'image/png' } } }, AT)).toBeUndefined();
  });

  it('another multipart type: the type as sent (lower case, no boundary of its own) and the declared property order, allOf members included', () => {
    const doc = { components: { schemas: { Base: { type: 'object', properties: { root: { type: 'object' } } } } } };
    const body = { schema: { allOf: [{ $ref: '#/components/schemas/Base' }, { properties: { media: { type: 'string', format: 'binary' } } }] } };
    expect(declaredMultipart(doc, 'POST /files', 'Multipart/Related; boundary=abc; type="Application/JSON"', body, AT)).toEqual({ type: 'multipart/related; type="application/json"', order: ['root', 'media'] });
    expect(declaredMultipart({}, 'POST /files', 'multipart/mixed', { schema: { type: 'object', additionalProperties: true } }, AT)).toEqual({ type: 'multipart/mixed' });
  });

  it('part headers whose schema allows one value are sent; Content-Type (OpenAPI: SHALL be ignored) and optional free ones are not', () => {
    const doc = { components: { headers: { Kind: { required: true, schema: { $ref: '#/components/schemas/Kind' } } }, schemas: { Kind: { type: 'string', enum: ['scan'] } } } };
    expect(
      withHeaders(
        {
          'X-Kind': { $ref: '#/components/headers/Kind' },
          'X-Version': { schema: { const: 2 } },
          'X-Text': { content: { 'text/plain': { schema: { type: 'string', enum: ['a b'] } } } },
          'Content-Type': { required: true, schema: { type: 'string' } },
          'X-Note': { schema: { type: 'string' } },
        },
        doc,
      ),
    ).toEqual({ type: 'multipart/mixed', order: ['meta', 'file'], headers: { file: { 'X-Kind': 'scan', 'X-Version': '2', 'X-Text': 'a b' } } });
    // form-data with a fixed part header needs the declared encoder too, but keeps the caller's order.
    expect(declaredMultipart({}, 'POST /files', 'multipart/form-data', { schema, encoding: { file: { headers: { 'X-Kind': { schema: { const: 'scan' } } } } } }, AT)).toEqual({
      type: 'multipart/form-data',
      headers: { file: { 'X-Kind': 'scan' } },
    });
  });

  it('refuses, at the header, a required one the caller would choose, a Content-Disposition, and a value no header line can carry', () => {
    const doc = { components: { headers: { Location: { required: true, schema: { type: 'string' } } } } };
    const required = refused(() => withHeaders({ 'Content-Location': { $ref: '#/components/headers/Location' } }, doc));
    expect(required.pointer).toBe('/components/headers/Location');
    expect(required.problem).toMatch(/^POST \/files: part header 'Content-Location' of 'file' is required, but its schema allows more than one value/);
    const disposition = refused(() => withHeaders({ 'Content-Disposition': { schema: { const: 'attachment' } } }));
    expect(disposition.pointer).toBe(`${AT}/encoding/file/headers/Content-Disposition`);
    const broken = refused(() => withHeaders({ 'X-Line': { schema: { const: 'a\r\nX-Injected: 1' } } }));
    expect(broken.problem).toContain('is fixed to "a\\r\\nX-Injected: 1", which is not a header field name and value a part can carry');
    expect(refused(() => withHeaders({ 'Bad Name': { schema: { const: 'x' } } })).pointer).toBe(`${AT}/encoding/file/headers/Bad Name`);
  });
});
