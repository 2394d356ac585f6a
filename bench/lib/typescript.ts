// Compiler runs: a scratch tsconfig per checked thing, compile errors counted from `tsc --noEmit`,
// and measured type-checks with tsc (typescript 5.9) or tsgo (@typescript/native-preview).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runNode, type ChildResult } from './child.ts';
import { packageFile } from './paths.ts';

export const TSC = packageFile('typescript', 'bin', 'tsc');
export const TSGO = packageFile('@typescript/native-preview', 'bin', 'tsgo');

export type Checker = 'tsc' | 'tsgo';

/** The settings every peer's output is compiled with: what a strict consumer project would use. */
export const STRICT_CONSUMER_OPTIONS = {
  target: 'ES2023',
  module: 'ESNext',
  moduleResolution: 'bundler',
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  lib: ['ES2023', 'DOM', 'DOM.Iterable'],
  types: [],
} as const;

export interface TsconfigSpec {
  readonly extends?: string;
  readonly compilerOptions?: Readonly<Record<string, unknown>>;
  readonly include?: readonly string[];
  readonly files?: readonly string[];
}

export function writeTsconfig(file: string, spec: TsconfigSpec): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(spec, null, 2) + '\n');
  return file;
}

export function checkerScript(checker: Checker): string {
  return checker === 'tsc' ? TSC : TSGO;
}

export function runChecker(checker: Checker, tsconfig: string, options: { readonly timeoutMs?: number; readonly extraArgs?: readonly string[] } = {}): Promise<ChildResult> {
  return runNode(checkerScript(checker), ['-p', tsconfig, '--noEmit', '--pretty', 'false', ...(options.extraArgs ?? [])], {
    cwd: path.dirname(tsconfig),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
}

export interface CompileErrors {
  readonly count: number;
  /** The first diagnostic, for a report note when something went wrong. */
  readonly first?: string;
  readonly run: ChildResult;
}

export function parseCompileErrors(output: string): { count: number; first?: string } {
  const lines = output.split('\n').filter((l) => /\berror TS\d+:/.test(l));
  return lines[0] === undefined ? { count: lines.length } : { count: lines.length, first: lines[0].trim() };
}

/** Checking our whole output (zod schemas for three vendors) takes tsc a minute or more on 2 cores. */
export async function countCompileErrors(tsconfig: string, timeoutMs = 900_000): Promise<CompileErrors> {
  const run = await runChecker('tsc', tsconfig, { timeoutMs });
  return { ...parseCompileErrors(run.stdout + '\n' + run.stderr), run };
}
