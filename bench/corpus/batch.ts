// One batch of corpus specs end to end: both tools through the worker pool, then one compiler run
// over everything they wrote, folded into per-spec results. Shared by the test and the bench.
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { generatorFingerprint } from '../../generator/write/fingerprint.ts';
import { runPool } from './pool.ts';
import { attachDiagnostics, type SpecResult } from './results.ts';
import type { SpecOutcome, SpecTask, Tool } from './run-spec.ts';
import type { CorpusSpec } from './specs.ts';
import { stagesOf, typeCheck, type Diagnostic } from './typecheck.ts';
import { checkBisecting, unfinishedDiagnostic, type Unfinished } from './bisect.ts';
import { GIB } from './capped-process.ts';

export interface BatchOptions {
  base: string;
  tools: Tool[];
  threads: number;
  timeoutMs: number;
  maxOldGenerationSizeMb?: number;
  /** Kill the compiler after this long (0: no limit). */
  typeCheckTimeoutMs?: number;
  /** Kill the compiler after this much CPU time (0: no limit). */
  typeCheckCpuLimitMs?: number;
  /** Kill the compiler above this resident memory (default 8 GiB; 0: no limit). */
  typeCheckMemoryCapBytes?: number;
  /** Delete the outputs once checked (the full run would otherwise fill the disk). */
  clean?: boolean;
  configName?: string;
  onOutcome?: (outcome: SpecOutcome) => void;
  /** Told about every compiler run after the first failed one (the bisection). */
  onCheckRun?: (ids: string[], stages: string[], failure?: string) => void;
}

export interface BatchResult {
  results: SpecResult[];
  stray: Diagnostic[];
  /** (spec, stage) pairs whose own compiler run did not finish, and why. */
  unfinished: Unfinished[];
  /** Compiler runs the batch took (1 unless a run did not finish and the batch was bisected). */
  checkRuns: number;
}

/** Output above this is type-checked alone, stage by stage (a 155 KB spec's zod module once came to 191 MB). */
const HUGE_OUTPUT_BYTES = 32 * 1024 ** 2;

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

const NOT_RUN = (tool: Tool, id: string): SpecOutcome => ({ tool, id, status: 'crashed', message: 'not run', ms: 0 });

export async function runBatch(specs: CorpusSpec[], options: BatchOptions): Promise<BatchResult> {
  const tasks: SpecTask[] = options.tools.flatMap((tool) => specs.map((spec) => ({ tool, id: spec.id, display: spec.display, out: path.join(options.base, spec.id) })));
  const outcomes = await runPool(tasks, { threads: options.threads, timeoutMs: options.timeoutMs, ...(options.maxOldGenerationSizeMb ? { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb } : {}), ...(options.onOutcome ? { onOutcome: options.onOutcome } : {}) });
  const generator = generatorFingerprint();
  const results: SpecResult[] = specs.map((spec) => ({
    id: spec.id,
    bytes: spec.bytes,
    generator,
    svcgen: outcomes.find((o) => o.tool === 'svcgen' && o.id === spec.id) ?? NOT_RUN('svcgen', spec.id),
    ots: outcomes.find((o) => o.tool === 'ots' && o.id === spec.id) ?? NOT_RUN('ots', spec.id),
  }));
  const checked = results.filter((r) => r.svcgen.status === 'generated' || r.ots.status === 'generated').map((r) => r.id);
  const check = (ids: string[], stages: Parameters<typeof typeCheck>[2]) =>
    typeCheck(options.base, ids, stages, {
      ...(options.configName ? { configName: options.configName } : {}),
      timeoutMs: options.typeCheckTimeoutMs ?? 0,
      cpuLimitMs: options.typeCheckCpuLimitMs ?? 0,
      memoryCapBytes: options.typeCheckMemoryCapBytes ?? 8 * GIB,
    });
  let first = true;
  const huge = new Set<string>();
  for (const id of checked) if ((await folderBytes(path.join(options.base, id))) > HUGE_OUTPUT_BYTES) huge.add(id);
  const checkedAll = await checkBisecting(
    checked,
    stagesOf(options.tools),
    check,
    (ids, stages, error) => {
      if (!first || error || huge.size) options.onCheckRun?.(ids, stages, error?.message);
      first = false;
    },
    huge,
  );
  const diagnostics = [...checkedAll.diagnostics, ...checkedAll.unfinished.map(unfinishedDiagnostic)];
  attachDiagnostics(results, diagnostics);
  if (options.clean) await Promise.all(specs.map((spec) => rm(path.join(options.base, spec.id), { recursive: true, force: true })));
  // A diagnostic outside the outputs repeats in every run of a bisection; keep each once.
  const stray = [...new Map(diagnostics.filter((d) => d.id === '').map((d) => [d.text, d])).values()];
  return { results, stray, unfinished: checkedAll.unfinished, checkRuns: checkedAll.runs };
}
