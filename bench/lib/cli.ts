// `npm run bench` (= node bench/run.js): runs the benchmarks in a fixed order and writes the
// report. A failure of ours (a benchmark that throws, or any figure whose `ours` failed) still
// gets its row, with why, and makes the exit code 1, so CI notices without ever judging a timing;
// a peer's failure is a recorded result.
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runBundleBench } from '../bundle.ts';
import { runGenerationBench } from '../generation.ts';
import { runScalingBench } from '../scaling.ts';
import { runTypecheckBench } from '../typecheck.ts';
import { failureReason, runNode, succeeded } from './child.ts';
import { runExternalBench, type ExternalBench } from './external.ts';
import { failed, type BenchOptions, type Section } from './figure.ts';
import { describeMachine } from './machine.ts';
import { projectRoot, workRoot } from './paths.ts';
import { renderReport } from './report.ts';
import { tidyReason } from './series.ts';
import { oursFailures } from './verdict.ts';
import { SVCGEN_CLI } from './svcgen.ts';

export const PIPELINE_BENCH: ExternalBench = {
  title: 'Per-call overhead',
  module: 'bench/pipeline-overhead.ts',
  exportName: 'runPipelineOverhead',
  notes: [
    "From `bench/pipeline-overhead.ts`: a generated operation through the whole policy pipeline against bare openapi-fetch and raw fetch, and against openapi-fetch through svcgen's pipeline alone (ours in two layers; no goal), same loopback server, same run.",
  ],
  // The goal is against bare openapi-fetch only; the pipeline-only contender is a part of ours.
  defaultGoals: [{ peer: /^bare openapi-fetch$/i, goal: { kind: 'ratio', op: '>=', value: 0.95 } }],
};

export const WEBHOOK_BENCH: ExternalBench = {
  title: 'Webhook verifications',
  module: 'bench/webhooks.ts',
  exportName: 'runWebhookBench',
  notes: ['From `bench/webhooks.ts`: verifications per second of a valid delivery, ours against the official libraries and bare WebCrypto.'],
  defaultGoals: [
    { peer: /constructEventAsync/i, goal: { kind: 'ratio', op: '>=', value: 1.35 } },
    { peer: /@sendgrid\/eventwebhook/i, goal: { kind: 'ratio', op: '>=', value: 30 } },
  ],
};

export const BENCHMARKS = ['generation', 'typecheck', 'bundle', 'pipeline', 'webhooks', 'scaling'] as const;
export type BenchmarkName = (typeof BENCHMARKS)[number];

export interface CliOptions extends BenchOptions {
  readonly only: readonly BenchmarkName[];
  readonly out: string;
  /** Refresh generated/ (what the type-check and bundle consumers import) first. */
  readonly refreshGenerated: boolean;
}

const USAGE = `Usage: node bench/run.js [--quick] [--runs N] [--only NAME,...] [--out FILE] [--no-generate]

  --quick        each benchmark once on tiny inputs (CI keeps the scripts working; numbers mean nothing)
  --runs N       runs per generation and type-check figure (default 3 and 9; 1 with --quick);
                 the per-call (9 rounds) and webhook (5 samples) benchmarks keep their own
  --only NAMES   a subset of: ${BENCHMARKS.join(', ')}
  --out FILE     report path (default BENCHMARKS.md; bench/.work/BENCHMARKS.quick.md with --quick);
                 the scaling charts go to bench/scaling-*.svg (bench/.work/ with --quick)
  --no-generate  do not refresh generated/ with 'svcgen generate' first`;

export function parseCli(argv: readonly string[]): CliOptions | { help: string } {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      only: { type: 'string' },
      out: { type: 'string' },
      generate: { type: 'boolean', default: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowNegative: true,
    strict: true,
  });
  if (values.help) return { help: USAGE };
  const only = values.only ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : [...BENCHMARKS];
  const unknown = only.filter((name) => !(BENCHMARKS as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`unknown benchmark(s): ${unknown.join(', ')}\n\n${USAGE}`);
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  if (runs !== undefined && !(Number.isInteger(runs) && runs > 0)) throw new Error(`--runs wants a positive integer, not '${values.runs}'`);
  const out = path.resolve(projectRoot, values.out ?? (values.quick ? path.join(workRoot, 'BENCHMARKS.quick.md') : 'BENCHMARKS.md'));
  return { quick: values.quick, only: only as BenchmarkName[], out, refreshGenerated: values.generate, ...(runs !== undefined ? { runs } : {}) };
}

