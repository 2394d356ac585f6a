// The corpus's batch accounting when a compiler run does not finish: bisection against a fake
// checker that fails any run containing a given (spec, stage) pair, and the capped process runner
// against real child processes that overrun their time or memory.
import { describe, expect, it } from 'vitest';
import { checkBisecting, unfinishedDiagnostic, type Checker } from '../../../bench/corpus/bisect.ts';
import { GIB, ProcessIncomplete, runCapped } from '../../../bench/corpus/capped-process.ts';
import type { CheckStage } from '../../../bench/corpus/typecheck.ts';

const ALL: CheckStage[] = ['types', 'zod', 'ots'];
const ids = Array.from({ length: 11 }, (_, i) => `dir/spec-${i}.json`);

/** Fails (as a killed compiler would) any run that includes one of `heavy`; else one diagnostic per pair. */
function fakeChecker(heavy: { id: string; stage: CheckStage; reason?: 'memory' | 'timeout' }[]) {
  const calls: { ids: string[]; stages: CheckStage[] }[] = [];
  const check: Checker = async (part, stages) => {
    calls.push({ ids: part, stages });
    const hit = heavy.find((h) => part.includes(h.id) && stages.includes(h.stage));
    if (hit) throw new ProcessIncomplete(hit.reason ?? 'memory', hit.reason === 'timeout' ? 'tsgo did not finish within 240 s (peak 1.0 GiB)' : 'tsgo ran out of memory (peak 8.1 GiB over the 8.0 GiB cap, after 31 s)', 8.1 * GIB);
    return part.flatMap((id) => stages.map((stage) => ({ id, stage, file: `${id}/x.ts`, text: `${id} ${stage}`, cause: 'TS2339' })));
  };
  return { check, calls };
}

