// One corpus spec through one tool, in whatever thread calls it: svcgen's one-off generate (files
// under <out>/svcgen/, the zod TypeScript rendering under <out>/zod/) or openapi-typescript's
// types only (<out>/ots/types.ts). The outcome is plain data for the pool and the report.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SvcgenInputError } from '../../generator/load/errors.ts';
import { generateOneOff } from '../../generator/profile-infer/one-off.ts';
import { readSpecSource } from '../../generator/profile-infer/sources.ts';
import { corpusJob } from './job.ts';
import { causeOf } from './causes.ts';
import { ROOT } from './specs.ts';

export type Tool = 'svcgen' | 'ots';

export interface SpecTask {
  tool: Tool;
  id: string;
  /** Path as a user would type it (relative to the project root). */
  display: string;
  /** Folder for this spec's outputs. */
  out: string;
}

export interface SpecOutcome {
  tool: Tool;
  id: string;
  /** generated; refused = input error naming the file and a pointer or line (exit 2); crashed = anything else (exit 1). */
  status: 'generated' | 'refused' | 'crashed';
  message?: string;
  cause?: string;
  operations?: number;
  ms: number;
}

export const CORPUS_VENDOR = 'corpus';

export async function runSpec(task: SpecTask): Promise<SpecOutcome> {
  const started = performance.now();
  const done = (fields: Omit<SpecOutcome, 'tool' | 'id' | 'ms'>): SpecOutcome => ({ tool: task.tool, id: task.id, ms: Math.round(performance.now() - started), ...fields });
  const out = path.join(task.out, task.tool);
  await rm(out, { recursive: true, force: true });
  // svcgen also writes <out>/zod; a stale copy from a stopped run would otherwise be type-checked.
  if (task.tool === 'svcgen') await rm(path.join(task.out, 'zod'), { recursive: true, force: true });
  try {
    if (task.tool === 'ots') {
      await writeOts(task.display, out);
      return done({ status: 'generated' });
    }
    const source = await readSpecSource(task.display, ROOT);
    const result = await generateOneOff(CORPUS_VENDOR, [source], ROOT, corpusJob);
    for (const [rel, content] of result.job.files) await writeOut(path.join(task.out, 'svcgen', rel), content);
    await writeOut(path.join(task.out, 'zod', 'schemas.ts'), result.job.zodTs);
    return done({ status: 'generated', operations: result.job.operations });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (task.tool === 'svcgen' && error instanceof SvcgenInputError && (error.pointer !== undefined || error.line !== undefined)) {
      return done({ status: 'refused', message, cause: causeOf(message) });
    }
    const where = error instanceof Error && error.stack ? firstFrame(error.stack) : '';
    return done({ status: 'crashed', message: `${error instanceof Error ? error.name : 'throw'}: ${message}${where ? ` (${where})` : ''}`, cause: causeOf(message) + (where ? ` @ ${where}` : '') });
  }
}

async function writeOut(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
}

/** The first stack frame inside this project, to group crashes by where they happen. */
function firstFrame(stack: string): string {
  for (const line of stack.split('\n').slice(1)) {
    const match = /\((?:file:\/\/)?([^()]+):(\d+):\d+\)$|at (?:file:\/\/)?([^ ()]+):(\d+):\d+$/.exec(line.trim());
    const file = match?.[1] ?? match?.[3];
    if (file && file.startsWith(ROOT) && !file.includes('node_modules')) return `${path.relative(ROOT, file)}:${match?.[2] ?? match?.[4]}`;
  }
  return '';
}

async function writeOts(display: string, out: string): Promise<void> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(new URL(`file://${path.resolve(ROOT, display)}`), { silent: true });
  await writeOut(path.join(out, 'types.ts'), astToString(ast));
}
