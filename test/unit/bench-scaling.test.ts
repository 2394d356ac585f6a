// The scaling bench's pure parts: the log-log fit and per-operation figures, the spec choice rule
// and operation count, and the SVG chart's axes. Expected values are worked out by hand from the
// inputs (a power law y = a·x^k has slope k on log-log axes).
import { describe, expect, it } from 'vitest';
import { fitLinear, fitLogLog, medianPerUnit, perUnitRatio, upperHalf } from '../../bench/scaling-fit.ts';
import { countOperations, largestUnder } from '../../bench/scaling-specs.ts';
import { escapeXml, logDomain, logTicks, renderChart, tickLabel } from '../../bench/scaling-svg.ts';
import type { CorpusSpec } from '../../bench/corpus/specs.ts';

describe('fitLogLog', () => {
  it('recovers the exponent and factor of a power law', () => {
    const pts = [1, 10, 100, 1000].map((x) => ({ x, y: 3 * x ** 0.5 }));
    const line = fitLogLog(pts)!;
    expect(line.slope).toBeCloseTo(0.5, 10);
    expect(10 ** line.intercept).toBeCloseTo(3, 10);
  });

  it('gives slope 1 for a proportional cost and below 1 once a fixed cost is added', () => {
    const xs = [10, 100, 1000];
    expect(fitLogLog(xs.map((x) => ({ x, y: 2 * x })))!.slope).toBeCloseTo(1, 10);
    expect(fitLogLog(xs.map((x) => ({ x, y: 1000 + 2 * x })))!.slope).toBeLessThan(0.6);
  });

  it('is the least-squares slope for scattered points', () => {
    // log10 points (0,0), (1,1), (2,3): mean x 1, mean y 4/3, sxy = (−1)(−4/3) + (1)(5/3) = 3, sxx = 2.
    const line = fitLogLog([{ x: 1, y: 1 }, { x: 10, y: 10 }, { x: 100, y: 1000 }])!;
    expect(line.slope).toBeCloseTo(1.5, 10);
    expect(line.intercept).toBeCloseTo(4 / 3 - 1.5, 10);
  });

  it('needs two distinct positive sizes', () => {
    expect(fitLogLog([{ x: 5, y: 1 }])).toBeUndefined();
    expect(fitLogLog([{ x: 5, y: 1 }, { x: 5, y: 2 }])).toBeUndefined();
    expect(fitLogLog([{ x: 0, y: 1 }, { x: 5, y: 2 }])).toBeUndefined();
  });
});

describe('fitLinear', () => {
  it('splits a fixed cost from a per-unit cost', () => {
    const line = fitLinear([10, 100, 1000].map((x) => ({ x, y: 1500 + 4 * x })))!;
    expect(line.slope).toBeCloseTo(4, 10);
    expect(line.intercept).toBeCloseTo(1500, 8);
  });

  it('is the least-squares line for scattered points', () => {
    // (≈0,1), (1,1), (2,4) (sizes must be positive): mean x 1, mean y 2, sxy = (−1)(−1) + 0 + (1)(2) = 3, sxx = 2.
    const line = fitLinear([{ x: 1e-9, y: 1 }, { x: 1, y: 1 }, { x: 2, y: 4 }])!;
    expect(line.slope).toBeCloseTo(1.5, 6);
    expect(line.intercept).toBeCloseTo(0.5, 6);
    expect(fitLinear([{ x: 3, y: 1 }])).toBeUndefined();
  });
});

describe('per-operation figures', () => {
  const pts = [
    { x: 1, y: 100 },
    { x: 10, y: 200 },
    { x: 100, y: 1000 },
    { x: 1000, y: 20000 },
  ];

  it('takes the median of cost per unit', () => {
    // 100, 20, 10, 20 → median 20.
    expect(medianPerUnit(pts)).toBe(20);
    expect(medianPerUnit([])).toBeUndefined();
  });

  it('compares one point with that median', () => {
    expect(perUnitRatio({ x: 1000, y: 20000 }, pts)).toBe(1);
    expect(perUnitRatio({ x: 100, y: 1000 }, pts)).toBe(0.5);
    expect(perUnitRatio({ x: 0, y: 5 }, pts)).toBeUndefined();
  });

  it('keeps the points at or above the median size', () => {
    expect(upperHalf(pts).map((p) => p.x)).toEqual([100, 1000]);
  });
});