/**
 * `svcgen generate` (every pinned vendor) into the default generated/: the consumers import one
 * vendor's output each, and a vendor whose inputs did not change is skipped, so when up to date
 * this is a no-op.
 */
async function refreshGenerated(): Promise<string> {
  const result = await runNode(SVCGEN_CLI, ['generate'], { cwd: projectRoot, timeoutMs: 600_000 });
  if (succeeded(result)) return '`generated/` was refreshed by `svcgen generate` before measuring.';
  return `Refreshing \`generated/\` failed (${tidyReason(failureReason(result))}); whatever it held was measured.`;
}

function withNote(sections: Section[], note: string | undefined): Section[] {
  if (!note) return sections;
  return sections.map((s) => ({ ...s, notes: [...s.notes, note] }));
}

function crashed(title: string, err: unknown): Section {
  const message = tidyReason((err as Error)?.message ?? String(err)).split('\n')[0] ?? 'unknown error';
  return { title, notes: [], figures: [{ id: `${title}.crashed`, name: title, unit: 'count', ours: failed(`the benchmark crashed: ${message}`), peers: [] }] };
}

export interface BenchRun {
  readonly sections: readonly Section[];
  readonly report: string;
  /** Why the run failed: one line per figure whose `ours` failed (a crash is one of them). */
  readonly failures: readonly string[];
}

export async function runBenchmarks(options: CliOptions, log: (line: string) => void = () => {}): Promise<BenchRun> {
  const machine = await describeMachine();
  const sections: Section[] = [];
  const wants = (name: BenchmarkName) => options.only.includes(name);
  const needsGenerated = wants('typecheck') || wants('bundle');
  let generatedNote: string | undefined;
  if (needsGenerated && options.refreshGenerated) {
    log('refreshing generated/ ...');
    generatedNote = await refreshGenerated();
  }
  const steps: [BenchmarkName, string, () => Promise<Section[]>][] = [
    ['generation', 'Generation', () => runGenerationBench(options)],
    ['typecheck', 'Type-check of a consumer', async () => withNote(await runTypecheckBench(options), generatedNote)],
    ['bundle', 'Worker bundle', async () => withNote(await runBundleBench(options), generatedNote)],
    ['pipeline', PIPELINE_BENCH.title, () => runExternalBench(PIPELINE_BENCH, options)],
    ['webhooks', WEBHOOK_BENCH.title, () => runExternalBench(WEBHOOK_BENCH, options)],
    ['scaling', 'Scaling with spec size', () => runScalingBench({ ...options, chartDir: options.quick ? workRoot : path.join(projectRoot, 'bench'), reportDir: path.dirname(options.out) }, log)],
  ];
  for (const [name, title, step] of steps) {
    if (!wants(name)) continue;
    const started = performance.now();
    log(`${name} ...`);
    try {
      sections.push(...(await step()));
    } catch (err) {
      log(`${name} crashed: ${(err as Error)?.stack ?? String(err)}`);
      sections.push(crashed(title, err));
    }
    log(`${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const command = options.quick ? 'node bench/run.js --quick' : 'npm run bench';
  return { sections, report: renderReport({ machine, quick: options.quick, command, sections }), failures: oursFailures(sections) };
}

export async function main(argv: readonly string[]): Promise<number> {
  let options: CliOptions | { help: string };
  try {
    options = parseCli(argv);
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}\n`);
    return 2;
  }
  if ('help' in options) {
    process.stdout.write(options.help + '\n');
    return 0;
  }
  const started = performance.now();
  const result = await runBenchmarks(options, (line) => process.stderr.write(`bench: ${line}\n`));
  mkdirSync(path.dirname(options.out), { recursive: true });
  writeFileSync(options.out, result.report);
  process.stderr.write(`bench: wrote ${path.relative(projectRoot, options.out)} in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  for (const line of result.failures) process.stderr.write(`bench: FAILED (ours): ${line}\n`);
  return result.failures.length ? 1 : 0;
}
