// One compiler run over many specs' outputs (tsgo, strict, skipLibCheck false, Web APIs only as
// for the generated code), with each diagnostic attributed to its spec and stage by the folder it
// is in: <id>/svcgen → types, <id>/zod → zod, <id>/ots → openapi-typescript.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tsCauseOf } from './causes.ts';
import { ROOT } from './specs.ts';
import type { Tool } from './run-spec.ts';

export type CheckStage = 'types' | 'zod' | 'ots';

export interface Diagnostic {
  id: string;
  stage: CheckStage;
  file: string;
  text: string;
  cause: string;
}

const STAGE_OF: Record<string, CheckStage> = { svcgen: 'types', zod: 'zod', ots: 'ots' };

/**
 * `folders` maps each spec id to its output folder (under `base`). Returns the diagnostics, and
 * throws only when the compiler itself could not run.
 */
export async function typeCheck(base: string, ids: string[], tools: Tool[], name = 'tsconfig.json', timeoutMs = 0): Promise<Diagnostic[]> {
  const include: string[] = [];
  for (const id of ids) {
    if (tools.includes('svcgen')) include.push(`${id}/svcgen/**/*.ts`, `${id}/zod/*.ts`);
    if (tools.includes('ots')) include.push(`${id}/ots/*.ts`);
  }
  const config = {
    extends: path.relative(base, path.join(ROOT, 'tsconfig.generated.json')),
    compilerOptions: { noEmit: true, skipLibCheck: false, strict: true },
    include,
  };
  const file = path.join(base, name);
  await writeFile(file, JSON.stringify(config, null, 2));
  const tsgo = path.join(ROOT, 'node_modules', '.bin', 'tsgo');
  const output = await new Promise<string>((resolve, reject) => {
    execFile(tsgo, ['-p', file, '--pretty', 'false'], { maxBuffer: 256 * 1024 * 1024, cwd: base, timeout: timeoutMs, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      if (error && !stdout) reject(new Error(`tsgo did not run: ${stderr || error.message}`));
      else resolve(stdout);
    });
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