describe('scaling specs', () => {
  it('counts HTTP methods under paths and nothing else', () => {
    const doc = { paths: { '/a': { get: {}, post: {}, parameters: [], summary: 'x' }, '/b': { delete: {}, 'x-ext': {} }, '/c': null } };
    expect(countOperations(doc)).toBe(3);
    expect(countOperations({ webhooks: { a: { post: {} } } })).toBe(0);
    expect(countOperations(null)).toBe(0);
  });

  it('picks the largest spec under a folder by bytes, not a neighbour with a longer name', () => {
    const spec = (id: string, bytes: number): CorpusSpec => ({ id, bytes, file: id, display: id });
    const specs = [spec('dir/example.com/a.json', 10), spec('dir/example.com/b.json', 30), spec('dir/example.com.json', 99), spec('dir/example.community/c.json', 500)];
    expect(largestUnder(specs, 'example.com')?.id).toBe('dir/example.com/b.json');
    expect(largestUnder(specs, 'missing.org')).toBeUndefined();
  });
});

describe('scaling chart', () => {
  it('spares a quarter of the value each side, and spans at least a factor 2', () => {
    expect(logDomain([3, 450])).toEqual([2.4, 562.5]);
    expect(logDomain([5, 5])).toEqual([4, 8]);
    expect(logDomain([])).toEqual([1, 10]);
  });

  it('ticks inside the domain: finer over about a decade, 1-2-5 over a few, powers of ten over many', () => {
    expect(logTicks([100, 1000])).toEqual([100, 150, 200, 300, 500, 700, 1000]);
    expect(logTicks([2.4, 562.5])).toEqual([5, 10, 20, 50, 100, 200, 500]);
    expect(logTicks([1, 100000])).toEqual([1, 10, 100, 1000, 10000, 100000]);
    expect(tickLabel(0.05)).toBe('0.05');
    expect(tickLabel(20000)).toBe('20k');
    expect(escapeXml('a<b & "c"')).toBe('a&lt;b &amp; &quot;c&quot;');
  });

  it('draws every point inside its panel, at the position its log value gives', () => {
    const svg = renderChart({
      title: 'T <x>',
      xLabel: 'ops',
      panels: [
        { yLabel: 'time', series: [{ name: 'a', marker: 'circle', color: '#000', points: [{ x: 1, y: 1 }, { x: 100, y: 10 }] }] },
        { yLabel: 'mem', series: [{ name: 'a', marker: 'circle', color: '#000', points: [{ x: 10, y: 100 }] }] },
      ],
    });
    expect(svg).toMatch(/^<svg [^>]*width="880"/);
    expect(svg).toContain('T &lt;x&gt;');
    const circles = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    // One legend marker and three points. Panel 1's plot spans x 64..424 for 0.8..125 (the x values
    // 1..100 with a quarter spare) and y 344..88 for 0.8..12.5: log10 1.25 / log10 156.25 of the way in, etc.
    expect(circles).toHaveLength(4);
    expect(circles[1]).toEqual([79.9, 323.2]);
    expect(circles[2]).toEqual([408.1, 108.8]);
    // Panel 2 shares the x domain: x = 10 sits at its geometric middle, 440 + 64 + 180.
    expect(circles[3]![0]).toBe(684);
    // The fitted line of the two-point series joins them.
    expect(svg).toContain('<line x1="79.9" y1="323.2" x2="408.1" y2="108.8" stroke="#000" stroke-dasharray="5 4"/>');
  });
});
