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
}

/**
 * The CLI reads the project root from its working directory, so run this with `cwd: projectRoot`.
 * `SVCGEN_CACHE_DIR` is the cache override the benchmark relies on.
 */
export function svcgenInvocation(run: SvcgenRun, command: 'generate' | 'check' = 'generate'): Invocation {
  const vendorArgs = (run.vendors ?? []).flatMap((v) => ['--vendor', v]);
  return {
    script: SVCGEN_CLI,
    args: [command, ...vendorArgs, '--out', run.outDir, '--json'],
    env: { SVCGEN_CACHE_DIR: run.cacheDir },
  };
}
