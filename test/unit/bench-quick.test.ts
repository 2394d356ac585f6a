// The benchmark scripts in quick mode: the cheap pieces run for real and must produce well-formed
// figures and a report with a row for every figure; every figure of ours must be measured (a
// failure of ours fails the run). No timing is ever compared with a bound.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CANCELLABLE, PIPELINE_ONLY } from '../../bench/per-call/fixture.ts';
import { runBundleBench } from '../../bench/bundle.ts';
import { runGenerationBench } from '../../bench/generation.ts';
import { parseCli } from '../../bench/lib/cli.ts';
import { normalizeExternal, runExternalBench } from '../../bench/lib/external.ts';
import { central, type Figure, type Outcome, type Section } from '../../bench/lib/figure.ts';
import type { Machine } from '../../bench/lib/machine.ts';
import { projectRoot, scratchDir } from '../../bench/lib/paths.ts';
import { figureRows, misses, renderReport, renderTable } from '../../bench/lib/report.ts';
import { runInterleaved, type SeriesPlan } from '../../bench/lib/series.ts';
import { oursFailures } from '../../bench/lib/verdict.ts';
import type { PerCallFixture } from '../../bench/per-call/fixture.ts';
import { checkRequests, prepareContender, SCENARIOS } from '../../bench/per-call/measure.ts';
import { runPipelineOverhead, startServer } from '../../bench/pipeline-overhead.ts';
import { CATEGORIES } from '../../bench/per-call/profile.ts';
import { runWebhookBench } from '../../bench/webhooks.ts';
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

  it('renders n/a with its reason and keeps the tables\' layout when numbers change', () => {
    const missing: Figure = { ...sample, ours: { kind: 'n/a', reason: 'generator not ready' } };
    const a = renderReport({ machine, quick: true, command: 'x', sections: [{ title: 'S', notes: ['n'], figures: [sample] }] });
    const b = renderReport({ machine, quick: true, command: 'x', sections: [{ title: 'S', notes: ['n'], figures: [missing] }] });
    expect(b).toContain('n/a (generator not ready)');
    // The tables of figures; the list of missed goals after them depends on the numbers by design.
    const tables = (report: string) => tableRows(report.includes('## Goals not met') ? report.slice(0, report.indexOf('## Goals not met')) : report);
    expect(tables(a).map((r) => r.split(' | ')[0])).toEqual(tables(b).map((r) => r.split(' | ')[0]));
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

  it('keeps the rows a peer names as the least its goal\'s work needs and as its control', () => {
    const [section] = normalizeExternal(
      [
        {
          name: 'verifications',
          unit: 'per-second',
          ours: [90],
          peers: [{ name: 'sdk', outcome: [100], bound: 'floor', control: 'sdk again' }, { name: 'floor', outcome: [95] }, { name: 'sdk again', outcome: [98] }],
        },
      ],
      bench,
    );
    expect(section!.figures[0]!.peers.map((p) => p.bound)).toEqual(['floor', undefined, undefined]);
    expect(section!.figures[0]!.peers.map((p) => p.control)).toEqual(['sdk again', undefined, undefined]);
  });

  it('judges no goal on a control row, even one whose name a goal rule matches', () => {
    const [section] = normalizeExternal(
      [
        {
          name: 'verifications',
          unit: 'per-second',
          ours: [90],
          peers: [
            { name: 'stripe constructEventAsync', outcome: [100], control: 'stripe constructEventAsync, timed again' },
            { name: 'stripe constructEventAsync, timed again', outcome: [101] },
          ],
        },
      ],
      bench,
    );
    expect(section!.figures[0]!.peers.map((p) => p.goal)).toEqual([{ kind: 'ratio', op: '>=', value: 1.35 }, undefined]);
    expect(misses(section ? [section] : []).map((m) => m.peer)).toEqual(['stripe constructEventAsync']);
  });

  it('turns a missing module into a failed row of ours, which fails the run', async () => {
    const sections = await runExternalBench(bench, { quick: true });
    expect(sections[0]!.figures[0]!.ours).toEqual({ kind: 'failed', reason: 'bench/does-not-exist.ts is missing' });
    expect(oursFailures(sections)).toEqual(['Webhooks: Webhooks: bench/does-not-exist.ts is missing']);
  });

  it('counts a figure of ours that a module could not measure as a failure', () => {
    const [section] = normalizeExternal([{ name: 'verifications', unit: 'per-second', ours: 'module not ready', peers: { sdk: 10 } }], bench);
    expect(section!.figures[0]!.ours.kind).toBe('failed');
  });
});

