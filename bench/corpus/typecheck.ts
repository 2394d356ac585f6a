// One compiler run over many specs' outputs (tsgo, strict, skipLibCheck false, Web APIs only as
// for the generated code), with each diagnostic attributed to its spec and stage by the folder it
// is in: <id>/svcgen → types, <id>/zod → zod, <id>/ots → openapi-typescript.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tsCauseOf } from './causes.ts';
import { ROOT } from './specs.ts';
import { runCapped } from './capped-process.ts';
import type { Tool } from './run-spec.ts';

export type CheckStage = 'types' | 'zod' | 'ots';

export interface Diagnostic {
  id: string;
  stage: CheckStage;
  file: string;
  text: string;
  cause: string;
}

export interface TypeCheckOptions {
  /** Name of the tsconfig written under `base`. */
  configName?: string;
  /** Kill the compiler after this long on the wall clock (0: no limit). */
  timeoutMs?: number;
  /** Kill the compiler after this much CPU time (0: no limit). */
  cpuLimitMs?: number;
  /** Kill the compiler when its resident memory passes this (0: no limit). */
  memoryCapBytes?: number;
}

const STAGE_OF: Record<string, CheckStage> = { svcgen: 'types', zod: 'zod', ots: 'ots' };
const GLOBS: Record<CheckStage, (id: string) => string> = {
  types: (id) => `${id}/svcgen/**/*.ts`,
  zod: (id) => `${id}/zod/*.ts`,
  ots: (id) => `${id}/ots/*.ts`,
};

/** The stages a tool's outputs are checked in. */
export function stagesOf(tools: Tool[]): CheckStage[] {
  return [...(tools.includes('svcgen') ? (['types', 'zod'] as const) : []), ...(tools.includes('ots') ? (['ots'] as const) : [])];
}

/** The native tsgo binary itself, so the memory watched is the compiler's, not a launcher's. */
function tsgoExecutable(): string {
  return path.join(ROOT, 'node_modules', '@typescript', `native-preview-${process.platform}-${process.arch}`, 'lib', 'tsgo');
}

/**
 * Checks the `stages` outputs of the specs `ids` (folders under `base`). Returns the diagnostics;
 * throws a CompilerIncomplete when the compiler did not finish (time, memory, crash).
 */
export async function typeCheck(base: string, ids: string[], stages: CheckStage[], options: TypeCheckOptions = {}): Promise<Diagnostic[]> {
  const include = ids.flatMap((id) => stages.map((stage) => GLOBS[stage](id)));
  const config = {
    extends: path.relative(base, path.join(ROOT, 'tsconfig.generated.json')),
    compilerOptions: { noEmit: true, skipLibCheck: false, strict: true },
    include,
  };
  const file = path.join(base, options.configName ?? 'tsconfig.json');
  await writeFile(file, JSON.stringify(config, null, 2));
  const output = await runCapped(tsgoExecutable(), ['-p', file, '--pretty', 'false'], {
    cwd: base,
    timeoutMs: options.timeoutMs ?? 0,
    cpuLimitMs: options.cpuLimitMs ?? 0,
    memoryCapBytes: options.memoryCapBytes ?? 0,
    name: 'tsgo',
  });
  const diagnostics: Diagnostic[] = [];
  const known = [...ids].sort((a, b) => b.length - a.length);
  for (const line of output.split('\n')) {
    const match = /^(.+?)\(\d+,\d+\): error (TS\d+): (.*)$/.exec(line);
    if (!match) continue;
    const rel = path.relative(base, path.resolve(base, match[1]!)).split(path.sep).join('/');
    const id = known.find((candidate) => rel.startsWith(`${candidate}/`));
    if (!id) {
      // A diagnostic outside the outputs (the runtime, a dependency) is charged to no spec but kept.
      diagnostics.push({ id: '', stage: 'types', file: rel, text: line, cause: tsCauseOf(match[2]!, match[3]!) });
      continue;
    }
    const folder = rel.slice(id.length + 1).split('/')[0]!;
    diagnostics.push({ id, stage: STAGE_OF[folder] ?? 'types', file: rel, text: line, cause: tsCauseOf(match[2]!, match[3]!) });
  }
  return diagnostics;
}
