// Runs a child process with a wall-clock limit and a resident-memory cap, so one huge input cannot
// take the machine: tsgo on a 47 MB spec's output grew to ~23 GB, all the RAM there is. The cap is
// enforced by sampling /proc/<pid>/status (VmRSS) and SIGKILLing above it, not by `ulimit -v`:
// the Go runtime reserves far more address space than it touches, so an address-space limit
// fails healthy runs, while RSS is what actually starves the other processes.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface CappedOptions {
  cwd: string;
  /** 0: no limit. */
  timeoutMs: number;
  /** 0: no limit. */
  memoryCapBytes: number;
  /** What the process is called in messages. */
  name: string;
  /** How often memory is sampled. */
  sampleMs?: number;
}

export type IncompleteReason = 'timeout' | 'memory' | 'crashed';

/** The process did not finish: why, and the highest resident memory seen. */
export class ProcessIncomplete extends Error {
  readonly reason: IncompleteReason;
  readonly peakBytes: number;

  constructor(reason: IncompleteReason, message: string, peakBytes: number) {
    super(message);
    this.name = 'ProcessIncomplete';
    this.reason = reason;
    this.peakBytes = peakBytes;
  }
}

export const GIB = 1024 ** 3;

export function gib(bytes: number): string {
  return `${(bytes / GIB).toFixed(1)} GiB`;
}

function residentBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0; // exited between samples
  }
}

/**
 * Resolves with stdout when the process exits on its own (any exit code: a compiler reports
 * errors with a non-zero code). Rejects with ProcessIncomplete when it is killed for time or
 * memory, dies of a signal, or exits non-zero with nothing on stdout.
 */
export function runCapped(command: string, args: string[], options: CappedOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    let peak = 0;
    let killedFor: IncompleteReason | undefined;
    const started = performance.now();
    const kill = (reason: IncompleteReason) => {
      if (killedFor) return;
      killedFor = reason;
      child.kill('SIGKILL');
    };
    const sampler = setInterval(() => {
      if (child.pid === undefined) return;
      peak = Math.max(peak, residentBytes(child.pid));
      if (options.memoryCapBytes > 0 && peak > options.memoryCapBytes) kill('memory');
    }, options.sampleMs ?? 200);
    const timer = options.timeoutMs > 0 ? setTimeout(() => kill('timeout'), options.timeoutMs) : undefined;
    const finish = () => {
      clearInterval(sampler);
      if (timer) clearTimeout(timer);
    };
    child.on('error', (error) => {
      finish();
      reject(new ProcessIncomplete('crashed', `${options.name} did not run: ${error.message}`, peak));
    });
    child.on('close', (code, signal) => {
      finish();
      const out = Buffer.concat(stdout).toString('utf8');
      const seconds = Math.round((performance.now() - started) / 1000);
      if (killedFor === 'timeout') reject(new ProcessIncomplete('timeout', `${options.name} did not finish within ${options.timeoutMs / 1000} s (peak ${gib(peak)})`, peak));
      else if (killedFor === 'memory') reject(new ProcessIncomplete('memory', `${options.name} ran out of memory (peak ${gib(peak)} over the ${gib(options.memoryCapBytes)} cap, after ${seconds} s)`, peak));
      else if (signal) reject(new ProcessIncomplete('crashed', `${options.name} was killed by ${signal} after ${seconds} s (peak ${gib(peak)})`, peak));
      else if (code !== 0 && out.trim() === '') {
        const first = Buffer.concat(stderr).toString('utf8').trim().split('\n')[0] ?? '';
        reject(new ProcessIncomplete('crashed', `${options.name} exited with code ${code} and no diagnostics: ${first.slice(0, 200)}`, peak));
      } else resolve(out);
    });
  });
}