describe('run verdict', () => {
  const ok: Outcome = { kind: 'measured', samples: [1] };
  const section = (ours: Outcome, peer: Outcome): Section => ({ title: 'S', notes: [], figures: [{ id: 'f', name: 'F', unit: 'ms', ours, peers: [{ name: 'p', outcome: peer }] }] });

  it('fails on a failure of ours and records a peer\'s failure as a result', () => {
    expect(oursFailures([section(ok, { kind: 'failed', reason: 'out of memory' })])).toEqual([]);
    expect(oursFailures([section({ kind: 'failed', reason: 'crashed' }, ok)])).toEqual(['S: F: crashed']);
    expect(oursFailures([section({ kind: 'measured', samples: [] }, ok)])).toEqual(['S: F: no samples']);
    expect(oursFailures([section({ kind: 'n/a', reason: 'not selected' }, ok)])).toEqual([]);
  });
});

describe('interleaved series', () => {
  it('takes run i of every tool before run i + 1 of any, reversing the order each run; a failure ends only its own series', SLOW, async () => {
    const dir = mkdtempSync(path.join(scratch, 'series-'));
    const log = path.join(dir, 'order.log');
    const script = path.join(dir, 'tool.mjs');
    // Appends its name; "fails" exits 1 on its second run; each burns a little CPU.
    writeFileSync(
      script,
      `import { appendFileSync, readFileSync, existsSync } from 'node:fs';
const [name, file] = process.argv.slice(2);
const before = existsSync(file) ? readFileSync(file, 'utf8').split(' ').filter((n) => n === name).length : 0;
appendFileSync(file, name + ' ');
let x = 0; for (let i = 0; i < 2e7; i++) x += i;
if (name === 'fails' && before === 1) process.exit(1);
`,
    );
    const plan = (name: string): SeriesPlan => ({ runs: 3, cwd: dir, timeoutMs: 30_000, step: () => ({ invocation: { script, args: [name, log] }, outDir: path.join(dir, name) }) });
    const [a, b, fails] = await runInterleaved([plan('a'), plan('b'), plan('fails')]);
    expect(readFileSync(log, 'utf8').trim().split(' ')).toEqual(['a', 'b', 'fails', 'fails', 'b', 'a', 'a', 'b']);
    expect(a!.wall.kind === 'measured' && a!.wall.samples).toHaveLength(3);
    expect(b!.cpu.kind === 'measured' && b!.cpu.samples.every((ms) => ms > 0)).toBe(true);
    expect(fails!.wall).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/^exit code 1\b/) });
  });
});

