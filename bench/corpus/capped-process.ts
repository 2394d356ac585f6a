// Runs a child process with a wall-clock limit and a resident-memory cap, so one huge input cannot
// take the machine: tsgo on a 47 MB spec's output grew to ~23 GB, all the RAM there is. The cap is
// enforced by sampling /proc/<pid>/status (VmRSS) and SIGKILLing above it, not by `ulimit -v`:
// the Go runtime reserves far more address space than it touches, so an address-space limit
// fails healthy runs, while RSS is what actually starves the other processes. The time limit is
// on the process's CPU time (utime + stime from /proc/<pid>/stat), not the wall clock: on a
// shared, loaded machine a niced compiler waits for the CPU, and that is not the input's fault.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface CappedOptions {
  cwd: string;
  /** Wall-clock backstop; 0: no limit. */
  timeoutMs: number;
  /** CPU time (all threads); 0: no limit. */
  cpuLimitMs?: number;
  /** 0: no limit. */
  memoryCapBytes: number;
  /** What the process is called in messages. */
  name: string;
  /** How often memory is sampled. */
  sampleMs?: number;
}

export type IncompleteReason = 'timeout' | 'cpu' | 'memory' | 'crashed';

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

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/** CPU time the process has used, in ms (utime + stime; 0 once it is gone). */
function cpuMs(pid: number): number {
  try {
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
  } catch {
    return 0;
  }
}

/** Children still running, so a stopped run can end them instead of leaving them orphaned. */
const running = new Set<ChildProcess>();

/** SIGKILLs every child still running (for a SIGINT/SIGTERM handler). */
export function killRunning(): void {
  for (const child of running) child.kill('SIGKILL');
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
    running.add(child);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    let peak = 0;
    let cpu = 0;
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
      cpu = Math.max(cpu, cpuMs(child.pid));
      if (options.memoryCapBytes > 0 && peak > options.memoryCapBytes) kill('memory');
      else if (options.cpuLimitMs && cpu > options.cpuLimitMs) kill('cpu');
    }, options.sampleMs ?? 200);
    const timer = options.timeoutMs > 0 ? setTimeout(() => kill('timeout'), options.timeoutMs) : undefined;
    const finish = () => {
      running.delete(child);
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
      if (killedFor === 'cpu') reject(new ProcessIncomplete('cpu', `${options.name} did not finish within ${options.cpuLimitMs! / 1000} s of CPU time (${seconds} s wall, peak ${gib(peak)})`, peak));
      else if (killedFor === 'timeout') reject(new ProcessIncomplete('timeout', `${options.name} did not finish within ${options.timeoutMs / 1000} s wall-clock (peak ${gib(peak)})`, peak));
      else if (killedFor === 'memory') reject(new ProcessIncomplete('memory', `${options.name} ran out of memory (peak ${gib(peak)} over the ${gib(options.memoryCapBytes)} cap, after ${seconds} s)`, peak));
      else if (signal) reject(new ProcessIncomplete('crashed', `${options.name} was killed by ${signal} after ${seconds} s (peak ${gib(peak)})`, peak));
      else if (code !== 0 && out.trim() === '') {
        const first = Buffer.concat(stderr).toString('utf8').trim().split('\n')[0] ?? '';
        reject(new ProcessIncomplete('crashed', `${options.name} exited with code ${code} and no diagnostics: ${first.slice(0, 200)}`, peak));
      } else resolve(out);
    });
  });
}
