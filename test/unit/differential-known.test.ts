// The differential suites' classification: a listed difference only counts as known when it
// explains every problem, and an off-spec SDK claim only when the spec check confirms it.
import { describe, expect, it } from 'vitest';
import { classify, type KnownDifference } from '../differential/known.ts';

const base = { route: 'GET /v1/things' };
const offSpec: KnownDifference = { reason: 'the SDK writes list[]=', problems: [/^query: SDK only/], sdkOffSpec: true };

describe('classify', () => {
  it('is same without problems, and flags a listed difference that no longer applies', () => {
    expect(classify(base, [], undefined).outcome).toBe('same');
    const stale = classify(base, [], offSpec);
    expect(stale.outcome).toBe('different');
    expect(stale.problems[0]).toMatch(/remove it/);
  });

  it('keeps a case different when one problem is not explained', () => {
    const result = classify(base, ['query: SDK only ["list[]=a"]', 'body: differs'], offSpec, { sdk: ['list[]'], ours: [] });
    expect(result.outcome).toBe('different');
  });

  it('accepts an off-spec SDK only when the SDK sends undeclared parameters and ours none', () => {
    const problems = ['query: SDK only ["list[]=a"], ours only ["list=a"]'];
    expect(classify(base, problems, offSpec, { sdk: ['list[]'], ours: [] }).outcome).toBe('known');
    expect(classify(base, problems, offSpec, { sdk: [], ours: [] }).outcome).toBe('different');
    expect(classify(base, problems, offSpec, { sdk: ['list[]'], ours: ['page'] }).outcome).toBe('different');
    expect(classify(base, problems, offSpec).outcome).toBe('different');
  });
});
