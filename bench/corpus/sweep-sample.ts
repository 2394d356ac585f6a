// A seeded sample of directory specs for the Prism stage's `--prism-ids`, drawn afresh by a rule
// anyone can rerun: specs outside the test sample with `min`..`max` operations, shuffled by the
// seed, then the first spec of each provider (the first path segment) until `count` are chosen, so
// one provider's many specs cannot fill the sample. Usage:
//   node --conditions svcgen-source bench/corpus/sweep-sample.ts SEED [COUNT] [MIN] [MAX]
// prints the ids comma-separated (for --prism-ids) and, on stderr, how many and their operations.
import { readFileSync } from 'node:fs';
import { directorySpecs, sampleSpecs, type CorpusSpec } from './specs.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Operations a spec declares: methods under its path items. */
export function operationCount(document: { paths?: Record<string, unknown> }): number {
  let count = 0;
  for (const item of Object.values(document.paths ?? {})) {
    if (item && typeof item === 'object') for (const method of METHODS) if (method in item) count++;
  }
  return count;
}

/** mulberry32: a small seeded generator, so the same seed draws the same sample anywhere. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SweepOptions {
  seed: number;
  count: number;
  min: number;
  max: number;
}

/** `candidates` with their operation counts, in path order; the sample drawn from them by the rule above. */
export function sweepSample(candidates: { spec: CorpusSpec; operations: number }[], options: SweepOptions): { spec: CorpusSpec; operations: number }[] {
  const pool = candidates.filter((c) => c.operations >= options.min && c.operations <= options.max).sort((a, b) => (a.spec.id < b.spec.id ? -1 : 1));
  const next = random(options.seed);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  const providers = new Set<string>();
  const chosen: { spec: CorpusSpec; operations: number }[] = [];
  for (const candidate of pool) {
    if (chosen.length >= options.count) break;
    const provider = candidate.spec.id.split('/')[1]!.replace(/\.json$/, '');
    if (providers.has(provider)) continue;
    providers.add(provider);
    chosen.push(candidate);
  }
  return chosen;
}

if (import.meta.main) {
  const [seed, count = '60', min = '5', max = '80'] = process.argv.slice(2);
  if (seed === undefined || !/^\d+$/.test(seed)) {
    process.stderr.write('Usage: node --conditions svcgen-source bench/corpus/sweep-sample.ts SEED [COUNT] [MIN] [MAX]\n');
    process.exit(2);
  }
  const inSample = new Set(sampleSpecs().map((spec) => spec.id));
  const candidates = directorySpecs()
    .filter((spec) => !inSample.has(spec.id))
    .map((spec) => ({ spec, operations: operationCount(JSON.parse(readFileSync(spec.file, 'utf8'))) }));
  const chosen = sweepSample(candidates, { seed: Number(seed), count: Number(count), min: Number(min), max: Number(max) });
  process.stderr.write(`sweep sample: seed ${seed}, ${chosen.length} specs (asked ${count}) with ${min}-${max} operations, ${chosen.reduce((n, c) => n + c.operations, 0)} operations\n`);
  process.stdout.write(`${chosen.map((c) => c.spec.id).join(',')}\n`);
}
