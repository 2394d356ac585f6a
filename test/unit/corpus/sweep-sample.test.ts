// The seeded sweep sample (bench/corpus/sweep-sample.ts): the same seed draws the same specs, only
// specs within the operation range, at most one per provider, and another seed draws others.
import { describe, expect, it } from 'vitest';
import { operationCount, sweepSample } from '../../../bench/corpus/sweep-sample.ts';
import type { CorpusSpec } from '../../../bench/corpus/specs.ts';

const spec = (id: string): CorpusSpec => ({ id, file: `/x/${id}`, display: id, bytes: 1 });
const candidates = Array.from({ length: 60 }, (_, i) => ({ spec: spec(`dir/p${i % 20}.com/api${i}.json`), operations: i }));

describe('sweep sample', () => {
  it('is the same for a seed, within the range, one spec per provider', () => {
    const options = { seed: 7, count: 10, min: 5, max: 50 };
    const first = sweepSample(candidates, options).map((c) => c.spec.id);
    expect(sweepSample([...candidates].reverse(), options).map((c) => c.spec.id)).toEqual(first);
    expect(first).toHaveLength(10);
    const chosen = sweepSample(candidates, options);
    expect(chosen.every((c) => c.operations >= 5 && c.operations <= 50)).toBe(true);
    expect(new Set(chosen.map((c) => c.spec.id.split('/')[1])).size).toBe(10);
    expect(sweepSample(candidates, { ...options, seed: 8 }).map((c) => c.spec.id)).not.toEqual(first);
  });

  it('counts operations by method under each path item', () => {
    expect(operationCount({ paths: { '/a': { get: {}, post: {}, parameters: [] }, '/b': { trace: {} } } })).toBe(3);
  });
});
