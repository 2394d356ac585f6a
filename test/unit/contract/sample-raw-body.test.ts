// The contract harness's sample for a raw (binary media type) request body: a file for a
// `format: binary` (or untyped) schema, the schema's own sample text for a string schema that says
// what the text is. Found by the corpus Prism stage: an image/jpeg body declared as a base64
// `format: byte` string with a base64 pattern got the sample file's text, which Prism reported as
// not matching the pattern.
import { describe, expect, it } from 'vitest';
import type { OperationModel } from '../../../generator/model/types.ts';
import { sampleInput } from '../../support/sample-input.ts';

const upload = (schema: object | undefined): OperationModel =>
  ({ id: 'upload', method: 'put', path: '/uploads', parameters: [], requestBody: { required: true, mediaType: 'image/jpeg', encoding: 'binary', schema } }) as unknown as OperationModel;

describe('sample raw bodies', () => {
  it('a file for format: binary or no schema', () => {
    expect(sampleInput(upload({ type: 'string', format: 'binary' }), {}).body).toBeInstanceOf(Blob);
    expect(sampleInput(upload(undefined), {}).body).toBeInstanceOf(Blob);
    expect(sampleInput(upload({ type: 'string' }), {}).body).toBeInstanceOf(Blob);
  });

  it('the sample text for a string with a format, a pattern or an enum, through $refs', () => {
    const document = { components: { schemas: { Jpeg: { type: 'string', format: 'byte', pattern: '^[\\w\\d+\\/=]*$' } } } };
    const body = sampleInput(upload({ $ref: '#/components/schemas/Jpeg' }), document).body;
    expect(typeof body).toBe('string');
    expect(body).toMatch(/^[\w\d+/=]*$/);
    expect(sampleInput(upload({ type: 'string', format: 'byte' }), {}).body).toBe('AAAA');
    expect(sampleInput(upload({ type: 'string', enum: ['<ok/>'] }), {}).body).toBe('<ok/>');
  });
});

describe('sample format values', () => {
  it('format: duration is an ISO 8601 duration, as ajv-formats (Prism) checks it', async () => {
    const { sampleValue } = await import('../../support/sample-input.ts');
    const { default: addFormats } = await import('ajv-formats');
    const { default: Ajv } = await import('ajv');
    const ajv = addFormats(new Ajv());
    const value = sampleValue({ type: 'string', format: 'duration' }, {});
    expect(ajv.validate({ type: 'string', format: 'duration' }, value)).toBe(true);
  });
});
