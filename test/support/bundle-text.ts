// The text esbuild bundles from a module given as source, unminified so function names, module
// comments and messages survive: what tests read to see which runtime code a program carries.
import { build } from 'esbuild';

/**
 * Bundles `contents` (TypeScript, imports resolved from `resolveDir`) for a neutral platform.
 * `sources`: resolve `svcgen/runtime/*` to this checkout's sources (the svcgen-source condition),
 * as a generated client's imports need.
 */
export async function bundleText(contents: string, resolveDir: string, sources = false): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'silent',
    ...(sources ? { conditions: ['svcgen-source'], mainFields: ['module', 'main'] } : {}),
  });
  return result.outputFiles[0]!.text;
}
