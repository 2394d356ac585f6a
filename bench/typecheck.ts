// Type-check benchmark: a consumer making the same ten Stripe calls on our generated client, on
// the official `stripe` package, and on openapi-fetch over openapi-typescript's types, each
// compiled alone by tsc (typescript 5.9) and by tsgo (@typescript/native-preview).
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode, succeeded, type ChildResult } from './lib/child.ts';
import { compare, failed, measured, median, notAvailable, runsFor, type BenchOptions, type Figure, type Goal, type Outcome, type Section } from './lib/figure.ts';
import { formatRatio } from './lib/format.ts';
import { projectRoot, scratchDir, specInputs } from './lib/paths.ts';
import { alternatingOrder } from './lib/order.ts';
import { formatGoal, pairRatios } from './lib/report.ts';
import { tidyReason } from './lib/series.ts';
import { checkerScript, parseCompileErrors, runChecker, STRICT_CONSUMER_OPTIONS, writeTsconfig, type Checker } from './lib/typescript.ts';
import { openapiTypescript } from './peers/openapi-typescript.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'typecheck');
const GENERATED_STRIPE = path.join(projectRoot, 'generated', 'stripe');
const CHECK_TIMEOUT_MS = 300_000;

export type TypecheckCase = 'ours' | 'stripe-sdk' | 'openapi-fetch';

export interface TypecheckOptions extends BenchOptions {
  readonly checkers?: readonly Checker[];
  readonly cases?: readonly TypecheckCase[];
}

const LABELS: Record<Exclude<TypecheckCase, 'ours'>, string> = {
  'stripe-sdk': 'stripe package types (23.1.0)',
  'openapi-fetch': 'openapi-fetch + openapi-typescript types',
};

const GOALS: Partial<Record<TypecheckCase, Goal>> = { 'stripe-sdk': { kind: 'ratio', op: '<=', value: 0.8 } };

interface CaseResult {
  readonly wall: Outcome;
  readonly rss: Outcome;
}

/** openapi-typescript's Stripe types next to the copied consumer, in place of the stand-in. */
async function prepareOpenapiTypes(scratch: string): Promise<string | undefined> {
  const outDir = path.join(scratch, 'openapi-typescript');
  const invocation = openapiTypescript.invocation(specInputs('stripe'), outDir);
  const result = await runNode(invocation.script, invocation.args, { cwd: scratch, timeoutMs: CHECK_TIMEOUT_MS });
  if (!succeeded(result)) return `openapi-typescript failed on Stripe's spec (exit ${result.exitCode})`;
  writeFileSync(path.join(scratch, 'stripe-paths.ts'), "export type { paths } from './openapi-typescript/spec3.ts';\n");
  return undefined;
}

/** The runtime's declaration files, fresh: a consumer reads `svcgen/runtime` through them. */
async function buildRuntimeDeclarations(): Promise<string | undefined> {
  const result = await runNode(checkerScript('tsgo'), ['-p', path.join(projectRoot, 'tsconfig.types.json')], { cwd: projectRoot, timeoutMs: CHECK_TIMEOUT_MS });
  return succeeded(result) ? undefined : `the runtime's declaration files did not build (exit ${result.exitCode})`;
}

function prepareCase(scratch: string, name: TypecheckCase): string {
  copyFileSync(path.join(FIXTURES, `${name}.ts`), path.join(scratch, `${name}.ts`));
  return writeTsconfig(path.join(scratch, `tsconfig.${name}.json`), {
    compilerOptions: { ...STRICT_CONSUMER_OPTIONS, allowImportingTsExtensions: true },
    files: [`${name}.ts`],
  });
}

/**
 * Ours ÷ each peer with a goal, run by run (each run checks every consumer back to back): the
 * spread of those ratios and in how many runs the goal held, so one slow sample shows as one.
 */
function pairSpread(figure: Figure, cases: readonly TypecheckCase[], judge: boolean): string[] {
  const lines: string[] = [];
  for (const c of cases) {
    const goal = c === 'ours' ? undefined : GOALS[c];
    const peer = c === 'ours' ? undefined : figure.peers.find((p) => p.name === LABELS[c]);
    const ratios = peer ? pairRatios(figure, peer) : undefined;
    if (!goal || !peer || !ratios?.length) continue;
    const held = ratios.filter((r) => compare(r, goal.op, goal.value)).length;
    // Quick runs judge no goal (one tiny sample says nothing about it).
    const verdict = judge ? `; ${formatGoal(figure.unit, goal)} held in ${held} of ${ratios.length} runs` : '';
    lines.push(`${figure.name}, ours ÷ ${peer.name} per run: median ${formatRatio(median(ratios))} (${formatRatio(Math.min(...ratios))}–${formatRatio(Math.max(...ratios))}, n=${ratios.length})${verdict}.`);
  }
  return lines;
}

function errorsOf(result: ChildResult): { count: number; first?: string } {
  return parseCompileErrors(`${result.stdout}\n${result.stderr}`);
}

/** One check of one consumer: its wall time and peak memory, or why it measures nothing. */
async function checkOnce(tsconfig: string, checker: Checker): Promise<{ wallMs: number; rssBytes?: number } | { failure: string }> {
  const result = await runChecker(checker, tsconfig, { timeoutMs: CHECK_TIMEOUT_MS });
  if (result.timedOut) return { failure: `${checker} did not finish within ${CHECK_TIMEOUT_MS / 1000} s` };
  const errors = errorsOf(result);
  if (errors.count > 0 || result.exitCode !== 0) {
    // A consumer that does not compile measures nothing comparable.
    return { failure: `the consumer does not compile: ${errors.count} error(s)${errors.first ? `, first: ${tidyReason(errors.first).slice(0, 160)}` : ''}` };
  }
  return { wallMs: result.wallMs, ...(result.maxRssBytes !== undefined ? { rssBytes: result.maxRssBytes } : {}) };
}

