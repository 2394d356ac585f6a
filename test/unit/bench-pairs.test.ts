// Paired samples: ours ÷ peer is taken run by run, only when both sides were measured in the same
// rounds (the type-check note and the missed-goals table both read it).
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../bench/lib/figure.ts';
import { pairRatios } from '../../bench/lib/report.ts';

const figure = (paired: boolean, ours: number[], theirs: number[]): Figure => ({
  id: 'x',
  name: 'x',
  unit: 'ms',
  paired,
  ours: { kind: 'measured', samples: ours },
  peers: [{ name: 'p', outcome: { kind: 'measured', samples: theirs } }],
});

describe('pairRatios', () => {
  it('divides sample i of ours by sample i of the peer', () => {
    const f = figure(true, [1, 3, 8], [2, 4, 8]);
    expect(pairRatios(f, f.peers[0]!)).toEqual([0.5, 0.75, 1]);
  });

  it('gives nothing for unpaired figures or runs of different lengths', () => {
    const unpaired = figure(false, [1, 2], [1, 2]);
    expect(pairRatios(unpaired, unpaired.peers[0]!)).toBeUndefined();
    const short = figure(true, [1, 2, 3], [1, 2]);
    expect(pairRatios(short, short.peers[0]!)).toBeUndefined();
  });
});