describe('goals not met', () => {
  const paired: Figure = {
    id: 'p.rps',
    name: 'req/s',
    unit: 'per-second',
    paired: true,
    ours: { kind: 'measured', samples: [90, 100, 80] },
    peers: [
      { name: 'bare', outcome: { kind: 'measured', samples: [100, 100, 100] }, goal: { kind: 'ratio', op: '>=', value: 0.95 } },
      { name: 'raw', outcome: { kind: 'measured', samples: [50, 50, 50] }, goal: { kind: 'ratio', op: '>=', value: 1.5 } },
    ],
  };

  it('lists each missed goal with its medians, the shortfall and the spread of the paired samples', () => {
    expect(misses([{ title: 'S', notes: [], figures: [paired] }])).toEqual([
      { figure: 'req/s', peer: 'bare', goal: '≥ 0.95×', measured: '0.90×', by: '5.3 % under', pairs: '0.80×–1.00× (n=3)', bound: '—', control: '—' },
    ]);
    const report = renderReport({ machine, quick: false, command: 'x', sections: [{ title: 'S', notes: [], figures: [paired] }] });
    expect(report).toContain('## Goals not met in this run');
    expect(report).toContain('| req/s | bare | ≥ 0.95× | 0.90× | 5.3 % under | 0.80×–1.00× (n=3) | — | — |');
    expect(renderReport({ machine, quick: true, command: 'x', sections: [{ title: 'S', notes: [], figures: [paired] }] })).not.toContain('## Goals not met');
  });

  it('reports a miss with the row that does only the work the goal requires, when the peer names one', () => {
    const bounded: Figure = {
      ...paired,
      peers: [
        { ...paired.peers[0]!, bound: 'least' },
        { name: 'least', outcome: { kind: 'measured', samples: [92, 92, 96] } },
      ],
    };
    const [miss] = misses([{ title: 'S', notes: [], figures: [bounded] }]);
    // least ÷ bare = 92/100; ours ÷ least = 90/92.
    expect(miss!.bound).toBe('"least" ÷ peer 0.92×; ours ÷ it 0.98×');
    // A bound naming no row of the figure (or an unmeasured one) says nothing rather than guessing.
    const dangling: Figure = { ...bounded, peers: [{ ...paired.peers[0]!, bound: 'absent' }] };
    expect(misses([{ title: 'S', notes: [], figures: [dangling] }])[0]!.bound).toBe('—');
    const unmeasured: Figure = { ...bounded, peers: [bounded.peers[0]!, { name: 'least', outcome: { kind: 'failed', reason: 'x' } }] };
    expect(misses([{ title: 'S', notes: [], figures: [unmeasured] }])[0]!.bound).toBe('—');
  });

  it('reports a miss with how far the peer\'s own code run again strays from it, when the peer names a control', () => {
    const controlled: Figure = {
      ...paired,
      peers: [
        { ...paired.peers[0]!, control: 'bare again' },
        { name: 'bare again', outcome: { kind: 'measured', samples: [104, 97, 90] } },
      ],
    };
    // Per round: 104/100, 97/100, 90/100; the median of those and their range.
    expect(misses([{ title: 'S', notes: [], figures: [controlled] }])[0]!.control).toBe('"bare again" ÷ peer 0.97× per round (0.90×–1.04×, n=3)');
    // Unpaired samples: the ratio of the medians only.
    expect(misses([{ title: 'S', notes: [], figures: [{ ...controlled, paired: false }] }])[0]!.control).toBe('"bare again" ÷ peer 0.97×');
    // A control naming no row, or an unmeasured one, says nothing.
    expect(misses([{ title: 'S', notes: [], figures: [{ ...controlled, peers: [controlled.peers[0]!] }] }])[0]!.control).toBe('—');
    const unmeasured: Figure = { ...controlled, peers: [controlled.peers[0]!, { name: 'bare again', outcome: { kind: 'failed', reason: 'x' } }] };
    expect(misses([{ title: 'S', notes: [], figures: [unmeasured] }])[0]!.control).toBe('—');
  });

  it('says so when every goal was met, and shows no pair spread for unpaired samples', () => {
    const met: Figure = { ...paired, ours: { kind: 'measured', samples: [100] }, paired: false };
    expect(renderReport({ machine, quick: false, command: 'x', sections: [{ title: 'S', notes: [], figures: [{ ...met, peers: [met.peers[0]!] }] }] })).toContain(
      'Every goal whose two sides were measured was met.',
    );
    expect(misses([{ title: 'S', notes: [], figures: [{ ...paired, paired: false }] }])[0]!.pairs).toBe('—');
  });
});

