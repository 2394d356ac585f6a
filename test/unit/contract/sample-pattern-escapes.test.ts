// The harness's sample input for patterns that compile only without the `u` flag (an identity
// escape such as `\-` outside a class), which the generated zod module accepts
// (generator/emit/zod/pattern.ts): before, the sampler compiled every pattern with `u`, threw, and
// the operation counted as failed with "no sample input" though the client was never called.
import { describe, expect, it } from 'vitest';
import { conforms, samplePattern, sampleValue } from '../../support/sample-input.ts';

const COORDINATES = '^(\\-?\\d+(\\.\\d+)?),\\s*(\\-?\\d+(\\.\\d+)?)$';

describe('patterns valid only without the u flag', () => {
  it('the pattern is one of those (the premise)', () => {
    expect(() => new RegExp(COORDINATES, 'u')).toThrow(SyntaxError);
    expect(() => new RegExp(COORDINATES)).not.toThrow();
  });

  it('samplePattern yields a string that matches the pattern', () => {
    const value = samplePattern(COORDINATES);
    expect(value).toBeDefined();
    expect(value).toMatch(new RegExp(COORDINATES));
  });

  it('sampleValue of a string schema with the pattern matches it, and conforms judges by it', () => {
    const schema = { type: 'string', pattern: COORDINATES };
    const value = sampleValue(schema, {});
    expect(value).toMatch(new RegExp(COORDINATES));
    expect(conforms(schema, value, {})).toBe(true);
    expect(conforms(schema, 'north', {})).toBe(false);
  });
});
