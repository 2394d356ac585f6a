// Where a contender's CPU time goes in one per-call scenario, by V8's sampling profiler: each
// sample's time is charged to the function that was running (self time), and functions are
// grouped by where they come from. The profiler's own interruptions inflate every group, so the
// figures say where time goes relative to the other contender, not what a call costs unprofiled.
import { Session } from 'node:inspector/promises';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../lib/paths.ts';

/** One sample every 100 µs: a few thousand per second-long run, at a cost the figures carry alike. */
export const PROFILE_INTERVAL_MICROS = 100;

/** The groups, in report order. */
export const CATEGORIES = [
  "svcgen's runtime and generated code",
  'openapi-fetch',
  "undici (Node's fetch and its HTTP parser)",
  'timers',
  'promise jobs (microtasks)',
  'garbage collector',
  'native functions (socket writes, buffers, …)',
  'other Node internals (streams, events, …)',
  'V8 and native, unattributed',
  'other JavaScript',
] as const;
export type Category = (typeof CATEGORIES)[number];
/** Category → self time per call, µs. */
export type Breakdown = Record<Category, number>;

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const ours = [`${pathToFileURL(projectRoot).href}/runtime/`, `${pathToFileURL(projectRoot).href}/generated/`];

/** The group of a sampled function; undefined for idle time, which is not CPU. */
export function categoryOf({ functionName, url }: CallFrame): Category | undefined {
  if (functionName === '(idle)') return undefined;
  if (functionName === '(garbage collector)') return 'garbage collector';
  if (functionName === '(program)' || functionName === '(root)') return 'V8 and native, unattributed';
  if (ours.some((prefix) => url.startsWith(prefix))) return "svcgen's runtime and generated code";
  if (url.includes('/node_modules/openapi-fetch/')) return 'openapi-fetch';
  if (url === 'node:internal/deps/undici/undici' || url.startsWith('wasm://')) return "undici (Node's fetch and its HTTP parser)";
  if (url === 'node:internal/timers' || url === 'node:timers') return 'timers';
  if (functionName === 'runMicrotasks' || url === 'node:internal/process/task_queues') return 'promise jobs (microtasks)';
  if (url === '') return 'native functions (socket writes, buffers, …)';
  if (url.startsWith('node:')) return 'other Node internals (streams, events, …)';
  return 'other JavaScript';
}

/** Self time per call of each group over a profile of `calls` calls. */
export function breakdownOf(profile: CpuProfile, calls: number): Breakdown {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const totals = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Breakdown;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id);
    const category = frame && categoryOf(frame);
    if (category) totals[category] += profile.timeDeltas[i] ?? 0;
  });
  for (const c of CATEGORIES) totals[c] /= calls;
  return totals;
}

/** Runs `run` (which makes `calls` calls) under the sampling profiler, one sample every `intervalMicros`. */
export async function profiled(run: () => Promise<unknown>, calls: number, intervalMicros: number): Promise<Breakdown> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: intervalMicros });
    await session.post('Profiler.start');
    const ran = await run().then(
      () => undefined,
      (error: unknown) => ({ error }),
    );
    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    if (ran) throw ran.error;
    return breakdownOf(profile, calls);
  } finally {
    session.disconnect();
  }
}