describe('per-call benchmark', () => {
  /** A fixture over the loopback server: ours and two peers, their POST bodies as given. */
  function fakeFixture(peerBody: string, oursBreaks = false, otherPeerBody = 'a=1'): PerCallFixture {
    const send = (url: string, body?: string) => async () => {
      if (oursBreaks && body === undefined) throw new Error('broken on purpose');
      const res = await fetch(url, body === undefined ? {} : { method: 'POST', body, headers: { 'content-type': 'text/plain' } });
      return res.json();
    };
    return {
      describe: { get: 'g', post: 'p' },
      contenders: (url) => ({
        ours: { name: 'ours', get: send(`${url}/x`), post: send(`${url}/x`, 'a=1') },
        peers: [
          { name: 'peer', get: async () => (await fetch(`${url}/x`)).json(), post: send(`${url}/x`, peerBody) },
          { name: 'other', get: async () => (await fetch(`${url}/x`)).json(), post: send(`${url}/x`, otherPeerBody) },
        ],
      }),
    };
  }

  it('times a peer only when it sends the bytes ours sends, and fails ours when no peer does', SLOW, async () => {
    const { url, child } = await startServer();
    try {
      const same = await checkRequests(fakeFixture('a=1'), url);
      expect(same.peerFailures).toEqual({});
      expect(same.timed).toEqual(['ours', 'peer', 'other']);
      const different = await checkRequests(fakeFixture('a=2'), url);
      expect(different.peerFailures['peer']).toMatch(/its POST differs from ours.*"body": "a=2"/);
      expect(different.timed).toEqual(['ours', 'other']);
      await expect(checkRequests(fakeFixture('a=2', false, 'a=3'), url)).rejects.toThrow(/no peer sends the requests ours sends/);
      await expect(checkRequests(fakeFixture('a=1', true), url)).rejects.toThrow('broken on purpose');
      // One contender prepared alone: a sample of every scenario on request, loopback and in-memory.
      const sample = await prepareContender(fakeFixture('a=1'), url, 'peer', 1);
      for (const s of SCENARIOS) expect((await sample(s.id, 5)).perSecond).toBeGreaterThan(0);
      await expect(sample('no.such', 5)).rejects.toThrow(/no per-call scenario "no.such"/);
      await expect(prepareContender(fakeFixture('a=1'), url, 'nobody', 1)).rejects.toThrow(/no contender named "nobody"/);
    } finally {
      child.kill();
    }
  });

  it('measures the generated operations and the peers, the same requests on the wire', SLOW, async () => {
    const section = await runPipelineOverhead({ quick: true });
    expect(oursFailures([section])).toEqual([]);
    // Per loopback scenario: rate, CPU and main-thread CPU; per in-memory scenario: the two CPU figures.
    expect(section.figures).toHaveLength(4 * 3 + 2 * 2);
    for (const f of section.figures) {
      expect(f.ours.kind).toBe('measured');
      expectWellFormed(f.ours);
      expect(f.peers.map((p) => p.name)).toEqual(['bare openapi-fetch', CANCELLABLE, PIPELINE_ONLY, 'raw fetch', 'bare openapi-fetch again, in processes of its own']);
      for (const p of f.peers) expect(p.outcome.kind, JSON.stringify(p.outcome)).toBe('measured');
    }
    expect(Object.keys(section.ratios)).toEqual(['get.seq', 'get.par16', 'post.seq', 'post.par16']);
    expect(section.figures.filter((f) => f.id.includes('memory')).map((f) => f.unit)).toEqual(['count', 'count', 'count', 'count']);
    // The ceiling each 1-in-flight figure runs into, from this run's in-memory and loopback figures.
    expect(section.notes.filter((n) => /in-memory transport, ours' CPU per call minus bare openapi-fetch's is [+−]\d+ µs/.test(n))).toHaveLength(2);
    // Ours split in two layers by the pipeline-only contender: rate ratios per loopback scenario, CPU per in-memory one.
    expect(section.notes.find((n) => n.startsWith('Ours in two layers'))?.match(/pipeline ÷ bare \d\.\d{3}/g)).toHaveLength(4);
    expect(section.notes.find((n) => n.startsWith('Main-thread CPU per call each layer adds'))?.match(/the pipeline [+−]\d+ µs, the client on top [+−]\d+ µs/g)).toHaveLength(2);
    // What cancelling alone costs, by the cancellable contender: rate ratios per loopback scenario, CPU per in-memory one.
    const cancelling = section.notes.find((n) => n.startsWith('What cancelling costs'));
    expect(cancelling?.match(/cancellable ÷ bare \d\.\d{3}/g)).toHaveLength(4);
    expect(cancelling?.match(/ours ÷ cancellable \d\.\d{3}/g)).toHaveLength(4);
    expect(cancelling?.match(/in-memory transport: [+−]\d+ µs/g)).toHaveLength(2);
    // A missed goal against bare openapi-fetch is reported beside the cancellable row (PeerFigure.bound) and bare's
    // second set of processes (PeerFigure.control), on the rate figures only.
    for (const f of section.figures) {
      expect(f.peers[0]!.bound).toBe(f.id.endsWith('.rps') ? CANCELLABLE : undefined);
      expect(f.peers[0]!.control).toBe(f.id.endsWith('.rps') ? 'bare openapi-fetch again, in processes of its own' : undefined);
      expect(f.peers.slice(1).every((p) => p.bound === undefined && p.control === undefined)).toBe(true);
    }
    // The resolution of the run: bare's second set of processes against its first, per loopback scenario.
    expect(section.notes.find((n) => n.startsWith("The measurement's resolution"))?.match(/(get|post)\.(seq|par16) \d\.\d{3}/g)).toHaveLength(4);
    // Where ours' extra GET time goes, by the sampling profiler: every group, each with ours' own figure; bare runs none of svcgen's code.
    const profile = section.notes.find((n) => n.startsWith("Where ours' extra CPU goes"));
    for (const group of CATEGORIES) expect(profile).toContain(`${group} `);
    const own = /svcgen's runtime and generated code \+(\d+\.\d) \(ours (\d+\.\d)\)/.exec(profile ?? '');
    expect(own?.[1]).toBe(own?.[2]);
    expect(Number(own?.[2])).toBeGreaterThan(0);
  });

  it('fails the run (exit 1, a failed row) when ours fails', SLOW, () => {
    const dir = mkdtempSync(path.join(scratch, 'fixture-'));
    const fixture = path.join(dir, 'broken.ts');
    writeFileSync(
      fixture,
      `const broken = async () => { throw new Error('ours broken on purpose'); };
export const fixture = { describe: { get: 'g', post: 'p' }, contenders: () => ({ ours: { name: 'ours', get: broken, post: broken }, peers: [] }) };
`,
    );
    const out = path.join(scratch, 'broken.md');
    const run = spawnSync(process.execPath, ['bench/run.js', '--quick', '--only', 'pipeline', '--no-generate', '--out', out], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, PIPELINE_BENCH_FIXTURE: fixture },
    });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain('FAILED (ours)');
    expect(readFileSync(out, 'utf8')).toMatch(/\| failed: .*Error: ours broken on purpose/);
  });

  it('times only the scenarios PIPELINE_BENCH_SCENARIOS names, skips the profile on PIPELINE_BENCH_PROFILE=0, and refuses an unknown scenario', SLOW, () => {
    const bench = (env: Record<string, string>, out: string) =>
      spawnSync(process.execPath, ['bench/run.js', '--quick', '--only', 'pipeline', '--no-generate', '--out', out], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, ...env } });
    const one = path.join(scratch, 'one-scenario.md');
    const run = bench({ PIPELINE_BENCH_SCENARIOS: 'get.seq', PIPELINE_BENCH_PROFILE: '0' }, one);
    expect(run.status, run.stderr).toBe(0);
    const report = readFileSync(one, 'utf8');
    expect(report).toContain('| Requests per second, GET, 1 in flight |');
    expect(report).not.toMatch(/16 in flight|keyed POST|in-memory transport \|/);
    expect(report).not.toContain("Where ours' extra CPU goes");
    const wrong = bench({ PIPELINE_BENCH_SCENARIOS: 'get.seq,get.never' }, path.join(scratch, 'wrong-scenario.md'));
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toContain('PIPELINE_BENCH_SCENARIOS: no per-call scenario "get.never"');
  });

  it('spreads each contender’s blocks over PIPELINE_BENCH_PROCESSES processes of its own, the control included, and refuses 0 processes', SLOW, () => {
    const dir = mkdtempSync(path.join(scratch, 'processes-'));
    const fixture = path.join(dir, 'pids.ts');
    const log = path.join(dir, 'calls.log');
    // Every GET writes which contender made it from which process, so the test sees where the calls ran.
    writeFileSync(
      fixture,
      `import { appendFileSync } from 'node:fs';
const call = (url: string, name: string, body?: string) => async () => {
  if (!body) appendFileSync(${JSON.stringify(log)}, name + ' ' + process.pid + '\\n');
  const res = await fetch(url + '/x', body ? { method: 'POST', body, headers: { 'content-type': 'text/plain' } } : {});
  return res.json();
};
const contender = (url: string, name: string) => ({ name, get: call(url, name), post: call(url, name, 'a=1') });
export const fixture = { describe: { get: 'g', post: 'p' }, contenders: (url: string) => ({ ours: contender(url, 'ours'), peers: [contender(url, 'bare openapi-fetch')] }) };
`,
    );
    const out = path.join(scratch, 'processes.md');
    // One round of 200 calls in 4 blocks of 50; warm-up 50 calls per scenario in each process.
    const env = { PIPELINE_BENCH_FIXTURE: fixture, PIPELINE_BENCH_SCENARIOS: 'get.seq', PIPELINE_BENCH_PROFILE: '0', PIPELINE_BENCH_PROCESSES: '2', PIPELINE_BENCH_BLOCKS: '4' };
    const run = spawnSync(process.execPath, ['bench/run.js', '--quick', '--only', 'pipeline', '--no-generate', '--out', out], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, ...env } });
    expect(run.status, run.stderr).toBe(0);
    const calls = new Map<string, number>();
    for (const line of readFileSync(log, 'utf8').trim().split('\n')) calls.set(line, (calls.get(line) ?? 0) + 1);
    // Per process that was timed: 50 warm-up calls, then 2 of the 4 blocks of 50. The control is a
    // second pair of processes running bare's code; the check process made one GET of each contender.
    const timed = (name: string) => [...calls].filter(([line, n]) => line.startsWith(`${name} `) && n > 50).map(([, n]) => n);
    expect(timed('ours')).toEqual([150, 150]);
    expect(timed('bare openapi-fetch')).toEqual([150, 150, 150, 150]);
    expect(readFileSync(out, 'utf8')).toContain('each contender in 2 child process(es) of its own');
    const none = spawnSync(process.execPath, ['bench/run.js', '--quick', '--only', 'pipeline', '--no-generate', '--out', path.join(scratch, 'no-processes.md')], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, ...env, PIPELINE_BENCH_PROCESSES: '0' },
    });
    expect(none.status).not.toBe(0);
    expect(none.stderr).toContain('PIPELINE_BENCH_PROCESSES: "0" is not a whole number of processes (1 or more)');
  });
});

