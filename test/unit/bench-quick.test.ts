// The benchmark scripts in quick mode: the cheap pieces run for real and must produce well-formed
// figures and a report with a row for every figure. No timing is ever compared with a bound.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBundleBench } from '../../bench/bundle.ts';
import { runGenerationBench } from '../../bench/generation.ts';
import { parseCli } from '../../bench/lib/cli.ts';
import { normalizeExternal, runExternalBench } from '../../bench/lib/external.ts';
import { central, type Figure, type Outcome, type Section } from '../../bench/lib/figure.ts';
import type { Machine } from '../../bench/lib/machine.ts';
import { projectRoot, scratchDir } from '../../bench/lib/paths.ts';
import { figureRows, renderReport, renderTable } from '../../bench/lib/report.ts';
import { parseCompileErrors } from '../../bench/lib/typescript.ts';
import { runTypecheckBench } from '../../bench/typecheck.ts';

const SLOW = { timeout: 180_000 };
const scratch = mkdtempSync(path.join(os.tmpdir(), 'bench-quick-'));
// Own folders under bench/.work, so a benchmark running meanwhile keeps its outputs.
const benchScratch = { generation: `test-generation-${process.pid}`, typecheck: `test-typecheck-${process.pid}` };
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  for (const name of Object.values(benchScratch)) rmSync(scratchDir(name), { recursive: true, force: true });
});

const machine: Machine = {
  date: '2000-01-01',
  cpu: 'test cpu',
  cores: 2,
  memoryGiB: '1.0',
  os: 'test',
  node: 'v22',
  commit: 'abc',
  memorySource: 'test',
  loadAverage: '0.00',
  tools: [],
};

/** Measured outcomes hold positive, finite numbers; others say why in words. */
function expectWellFormed(outcome: Outcome): void {
  if (outcome.kind === 'measured') {
    expect(outcome.samples.length).toBeGreaterThan(0);
    for (const n of outcome.samples) expect(Number.isFinite(n) && n >= 0).toBe(true);
  } else {
    expect(outcome.reason.length).toBeGreaterThan(0);
  }
}

function tableRows(markdown: string): string[] {
  return markdown.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---') && !l.startsWith('| figure '));
}

function expectReportHasEveryRow(sections: readonly Section[]): void {
  const table = sections.map((s) => renderTable(s.figures)).join('\n');
  const expected = sections.flatMap((s) => s.figures.flatMap(figureRows)).length;
  expect(tableRows(table)).toHaveLength(expected);
  for (const s of sections) for (const f of s.figures) expect(table).toContain(f.name.replace(/\|/g, '\\|'));
}

function figure(sections: readonly Section[], id: string): Figure {
  const found = sections.flatMap((s) => s.figures).find((f) => f.id === id);
  if (!found) throw new Error(`no figure ${id}`);
  return found;
}

describe('report', () => {
  const sample: Figure = {
    id: 'x.wall',
    name: 'wall | time',
    unit: 'ms',
    ours: { kind: 'measured', samples: [300, 100, 200] },
    peers: [
      { name: 'fast peer', outcome: { kind: 'measured', samples: [400] }, goal: { kind: 'ratio', op: '<=', value: 0.8 } },
      { name: 'slow peer', outcome: { kind: 'measured', samples: [100] }, goal: { kind: 'ratio', op: '<=', value: 1.5 } },
      { name: 'broken peer', outcome: { kind: 'failed', reason: 'out of memory' } },
    ],
    goal: { kind: 'absolute', op: '<', value: 500 },
  };

  it('shows the median, the range, the ratio and whether each goal is met', () => {
    const rows = figureRows(sample);
    expect(rows).toHaveLength(3);
    expect(rows[0]![1]).toBe('200 ms (100–300 ms, n=3)');
    expect(rows[0]![4]).toBe('0.50×');
    expect(rows[0]![5]).toBe('< 500 ms; ≤ 0.8×');
    expect(rows[0]![6]).toBe('yes; yes');
    expect(rows[1]![4]).toBe('2.00×');
    expect(rows[1]![6]).toBe('no');
    expect(rows[2]![3]).toBe('failed: out of memory');
    expect(rows[2]![4]).toBe('—');
  });

  it('renders n/a with its reason and keeps the layout when numbers change', () => {
    const missing: Figure = { ...sample, ours: { kind: 'n/a', reason: 'generator not ready' } };
    const a = renderReport({ machine, quick: true, command: 'x', sections: [{ title: 'S', notes: ['n'], figures: [sample] }] });
    const b = renderReport({ machine, quick: true, command: 'x', sections: [{ title: 'S', notes: ['n'], figures: [missing] }] });
    expect(b).toContain('n/a (generator not ready)');
    expect(tableRows(a).map((r) => r.split(' | ')[0])).toEqual(tableRows(b).map((r) => r.split(' | ')[0]));
    expect(a).toContain('wall \\| time');
  });
});

