// What the numbers were measured on, stated in the report so they can be compared across runs.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { memorySource } from './child.ts';
import { projectRoot } from './paths.ts';

export interface Machine {
  readonly date: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: string;
  readonly os: string;
  readonly node: string;
  readonly commit: string;
  readonly memorySource: string;
  /** 1-minute load average when the run started: a busy machine inflates every timing. */
  readonly loadAverage: string;
  readonly tools: readonly { readonly name: string; readonly version: string }[];
}

const TOOLS = ['openapi-typescript', 'openapi-fetch', 'orval', '@hey-api/openapi-ts', 'typescript', '@typescript/native-preview', 'esbuild', 'stripe'];

export function packageVersion(name: string): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'not installed';
  }
}

function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    // BENCHMARKS.md and the scaling charts are this run's own output: a previous run's copy in the
    // tree says nothing about the code measured.
    const dirty = execFileSync('git', ['status', '--porcelain', '--', '.', ':(exclude)BENCHMARKS.md', ':(exclude)bench/scaling-*.svg'], { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${head} (with uncommitted changes)` : head;
  } catch {
    return 'unknown';
  }
}

export async function describeMachine(now: Date = new Date()): Promise<Machine> {
  return {
    date: now.toISOString().slice(0, 10),
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: (os.totalmem() / 1024 ** 3).toFixed(1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    commit: gitCommit(),
    memorySource: await memorySource(),
    loadAverage: os.loadavg()[0]!.toFixed(2),
    tools: TOOLS.map((name) => ({ name, version: packageVersion(name) })),
  };
}