describe('webhook benchmark', () => {
  it('measures every verifier of ours and every peer', SLOW, async () => {
    const section = await runWebhookBench({ quick: true });
    expect(oursFailures([section])).toEqual([]);
    for (const f of section.figures) {
      expect(f.ours.kind).toBe('measured');
      for (const p of f.peers) expect(p.outcome.kind).toBe('measured');
    }
    // Each goal against an SDK gets its ceiling, bare WebCrypto ÷ that SDK, and what the least work and the complete verifier reach against it, from this run.
    expect(section.notes.join('\n')).toMatch(
      /bare ÷ stripe constructEventAsync .*\d\.\d\d×, verify \+ encode \+ parse ÷ it \d\.\d\d×, the complete verifier ÷ it \d\.\d\d×; .*bare ÷ @sendgrid\/eventwebhook verifySignature \d+\.\d\d×, verify \+ encode \+ parse ÷ it \d+\.\d\d×, the complete verifier ÷ it \d+\.\d\d×/,
    );
    // Every scheme has a rate figure and a main-thread CPU figure of the same contenders.
    const rates = section.figures.filter((f) => f.unit === 'per-second');
    expect(rates).toHaveLength(3);
    for (const rate of rates) {
      const cpu = section.figures.find((f) => f.id === `${rate.id}.main-cpu`);
      expect(cpu?.peers.map((p) => p.name)).toEqual(rate.peers.map((p) => p.name));
      expectWellFormed(cpu!.ours);
    }
    // ...and the main thread's CPU the least work, the complete verifier and ours each add, for every scheme, from this run.
    expect(section.notes.join('\n')).toMatch(
      new RegExp(`Main-thread CPU per verification \\(medians of the CPU rows\\): ${rates.map((f) => `${f.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: bare WebCrypto \\d+\\.\\d µs of its \\d+ µs per verification, the least work [+−]\\d+\\.\\d µs over it, the complete verifier [+−]\\d+\\.\\d µs over the least work, ours [+−]\\d+\\.\\d µs over the complete verifier`).join('; ')}\\.`),
    );
    // And what the least work and the complete verifier add to the signature alone, and ours to the complete verifier, for every scheme, from this run.
    expect(section.notes.join('\n')).toMatch(
      new RegExp(
        `What the work of a verifier that returns the event costs in this run \\(medians\\): ${rates.map((f) => `${f.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: verify \\+ encode \\+ parse ÷ verify alone \\d\\.\\d\\d×, the complete verifier ÷ verify alone \\d\\.\\d\\d×, ours ÷ the complete verifier \\d\\.\\d\\d×`).join('; ')}\\.`,
      ),
    );
    // Every goal row names the complete verifier as its bound and its own second row as its control, both measured in the same figure.
    for (const f of rates) {
      const goals = f.peers.filter((peer) => peer.goal);
      for (const p of goals) {
        expect(p.bound, `${f.name}: ${p.name}`).toMatch(/^a complete verifier written inline: /);
        expect(f.peers.find((peer) => peer.name === p.bound)?.outcome.kind).toBe('measured');
        expect(p.control, `${f.name}: ${p.name}`).toBe(`${p.name}, timed again as a row of its own`);
        expect(f.peers.find((peer) => peer.name === p.control)?.outcome.kind).toBe('measured');
      }
      // ...and the resolution note gives that row's ratio for each of them.
      for (const p of goals) expect(section.notes.join('\n')).toContain(`${f.name}, ${p.name}: `);
    }
    expectReportHasEveryRow([section]);
  });
});

describe('quick benchmarks', () => {
  it('measures the Worker bundles of the peers', SLOW, async () => {
    const sections = await runBundleBench({ quick: true });
    const gz = figure(sections, 'bundle.gzip');
    const min = figure(sections, 'bundle.minified');
    expect(gz.ours.kind).toBe('measured');
    expectWellFormed(gz.ours);
    const sizes = gz.peers.map((p) => central(p.outcome));
    for (const size of sizes) expect(size).toBeGreaterThan(0);
    // The SDK carries every resource; the hand-written peers carry one call.
    const [stripe, openapiFetch, bare] = sizes as number[];
    expect(stripe).toBeGreaterThan(openapiFetch!);
    expect(openapiFetch).toBeGreaterThan(bare!);
    min.peers.forEach((p, i) => expect(central(p.outcome)).toBeGreaterThan(sizes[i]!));
    // Where our gzip bytes go: openapi-fetch and the policies are charged something, and the goal's
    // remainder is stated.
    const notes = sections[0]!.notes.join('\n');
    expect(notes).toMatch(/Marginal gzip cost .*openapi-fetch \d+(\.\d+)? KiB/);
    expect(notes).toMatch(/Marginal gzip cost .*policies \(runtime\/pipeline\.ts, runtime\/policy\/\*\) \d+(\.\d+)? KiB/);
    expect(notes).toMatch(/Against the 8\.0 KiB goal: openapi-fetch and the webhook verification together cost \d/);
    expect(notes).toMatch(/openapi-fetch, the webhook verification and the policies as written \(what the goal keeps\) together cost \d+(\.\d+)? KiB .*: \d+(\.\d+)? KiB (over|under) the goal/);
    expectReportHasEveryRow(sections);
  });

  it('runs ours and openapi-typescript as child processes and counts compile errors in both outputs', SLOW, async () => {
    const sections = await runGenerationBench({ quick: true, tools: ['svcgen', 'openapi-typescript'], scratch: benchScratch.generation });
    // A failure of ours anywhere in the generation benchmark fails this test.
    expect(oursFailures(sections)).toEqual([]);
    const wall = figure(sections, 'generation.quick.wall');
    const cpu = figure(sections, 'generation.quick.cpu');
    const rss = figure(sections, 'generation.quick.rss');
    expect(wall.peers).toHaveLength(1);
    for (const f of [wall, cpu, rss]) {
      expect(f.ours.kind).toBe('measured');
      expect(central(f.ours)).toBeGreaterThan(0);
      expect(central(f.peers[0]!.outcome)).toBeGreaterThan(0);
    }
    expect(central(rss.peers[0]!.outcome)).toBeGreaterThan(1024 * 1024);
    const errors = figure(sections, 'generation.errors');
    expect(errors.peers).toHaveLength(1);
    // Both outputs compile clean; an empty or missing output folder would show here as TS18003
    // ("No inputs were found").
    expect(central(errors.ours)).toBe(0);
    expect(central(errors.peers[0]!.outcome)).toBe(0);
    expect(figure(sections, 'regeneration.wall').ours.kind).toBe('measured');
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
