// Shapes from real specs that once broke svcgen (found by the corpus, see CORPUS.md), each as a
// small hand-written fixture: every one must generate through the one-off mode and its output
// (client, types, operations, zod module) must type-check under strict tsgo, skipLibCheck false.
import { readdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { runBatch } from '../../../bench/corpus/batch.ts';
import type { SpecResult } from '../../../bench/corpus/results.ts';
import { ROOT, type CorpusSpec } from '../../../bench/corpus/specs.ts';

const DIR = path.join(ROOT, 'test/fixtures/add/regressions');
const BASE = path.join(ROOT, 'test/.work/add-regressions');
const fixtures: CorpusSpec[] = readdirSync(DIR)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({ id: name, file: path.join(DIR, name), display: path.relative(ROOT, path.join(DIR, name)), bytes: statSync(path.join(DIR, name)).size }));
const results = new Map<string, SpecResult>();

beforeAll(async () => {
  await rm(BASE, { recursive: true, force: true });
  const { results: all } = await runBatch(fixtures, { base: BASE, tools: ['svcgen'], threads: 1, timeoutMs: 120_000 });
  for (const result of all) results.set(result.id, result);
}, 300_000);

it.each(fixtures.map((f) => [f.id]))('%s generates and its output compiles', (id) => {
  const result = results.get(id)!;
  expect(result.svcgen.message ?? '', 'generation').toBe('');
  expect(result.svcgen.status).toBe('generated');
  expect(result.types, 'client and types').toEqual([]);
  expect(result.zod, 'zod module').toEqual([]);
});
