// Our generator as the benchmarks run it: the real CLI in a fresh process, writing into a scratch
// folder, with its cache pointed wherever the caller says (an empty folder makes a run cold).
import path from 'node:path';
import type { Invocation } from '../peers/tool.ts';
import { projectRoot } from './paths.ts';

export const SVCGEN_CLI = path.join(projectRoot, 'bin', 'svcgen.js');

export interface SvcgenRun {
  readonly outDir: string;
  readonly cacheDir: string;
  /** All of the lock's vendors when absent. */
  readonly vendors?: readonly string[];
  /** Node's compile cache folder for this run; the bench's shared one when absent. */
  readonly compileCacheDir?: string;
}

/**
 * The launcher turns on Node's compile cache (bin/svcgen.js), by default in the machine's temp
 * folder, which outlives any bench. Every run here names a folder of the bench's own instead, so
 * what the cache holds is what earlier runs of this bench put there; generation.ts empties it first.
 */
export const BENCH_COMPILE_CACHE = path.join(projectRoot, 'bench', '.work', 'compile-cache');

/**
 * The CLI reads the project root from its working directory, so run this with `cwd: projectRoot`.
 * `SVCGEN_CACHE_DIR` is the cache override the benchmark relies on.
 */
export function svcgenInvocation(run: SvcgenRun, command: 'generate' | 'check' = 'generate'): Invocation {
  const vendorArgs = (run.vendors ?? []).flatMap((v) => ['--vendor', v]);
  return {
    script: SVCGEN_CLI,
    args: [command, ...vendorArgs, '--out', run.outDir, '--json'],
    env: { SVCGEN_CACHE_DIR: run.cacheDir, NODE_COMPILE_CACHE: run.compileCacheDir ?? BENCH_COMPILE_CACHE },
  };
}
