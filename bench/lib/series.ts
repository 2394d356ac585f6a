// Repeated cold runs of generators: a fresh process and a fresh output folder each time; wall
// time, peak memory and CPU time per run. The first failure ends a series and becomes its result.
import { rmSync } from 'node:fs';
import { failureReason, runNode, succeeded, type ChildResult } from './child.ts';
import { failed, measured, notAvailable, type Outcome } from './figure.ts';
import { formatValue } from './format.ts';
import { alternatingOrder } from './order.ts';
import { projectRoot } from './paths.ts';
import type { Invocation } from '../peers/tool.ts';

export interface Series {
  readonly wall: Outcome;
  readonly rss: Outcome;
  /** User + system CPU time of the tool's process tree (worker threads included). */
  readonly cpu: Outcome;
  /** The output folder of the last successful run, to compile. */
  readonly outDir?: string;
  readonly failure?: string;
  /** What `inner` read from each run's stdout (e.g. the time the tool reports for its own work). */
  readonly inner?: readonly number[];
}

export interface SeriesPlan {
  readonly runs: number;
  readonly cwd: string;
  readonly timeoutMs: number;
  /** Reads a number from a successful run's stdout; collected in `Series.inner`. */
  readonly inner?: (stdout: string) => number | undefined;
  /** Run `i` (from 0): the command and its output folder, which is emptied first unless `keepOut`. */
  readonly step: (i: number) => { readonly invocation: Invocation; readonly outDir: string; readonly keepOut?: boolean };
}

/** Absolute paths make reasons long and machine-specific; the project root is enough context. */
export function tidyReason(reason: string): string {
  return reason.split(projectRoot).join('.');
}

function describeFailure(result: ChildResult, timeoutMs: number): string {
  const peak = result.maxRssBytes ? `, peak RSS ${formatValue('bytes', result.maxRssBytes)}` : '';
  if (result.timedOut) return `did not finish within ${Math.round(timeoutMs / 1000)} s${peak}`;
  return tidyReason(failureReason(result)) + peak;
}

interface Tally {
  walls: number[];
  rss: number[];
  cpu: number[];
  inner: number[];
  outDir?: string;
  failure?: string;
}

function toSeries(t: Tally): Series {
  if (t.failure !== undefined) {
    const outcome = failed(t.failure);
    return { wall: outcome, rss: outcome, cpu: outcome, failure: t.failure };
  }
  return {
    wall: measured(t.walls),
    rss: t.rss.length === t.walls.length ? measured(t.rss) : notAvailable('peak memory could not be read'),
    cpu: t.cpu.length === t.walls.length ? measured(t.cpu) : notAvailable('CPU time could not be read'),
    ...(t.outDir ? { outDir: t.outDir } : {}),
    ...(t.inner.length ? { inner: t.inner } : {}),
  };
}

/**
 * Several tools on the same input, interleaved: run i of every plan before run i + 1 of any,
 * in an order reversed from one run to the next, so no tool always runs first (on a cooler cache
 * or a quieter machine). A plan's first failure ends its series and becomes its result.
 */
export async function runInterleaved(plans: readonly SeriesPlan[]): Promise<Series[]> {
  const tallies: Tally[] = plans.map(() => ({ walls: [], rss: [], cpu: [], inner: [] }));
  const most = Math.max(0, ...plans.map((p) => p.runs));
  for (let i = 0; i < most; i++) {
    for (const k of alternatingOrder(plans.length, i)) {
      const plan = plans[k]!;
      const tally = tallies[k]!;
      if (i >= plan.runs || tally.failure !== undefined) continue;
      const step = plan.step(i);
      if (!step.keepOut) rmSync(step.outDir, { recursive: true, force: true });
      const result = await runNode(step.invocation.script, step.invocation.args, {
        cwd: plan.cwd,
        timeoutMs: plan.timeoutMs,
        ...(step.invocation.env ? { env: step.invocation.env } : {}),
      });
      if (!succeeded(result)) {
        tally.failure = describeFailure(result, plan.timeoutMs);
        continue;
      }
      tally.walls.push(result.wallMs);
      if (result.maxRssBytes !== undefined) tally.rss.push(result.maxRssBytes);
      if (result.cpuMs !== undefined) tally.cpu.push(result.cpuMs);
      const reported = plan.inner?.(result.stdout);
      if (reported !== undefined) tally.inner.push(reported);
      tally.outDir = step.outDir;
    }
  }
  return tallies.map(toSeries);
}

export async function runSeries(plan: SeriesPlan): Promise<Series> {
  return (await runInterleaved([plan]))[0]!;
}
