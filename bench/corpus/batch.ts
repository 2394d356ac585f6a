// One batch of corpus specs end to end: both tools through the worker pool, then one compiler run
// over everything they wrote, folded into per-spec results. Shared by the test and the bench.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { generatorFingerprint } from '../../generator/write/fingerprint.ts';
import { runPool } from './pool.ts';
import { attachDiagnostics, type SpecResult } from './results.ts';
import type { SpecOutcome, SpecTask, Tool } from './run-spec.ts';
import type { CorpusSpec } from './specs.ts';
import { typeCheck, type Diagnostic } from './typecheck.ts';

export interface BatchOptions {
  base: string;
  tools: Tool[];
  threads: number;
  timeoutMs: number;
  maxOldGenerationSizeMb?: number;
  /** Kill the compiler after this long (0: no limit). */
  typeCheckTimeoutMs?: number;
  /** Delete the outputs once checked (the full run would otherwise fill the disk). */
  clean?: boolean;
  configName?: string;
  onOutcome?: (outcome: SpecOutcome) => void;
}

const NOT_RUN = (tool: Tool, id: string): SpecOutcome => ({ tool, id, status: 'crashed', message: 'not run', ms: 0 });

export async function runBatch(specs: CorpusSpec[], options: BatchOptions): Promise<{ results: SpecResult[]; stray: Diagnostic[] }> {
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
  let diagnostics: Diagnostic[] = [];
  try {
    if (checked.length) diagnostics = await typeCheck(options.base, checked, options.tools, options.configName, options.typeCheckTimeoutMs ?? 0);
  } catch (error) {
    // The compiler did not finish (out of time or memory on a huge output): no spec of the batch
    // counts as compiling, for either tool, and the reason is the cause.
    const cause = `type-check did not finish: ${(error as Error).message.split('\n')[0]!.slice(0, 100)}`;
    diagnostics = checked.flatMap((id) => (['types', 'ots'] as const).map((stage) => ({ id, stage, file: '', text: cause, cause })));
  }
  attachDiagnostics(results, diagnostics);
  if (options.clean) await Promise.all(specs.map((spec) => rm(path.join(options.base, spec.id), { recursive: true, force: true })));
  return { results, stray: diagnostics.filter((d) => d.id === '') };
}
