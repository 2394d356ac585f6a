// Runs a command for the init suite: output captured, a clear failure naming the command, its
// folder and the tail of its output, and the wall time it took.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const REPO_BIN = path.resolve(import.meta.dirname, '../../node_modules/.bin');

export interface Ran {
  stdout: string;
  stderr: string;
  ms: number;
}

/** The repository's Node 22 first on PATH (the machine's node may be older), metrics off. */
export function commandEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${REPO_BIN}${path.delimiter}${process.env.PATH ?? ''}`, WRANGLER_SEND_METRICS: 'false', CI: 'true', ...extra };
}

export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = commandEnv()): Ran {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (result.status !== 0) {
    const tail = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.split('\n').slice(-60).join('\n');
    throw new Error(`\`${command} ${args.join(' ')}\` in ${cwd} exited ${result.status ?? result.signal}:\n${tail}`);
  }
  return { stdout: result.stdout, stderr: result.stderr, ms };
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
