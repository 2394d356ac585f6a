// Repeated cold runs of one generator: a fresh process and a fresh output folder each time, wall
// time and peak memory per run. The first failure ends the series and becomes the result.
import { rmSync } from 'node:fs';
import { failureReason, runNode, succeeded, type ChildResult } from './child.ts';
import { failed, measured, notAvailable, type Outcome } from './figure.ts';
import { formatValue } from './format.ts';
import { projectRoot } from './paths.ts';
import type { Invocation } from '../peers/tool.ts';

export interface Series {
  readonly wall: Outcome;
  readonly rss: Outcome;
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
  /** Our own tool: a failure means "not ready yet" (n/a) rather than a peer's recorded failure. */
  readonly ours?: boolean;
  /** Run `i` (from 0): the command and its output folder, which is emptied first unless `keepOut`. */
  /** Reads a number from a successful run's stdout; collected in `Series.inner`. */
  readonly inner?: (stdout: string) => number | undefined;
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

export async function runSeries(plan: SeriesPlan): Promise<Series> {
  const walls: number[] = [];
  const rss: number[] = [];
  const inner: number[] = [];
  let outDir: string | undefined;
  for (let i = 0; i < plan.runs; i++) {
    const step = plan.step(i);
    if (!step.keepOut) rmSync(step.outDir, { recursive: true, force: true });
    const result = await runNode(step.invocation.script, step.invocation.args, {
      cwd: plan.cwd,
      timeoutMs: plan.timeoutMs,
      ...(step.invocation.env ? { env: step.invocation.env } : {}),
    });
    if (!succeeded(result)) {
      const reason = describeFailure(result, plan.timeoutMs);
      const outcome = plan.ours ? notAvailable(reason) : failed(reason);
      return { wall: outcome, rss: outcome, failure: reason };
    }
    walls.push(result.wallMs);
    if (result.maxRssBytes !== undefined) rss.push(result.maxRssBytes);
    const reported = plan.inner?.(result.stdout);
    if (reported !== undefined) inner.push(reported);
    outDir = step.outDir;
  }
  return {
    wall: measured(walls),
    rss: rss.length === walls.length ? measured(rss) : notAvailable('peak memory could not be read'),
    ...(outDir ? { outDir } : {}),
    ...(inner.length ? { inner } : {}),
  };
}
