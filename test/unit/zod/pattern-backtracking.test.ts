// Patterns of real directory specs whose matching can backtrack exponentially: one crafted string
// of a few dozen characters holds the matcher for seconds, each character more doubling it, and a
// scaffolded route validates what anyone sends it. Before, the validators checked them as written
// (beezup's own example URL for profilePictureUrl did not finish). Now such a pattern is left
// unchecked and listed with its reason (generator/emit/zod/pattern-backtracking.ts, scslre's
// analysis); patterns without that risk are checked as before.
import { describe, expect, it } from 'vitest';
import { backtracksExponentially } from '../../../generator/emit/zod/pattern-backtracking.ts';
import { readPattern } from '../../../generator/emit/zod/pattern.ts';
import { patternSample } from './support.ts';

/** [spec and schema the pattern comes from, pattern, a value the vendor documents or one that fits] */
const EXPONENTIAL: [string, string, string][] = [
  ['beezup.com /components/schemas/profilePictureUrl', '^(https?:\\/\\/)?([\\da-z\\.-]+)\\.([a-z\\.]{2,6})([\\/\\w \\.-]*)*\\/?$', 'https://upload.wikimedia.org/wikipedia/commons/thumb/e/e5/Marlon_Brando_%28cropped%29.jpg/220px-Marlon_Brando_%28cropped%29.jpg'],
  ['azure.com/containerservice-managedClusters ManagedClusterWindowsProfile.adminUsername', '^[a-zA-Z0-9]+([._]?[a-zA-Z0-9]+)*$', 'azureuser'],
  ['image-charts.com /chart parameter 9', '^(?:[^\\|]*\\|?)+$', 'a|b'],
  ['amazonaws.com/fsx FileSystemTypeVersion', '^[0-9](.[0-9]*)*$', '2.12'],
];

/** Patterns scslre finds no exponential backtracking in, checked as before (the last two from directory specs). */
const LINEAR = ['^[a-z]+$', '^[a-zA-Z]{2}([-][a-zA-Z]{2})?$', '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$'];

const emitted = (patterns: string[]) => patternSample(patterns, 'request');

describe('patterns whose matching can backtrack exponentially', () => {
  it.each(EXPONENTIAL)('%s is found', (_where, pattern) => {
    expect(backtracksExponentially(readPattern(pattern)!)).toBe(true);
  });

  it('are left unchecked, said beside the field and listed with the reason', () => {
    const { result, sample } = emitted(EXPONENTIAL.map(([, pattern]) => pattern));
    expect([...result.patterns.unchecked]).toEqual(EXPONENTIAL.map(([, pattern]) => [pattern, 'exponential backtracking']));
    expect(result.ts).not.toContain('.regex(');
    expect(result.ts.match(/pattern not checked: matching it can take exponential time \(manifest: uncheckedPatterns\)/g)).toHaveLength(EXPONENTIAL.length);
    // The vendor's own example for profilePictureUrl: checked as written, it did not finish.
    expect(sample.safeParse(Object.fromEntries(EXPONENTIAL.map(([, , value], index) => [`p${index}`, value]))).success).toBe(true);
  });

  it('leaves the others checked', () => {
    for (const pattern of LINEAR) expect(backtracksExponentially(readPattern(pattern)!), pattern).toBe(false);
    const { result, sample } = emitted(LINEAR);
    expect(result.patterns.unchecked.size).toBe(0);
    expect(sample.safeParse({ p0: 'abc', p1: 'en-GB', p2: 'aGk=' }).success).toBe(true);
    expect(sample.safeParse({ p0: 'ab1' }).success).toBe(false);
    expect(sample.safeParse({ p1: 'en_GB' }).success).toBe(false);
  });
});