describe('compile error counting', () => {
  it('counts tsc diagnostics, not the lines around them', () => {
    const output = [
      "out/a.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.",
      '  The expected type comes from property x.',
      "out/b.ts(9,1): error TS2304: Cannot find name 'foo'.",
      'Found 2 errors.',
    ].join('\n');
    expect(parseCompileErrors(output)).toEqual({ count: 2, first: output.split('\n')[0] });
    expect(parseCompileErrors('')).toEqual({ count: 0 });
  });
});

describe('figures from other benchmark modules', () => {
  const bench = {
    title: 'Webhooks',
    module: 'bench/does-not-exist.ts',
    exportName: 'run',
    notes: [],
    defaultGoals: [{ peer: /constructEventAsync/, goal: { kind: 'ratio', op: '>=', value: 1.35 } as const }],
  };

  it('reads loose shapes and applies the issue goals to per-second figures', () => {
    const [section] = normalizeExternal([{ name: 'Stripe verifications', unit: 'verifications/s', ours: [1000, 1200], peers: { 'stripe constructEventAsync': 800 } }], bench);
    const f = section!.figures[0]!;
    expect(f.unit).toBe('per-second');
    expect(central(f.ours)).toBe(1100);
    expect(f.peers[0]!.goal).toEqual({ kind: 'ratio', op: '>=', value: 1.35 });
    expect(figureRows(f)[0]![6]).toBe('yes');
  });

  it('turns a missing module into an n/a row', async () => {
    const sections = await runExternalBench(bench, { quick: true });
    expect(sections[0]!.figures[0]!.ours).toEqual({ kind: 'n/a', reason: 'bench/does-not-exist.ts is not available yet' });
  });
});

describe('quick benchmarks', () => {
  it('measures the Worker bundles of the peers', SLOW, async () => {
    const sections = await runBundleBench({ quick: true });
    const gz = figure(sections, 'bundle.gzip');
    const min = figure(sections, 'bundle.minified');
    expectWellFormed(gz.ours);
    const sizes = gz.peers.map((p) => central(p.outcome));
    for (const size of sizes) expect(size).toBeGreaterThan(0);
    // The SDK carries every resource; the hand-written peers carry one call.
    const [stripe, openapiFetch, bare] = sizes as number[];
    expect(stripe).toBeGreaterThan(openapiFetch!);
    expect(openapiFetch).toBeGreaterThan(bare!);
    min.peers.forEach((p, i) => expect(central(p.outcome)).toBeGreaterThan(sizes[i]!));
    expectReportHasEveryRow(sections);
  });

  it('runs openapi-typescript as a child process and counts compile errors in its output', SLOW, async () => {
    const sections = await runGenerationBench({ quick: true, tools: ['openapi-typescript'], scratch: benchScratch.generation });
    const wall = figure(sections, 'generation.quick.wall');
    const rss = figure(sections, 'generation.quick.rss');
    expect(wall.peers).toHaveLength(1);
    expect(central(wall.peers[0]!.outcome)).toBeGreaterThan(0);
    expect(central(rss.peers[0]!.outcome)).toBeGreaterThan(1024 * 1024);
    const errors = figure(sections, 'generation.errors');
    expect(errors.peers).toHaveLength(1);
    // openapi-typescript's output for these files compiles clean; an empty or missing output
    // folder would show here as TS18003 ("No inputs were found").
    expect(central(errors.peers[0]!.outcome)).toBe(0);
    expect(wall.ours.kind).toBe('n/a');
    expectReportHasEveryRow(sections);
  });

  it('type-checks the stripe package consumer with tsgo', SLOW, async () => {
    const sections = await runTypecheckBench({ quick: true, checkers: ['tsgo'], cases: ['stripe-sdk'], scratch: benchScratch.typecheck });
    const wall = figure(sections, 'typecheck.tsgo.wall');
    expect(wall.peers.map((p) => p.name)).toEqual(['stripe package types (23.1.0)']);
    expect(central(wall.peers[0]!.outcome)).toBeGreaterThan(0);
    expect(central(figure(sections, 'typecheck.tsgo.rss').peers[0]!.outcome)).toBeGreaterThan(1024 * 1024);
    expectReportHasEveryRow(sections);
  });

  it('writes a report through the command line', SLOW, () => {
    const out = path.join(scratch, 'quick.md');
    const run = spawnSync(process.execPath, ['bench/run.js', '--quick', '--only', 'bundle', '--no-generate', '--out', out], { cwd: projectRoot, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const report = readFileSync(out, 'utf8');
    expect(report).toMatch(/\| Node \| v\d+/);
    expect(report).toContain('## Worker bundle');
    expect(report).not.toContain('## Generation');
    const bundleTable = report.slice(report.indexOf('## Worker bundle'));
    // Two figures, each with a row per peer (three peers).
    expect(tableRows(bundleTable)).toHaveLength(6);
  });

  it('rejects an unknown benchmark name', () => {
    expect(() => parseCli(['--only', 'nope'])).toThrow(/unknown benchmark/);
    expect(parseCli(['--quick'])).toMatchObject({ quick: true, out: path.join(projectRoot, 'bench', '.work', 'BENCHMARKS.quick.md') });
  });
});