describe('checkBisecting', () => {
  it('makes one run and charges nothing when the batch finishes', async () => {
    const fake = fakeChecker([]);
    const result = await checkBisecting(ids, ALL, fake.check);
    expect(result.runs).toBe(1);
    expect(result.unfinished).toEqual([]);
    expect(result.diagnostics).toHaveLength(ids.length * ALL.length);
  });

  it('charges only the spec and stage that does not finish alone; every other pair is checked once', async () => {
    const fake = fakeChecker([{ id: ids[7]!, stage: 'ots' }]);
    const result = await checkBisecting(ids, ALL, fake.check);
    expect(result.unfinished).toEqual([{ id: ids[7], stage: 'ots', kind: 'memory', reason: expect.stringContaining('ran out of memory (peak 8.1 GiB') }]);
    const pairs = result.diagnostics.map((d) => `${d.id} ${d.stage}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(pairs).toHaveLength(ids.length * ALL.length - 1);
    expect(pairs).toContain(`${ids[7]} types`);
    expect(pairs).toContain(`${ids[7]} zod`);
    // 11 → 6 → 3 → 2 → 1 halvings with their passing siblings, then the three stages of the one spec.
    expect(result.runs).toBe(fake.calls.length);
    expect(result.runs).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(ids.length)) + 1 + ALL.length);
  });

  it('finds two culprits in different halves, each with its own reason', async () => {
    const fake = fakeChecker([{ id: ids[0]!, stage: 'types', reason: 'timeout' }, { id: ids[10]!, stage: 'zod' }]);
    const result = await checkBisecting(ids, ALL, fake.check);
    expect(result.unfinished.map((u) => [u.id, u.stage, u.kind])).toEqual([[ids[0], 'types', 'timeout'], [ids[10], 'zod', 'memory']]);
    expect(result.diagnostics).toHaveLength(ids.length * ALL.length - 2);
  });

  it('charges nobody when only the whole batch is too much and every half finishes', async () => {
    let first = true;
    const check: Checker = async (part, stages) => {
      if (first) {
        first = false;
        throw new ProcessIncomplete('timeout', 'tsgo did not finish within 240 s', 0);
      }
      return part.flatMap((id) => stages.map((stage) => ({ id, stage, file: '', text: '', cause: '' })));
    };
    const result = await checkBisecting(ids, ALL, check);
    expect(result.runs).toBe(3);
    expect(result.unfinished).toEqual([]);
    expect(result.diagnostics).toHaveLength(ids.length * ALL.length);
  });

  it('does not bisect an error that is not the compiler failing to finish', async () => {
    const check: Checker = async () => {
      throw new Error('harness bug');
    };
    await expect(checkBisecting(ids, ALL, check)).rejects.toThrow('harness bug');
  });

  it('charges an unfinished pair with a cause grouped by kind and the peak kept in the text', () => {
    const d = unfinishedDiagnostic({ id: 'a', stage: 'ots', kind: 'memory', reason: 'tsgo ran out of memory (peak 8.1 GiB over the 8.0 GiB cap, after 31 s)' });
    expect(d.cause).toBe('type-check did not finish: tsgo ran out of memory');
    expect(d.text).toContain('peak 8.1 GiB');
    expect(unfinishedDiagnostic({ id: 'a', stage: 'types', kind: 'cpu', reason: 'tsgo did not finish within 600 s of CPU time (812 s wall, peak 1.2 GiB)' }).cause).toBe('type-check did not finish: tsgo did not finish within 600 s of CPU time');
  });
});

describe('runCapped', () => {
  const node = process.execPath;

  it('returns stdout of a process that exits non-zero with output (a compiler reporting errors)', async () => {
    await expect(runCapped(node, ['-e', 'console.log("a.ts(1,1): error TS1: x"); process.exit(2)'], { cwd: process.cwd(), timeoutMs: 20_000, memoryCapBytes: 0, name: 'fake' })).resolves.toContain('error TS1');
  });

  it('kills a process above the memory cap and reports its peak', async () => {
    // Holds ever more touched memory until killed; the cap (200 MiB) is far under what it would take.
    const hog = 'const a = []; setInterval(() => a.push(Buffer.alloc(32 * 1024 * 1024, 1)), 20);';
    const error = await runCapped(node, ['-e', hog], { cwd: process.cwd(), timeoutMs: 30_000, memoryCapBytes: 200 * 1024 ** 2, name: 'fake', sampleMs: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProcessIncomplete);
    expect((error as ProcessIncomplete).reason).toBe('memory');
    expect((error as ProcessIncomplete).peakBytes).toBeGreaterThan(200 * 1024 ** 2);
    expect((error as Error).message).toMatch(/^fake ran out of memory \(peak \d+\.\d GiB over the 0\.2 GiB cap/);
  });

  it('kills a process that overruns its time', async () => {
    const error = await runCapped(node, ['-e', 'setInterval(() => {}, 1000)'], { cwd: process.cwd(), timeoutMs: 500, memoryCapBytes: 0, name: 'fake' }).catch((e: unknown) => e);
    expect((error as ProcessIncomplete).reason).toBe('timeout');
    expect((error as Error).message).toMatch(/^fake did not finish within 0\.5 s wall-clock/);
  });

  it('kills a process that uses more CPU time than allowed, however long the wall clock', async () => {
    const error = await runCapped(node, ['-e', 'for (;;) {}'], { cwd: process.cwd(), timeoutMs: 60_000, cpuLimitMs: 400, memoryCapBytes: 0, name: 'fake', sampleMs: 50 }).catch((e: unknown) => e);
    expect((error as ProcessIncomplete).reason).toBe('cpu');
    expect((error as Error).message).toMatch(/^fake did not finish within 0\.4 s of CPU time \(\d+ s wall, peak/);
  });

  it('does not count time spent waiting against the CPU limit', async () => {
    await expect(runCapped(node, ['-e', 'setTimeout(() => console.log("done"), 1200)'], { cwd: process.cwd(), timeoutMs: 60_000, cpuLimitMs: 1000, memoryCapBytes: 0, name: 'fake', sampleMs: 50 })).resolves.toContain('done');
  });

  it('reports a crash with no output as not finished', async () => {
    const error = await runCapped(node, ['-e', 'console.error("boom"); process.exit(3)'], { cwd: process.cwd(), timeoutMs: 20_000, memoryCapBytes: 0, name: 'fake' }).catch((e: unknown) => e);
    expect((error as ProcessIncomplete).reason).toBe('crashed');
    expect((error as Error).message).toBe('fake exited with code 3 and no diagnostics: boom');
  });
});

describe('checkBisecting with specs checked alone', () => {
  it('checks the others together and each lone spec stage by stage, charging only a lone stage that does not finish', async () => {
    const fake = fakeChecker([{ id: ids[3]!, stage: 'zod' }]);
    const result = await checkBisecting(ids, ALL, fake.check, undefined, new Set([ids[3]!]));
    expect(fake.calls[0]!.ids).toEqual(ids.filter((id) => id !== ids[3]));
    expect(fake.calls.slice(1)).toEqual(ALL.map((stage) => ({ ids: [ids[3]], stages: [stage] })));
    expect(result.unfinished.map((u) => [u.id, u.stage])).toEqual([[ids[3], 'zod']]);
    expect(result.diagnostics).toHaveLength(ids.length * ALL.length - 1);
  });
});
