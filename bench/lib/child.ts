// Runs one tool as a fresh child process and measures it: wall time, and peak resident memory
// from GNU time (`/usr/bin/time -v`) when the machine has it, else from a probe that each Node
// process of the tool reports at exit; CPU time (user + system) of the whole process tree from the
// same source. A run past its timeout is ended and reported as such.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface ChildResult {
  readonly wallMs: number;
  /** Peak resident set size of the tool (largest of its processes), when it could be read. */
  readonly maxRssBytes: number | undefined;
  /**
   * User + system CPU time of the tool and every process it waited for, worker threads included:
   * beside wall time, it shows work spread over cores that wall time hides.
   */
  readonly cpuMs: number | undefined;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ChildOptions {
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly timeoutMs?: number;
}

const GNU_TIME = '/usr/bin/time';
const PROBE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'rss-probe.mjs');
const KEEP_OUTPUT = 256 * 1024;

let gnuTimeWorks: boolean | undefined;

/** GNU time with `-v` (busybox's time lacks it); checked once. */
async function hasGnuTime(): Promise<boolean> {
  if (gnuTimeWorks !== undefined) return gnuTimeWorks;
  if (!existsSync(GNU_TIME)) return (gnuTimeWorks = false);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'bench-time-'));
  try {
    const file = path.join(scratch, 'rusage.txt');
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(GNU_TIME, ['-v', '-o', file, process.execPath, '-e', ''], { stdio: 'ignore' });
      child.on('error', () => resolve(null));
      child.on('close', resolve);
    });
    gnuTimeWorks = code === 0 && /Maximum resident set size/.test(readFileSync(file, 'utf8'));
  } catch {
    gnuTimeWorks = false;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return gnuTimeWorks;
}

export async function memorySource(): Promise<string> {
  return (await hasGnuTime()) ? '`/usr/bin/time -v` (peak RSS of the largest process)' : 'a Node probe (`process.resourceUsage().maxRSS` at exit, largest process)';
}

function parseGnuTimeRss(text: string): number | undefined {
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
  return m ? Number(m[1]) * 1024 : undefined;
}

function parseGnuTimeCpu(text: string): number | undefined {
  const user = /User time \(seconds\): ([\d.]+)/.exec(text);
  const system = /System time \(seconds\): ([\d.]+)/.exec(text);
  return user && system ? (Number(user[1]) + Number(system[1])) * 1000 : undefined;
}

/** Probe lines: `maxRSS-KiB userMicros systemMicros`, one per Node process of the tool. */
function probeLines(text: string): number[][] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter((fields) => fields.every((n) => Number.isFinite(n)));
}

function parseProbeRss(text: string): number | undefined {
  const values = probeLines(text).map((f) => f[0]!).filter((n) => n > 0);
  return values.length ? Math.max(...values) * 1024 : undefined;
}

/** Every process's own CPU time, summed: the tree's total. */
function parseProbeCpu(text: string): number | undefined {
  const lines = probeLines(text).filter((f) => f.length === 3);
  return lines.length ? lines.reduce((sum, f) => sum + f[1]! + f[2]!, 0) / 1000 : undefined;
}

/** The process GNU time runs for us: ending it (not GNU time) lets GNU time still report. */
function directChildren(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function append(buffer: string, chunk: Buffer): string {
  if (buffer.length >= KEEP_OUTPUT) return buffer;
  return buffer + chunk.toString('utf8');
}

/** Runs `node script ...args` (a tool's own entry script, with this Node). */
export function runNode(script: string, args: readonly string[], options: ChildOptions & { readonly nodeArgs?: readonly string[] }): Promise<ChildResult> {
  return runMeasured(process.execPath, [...(options.nodeArgs ?? []), script, ...args], options);
}

export async function runMeasured(command: string, args: readonly string[], options: ChildOptions): Promise<ChildResult> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'bench-run-'));
  const rusageFile = path.join(scratch, 'rusage.txt');
  const useTime = await hasGnuTime();
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  let argv: string[];
  if (useTime) {
    argv = [GNU_TIME, '-v', '-o', rusageFile, command, ...args];
  } else {
    env.BENCH_RSS_FILE = rusageFile;
    env.NODE_OPTIONS = [env.NODE_OPTIONS, `--import=${pathToFileURL(PROBE).href}`].filter(Boolean).join(' ');
    argv = [command, ...args];
  }
  const started = performance.now();
  // Its own process group, so a timed-out tool cannot leave workers behind.
  const child = spawn(argv[0]!, argv.slice(1), { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout = append(stdout, c)));
  child.stderr.on('data', (c: Buffer) => (stderr = append(stderr, c)));
  let timedOut = false;
  let hardKill: NodeJS.Timeout | undefined;
  const timer = options.timeoutMs
    ? setTimeout(() => {
        timedOut = true;
        const pid = child.pid;
        if (pid === undefined) return;
        const targets = useTime ? directChildren(pid) : [pid];
        for (const target of targets) {
          try {
            process.kill(target, 'SIGKILL');
          } catch {
            // Already gone.
          }
        }
        hardKill = setTimeout(() => {
          try {
            process.kill(-pid, 'SIGKILL');
          } catch {
            // Group already gone.
          }
        }, 5_000);
      }, options.timeoutMs)
    : undefined;
  const { exitCode, signal } = await new Promise<{ exitCode: number | null; signal: string | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, sig) => resolve({ exitCode: code, signal: sig }));
  });
  const wallMs = performance.now() - started;
  if (timer) clearTimeout(timer);
  if (hardKill) clearTimeout(hardKill);
  if (timedOut && child.pid !== undefined) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Nothing of the group is left.
    }
  }
  let maxRssBytes: number | undefined;
  let cpuMs: number | undefined;
  let toolExit = exitCode;
  let toolSignal = signal;
  if (existsSync(rusageFile)) {
    const text = readFileSync(rusageFile, 'utf8');
    maxRssBytes = useTime ? parseGnuTimeRss(text) : parseProbeRss(text);
    cpuMs = useTime ? parseGnuTimeCpu(text) : parseProbeCpu(text);
    if (useTime) {
      // GNU time exits with the tool's status, or notes the signal that ended it.
      const sig = /Command terminated by signal (\d+)/.exec(text);
      if (sig) {
        toolExit = null;
        toolSignal = `signal ${sig[1]}`;
      }
    }
  }
  rmSync(scratch, { recursive: true, force: true });
  return { wallMs, maxRssBytes, cpuMs, exitCode: toolExit, signal: toolSignal, timedOut, stdout, stderr };
}

/** A short, single-line reason from a failed run: the error line itself, not the source line
 * Node prints above it. */
export function failureReason(result: ChildResult): string {
  if (result.timedOut) return 'did not finish before the timeout';
  const lines = `${result.stderr}\n${result.stdout}`
    .split('\n')
    .map((l) => l.replace(/\x1b\[[0-9;]*m/g, '').trim())
    .filter(Boolean);
  const line =
    lines.find((l) => /^(?:[A-Z]\w*)?Error\b|^FATAL ERROR|^svcgen: /.test(l) && !/^at /.test(l)) ??
    lines.find((l) => /error|unsupported|cannot|failed|fatal|heap/i.test(l));
  const base = line ?? (result.signal ? `ended by ${result.signal}` : `exit code ${result.exitCode}`);
  return base.length > 140 ? `${base.slice(0, 137)}...` : base;
}

export function succeeded(result: ChildResult): boolean {
  return !result.timedOut && result.exitCode === 0;
}
