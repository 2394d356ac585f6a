// Which directory specs the scaling bench generates: a size-spread subset of the corpus sample
// (the corpus's own quantile rule, fewer points) plus the largest spec, by bytes, of each provider
// folder the issue names. Each spec's size is its bytes and its operation count (path × method).
import { readFileSync } from 'node:fs';
import { HTTP_METHODS } from '../generator/model/operations.ts';
import { chooseSample, directorySpecs, sampleSpecs, type CorpusSpec } from './corpus/specs.ts';

/** Provider folders of the directory whose largest spec the issue asks about. */
export const LARGEST_OF = ['github.com', 'azure.com', 'amazonaws.com'] as const;

/** Points of the size quantiles taken from the corpus sample (the 3.1 rule of chooseSample adds a few). */
const SUBSET_POINTS = 20;

export interface ScalingSpec extends CorpusSpec {
  /** Operations in the spec: HTTP methods under `paths`, counted the same way for every tool. */
  readonly operations: number;
  /** Why it is in the set: `sample` or `largest under <folder>/`. */
  readonly role: string;
}

/** HTTP methods under `paths` (Swagger 2.0 and OpenAPI 3.x alike). */
export function countOperations(document: unknown): number {
  const paths = (document as { paths?: unknown } | null)?.paths;
  if (typeof paths !== 'object' || paths === null) return 0;
  let count = 0;
  for (const item of Object.values(paths)) {
    if (typeof item !== 'object' || item === null) continue;
    for (const method of HTTP_METHODS) if (method in item) count++;
  }
  return count;
}

/** The largest spec (bytes; then id) whose id starts with `dir/<folder>/`. */
export function largestUnder(specs: readonly CorpusSpec[], folder: string): CorpusSpec | undefined {
  const prefix = `dir/${folder}/`;
  return specs.filter((s) => s.id.startsWith(prefix)).sort((a, b) => b.bytes - a.bytes || (a.id < b.id ? -1 : 1))[0];
}

function withSize(spec: CorpusSpec, role: string): ScalingSpec {
  return { ...spec, role, operations: countOperations(JSON.parse(readFileSync(spec.file, 'utf8'))) };
}

/**
 * The set, ordered by bytes. Quick mode: the three smallest of the subset only (CI keeps the script
 * working). A folder with no spec is reported by the caller, not silently skipped.
 */
export function scalingSpecs(quick: boolean): { specs: ScalingSpec[]; missing: string[] } {
  const sample = sampleSpecs();
  const chosen = new Set(chooseSample(sample, SUBSET_POINTS));
  let subset = sample.filter((s) => chosen.has(s.id)).sort((a, b) => a.bytes - b.bytes);
  if (quick) subset = subset.slice(0, 3);
  const roles = new Map<string, { spec: CorpusSpec; role: string }>(subset.map((s) => [s.id, { spec: s, role: 'sample' }]));
  const missing: string[] = [];
  if (!quick) {
    const all = directorySpecs();
    for (const folder of LARGEST_OF) {
      const spec = largestUnder(all, folder);
      if (spec) roles.set(spec.id, { spec, role: `largest under ${folder}/` });
      else missing.push(folder);
    }
  }
  const specs = [...roles.values()].map(({ spec, role }) => withSize(spec, role));
  return { specs: specs.sort((a, b) => a.bytes - b.bytes || (a.id < b.id ? -1 : 1)), missing };
}