/**
 * The consumers of one checker interleaved: run i of each before run i + 1 of any, the order
 * reversed from one run to the next, so none always runs first. A failure ends that consumer's runs.
 */
async function measureCases(checker: Checker, tsconfigs: ReadonlyMap<TypecheckCase, string>, runs: number): Promise<Map<TypecheckCase, CaseResult>> {
  const names = [...tsconfigs.keys()];
  const tallies = names.map(() => ({ walls: [] as number[], rss: [] as number[], failure: undefined as string | undefined }));
  for (let i = 0; i < runs; i++) {
    for (const k of alternatingOrder(names.length, i)) {
      const tally = tallies[k]!;
      if (tally.failure !== undefined) continue;
      const run = await checkOnce(tsconfigs.get(names[k]!)!, checker);
      if ('failure' in run) {
        tally.failure = run.failure;
        continue;
      }
      tally.walls.push(run.wallMs);
      if (run.rssBytes !== undefined) tally.rss.push(run.rssBytes);
    }
  }
  return new Map(
    names.map((name, k) => {
      const t = tallies[k]!;
      if (t.failure !== undefined) return [name, { wall: failed(t.failure), rss: failed(t.failure) }];
      return [name, { wall: measured(t.walls), rss: t.rss.length === t.walls.length ? measured(t.rss) : notAvailable('peak memory could not be read') }];
    }),
  );
}

export async function runTypecheckBench(options: TypecheckOptions): Promise<Section[]> {
  // Nine: the median then stands unless five runs are slow, and the per-run ratios show any that were.
  const runs = runsFor(options, 9);
  const checkers = options.checkers ?? (['tsc', 'tsgo'] as const);
  const cases = options.cases ?? (['ours', 'stripe-sdk', 'openapi-fetch'] as const);
  // Same depth below the root as FIXTURES, so the consumers' relative imports resolve the same.
  const scratch = scratchDir(options.scratch ?? 'typecheck');
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });

  const unavailable = new Map<TypecheckCase, string>();
  if (cases.includes('ours') && !existsSync(GENERATED_STRIPE)) unavailable.set('ours', 'generated/stripe is missing: run `npm run generate`');
  if (cases.includes('ours') && !unavailable.has('ours')) {
    const problem = await buildRuntimeDeclarations();
    if (problem) unavailable.set('ours', problem);
  }
  if (cases.includes('openapi-fetch')) {
    const problem = await prepareOpenapiTypes(scratch);
    if (problem) unavailable.set('openapi-fetch', problem);
  }
  const tsconfigs = new Map(cases.filter((c) => !unavailable.has(c)).map((c) => [c, prepareCase(scratch, c)] as const));

  const results = new Map<string, CaseResult>();
  for (const checker of checkers) {
    const measuredCases = await measureCases(checker, tsconfigs, runs);
    for (const name of cases) {
      const why = unavailable.get(name);
      const outcome = why ? failed(why) : undefined;
      results.set(`${checker}:${name}`, outcome ? { wall: outcome, rss: outcome } : (measuredCases.get(name) ?? { wall: notAvailable('not run'), rss: notAvailable('not run') }));
    }
  }

  const figures: Figure[] = [];
  for (const checker of checkers) {
    for (const which of ['wall', 'rss'] as const) {
      const peers = cases
        .filter((c): c is Exclude<TypecheckCase, 'ours'> => c !== 'ours')
        .map((c) => {
          const goal = GOALS[c];
          return { name: LABELS[c], outcome: results.get(`${checker}:${c}`)![which], ...(goal && which === 'wall' && !options.quick ? { goal } : {}) };
        });
      const ours = cases.includes('ours') ? results.get(`${checker}:ours`)![which] : notAvailable('not selected');
      const command = checker === 'tsc' ? 'tsc --noEmit (typescript 5.9)' : 'tsgo --noEmit (native preview)';
      figures.push({
        id: `typecheck.${checker}.${which}`,
        name: `${command}: ${which === 'wall' ? 'wall time' : 'peak memory'}`,
        unit: which === 'wall' ? 'ms' : 'bytes',
        paired: true,
        ours,
        peers,
      });
    }
  }
  return [
    {
      title: 'Type-check of a consumer',
      notes: [
        'Consumers: `bench/fixtures/typecheck/*.ts`, the same ten Stripe calls (customers create/retrieve/list, PaymentIntent create/confirm, refund, prices list, subscription create, invoice retrieve with expand, Checkout Session create), each compiled alone.',
        'Settings: strict, skipLibCheck, moduleResolution bundler, lib ES2023 + DOM. The openapi-fetch consumer compiles against openapi-typescript\'s output for Stripe\'s spec, generated in the same run.',
        'Ours reads what a consumer outside this repository reads: `svcgen/runtime` through its declaration files (package.json `types` condition, rebuilt by `npm run build:types` before measuring), the generated `operations.d.ts` and `types.d.ts`, and the small `client.ts` as source.',
        `Wall time of the whole process (start-up included) and its peak memory; ${runs} run(s) each, run i of every consumer before run i + 1 of any, the order reversed each run. A consumer with compile errors is not timed.`,
        ...figures.filter((f) => f.id.endsWith('.wall')).flatMap((f) => pairSpread(f, cases, !options.quick)),
      ],
      figures,
    },
  ];
}
