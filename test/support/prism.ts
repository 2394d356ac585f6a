// Starts Stoplight Prism (`prism mock --errors`) on a spec file for a test, and stops it again.
// Prism runs in its own process group so stop() ends it with every child it spawned; nothing
// here reaches the network (Prism resolves only the local file it is given).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface PrismOptions {
  /** Port to listen on (default: a free one chosen by the OS). */
  port?: number;
  /** How long Prism may take to load the document (default 180 s). */
  startTimeoutMs?: number;
  /** Modules Node imports before Prism starts (`node --import …`), e.g. a quirk workaround. */
  imports?: string[];
  /** Where node_modules lives (default: the working directory). */
  root?: string;
  /** Prism's log level (default `warn`: request logs cost Prism CPU time). */
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
}

export interface PrismServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  /** Milliseconds from spawn until Prism answered. */
  startupMs: number;
  /** The last lines Prism printed (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const OUTPUT_LINES = 200;

/** A port that is free right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function prismEntry(root: string): string {
  const entry = join(root, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js');
  if (!existsSync(entry)) throw new Error(`Prism is not installed under ${root} (expected ${entry})`);
  return entry;
}

/** Answers once Prism serves HTTP (any status: an unknown route gives 404). */
async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/__svcgen_probe__`, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

export async function startPrism(specPath: string, options: PrismOptions = {}): Promise<PrismServer> {
  const root = options.root ?? process.cwd();
  const port = options.port ?? (await freePort());
  const url = `http://${HOST}:${port}`;
  const nodeArgs = (options.imports ?? []).flatMap((file) => ['--import', resolve(root, file)]);
  const args = [...nodeArgs, prismEntry(root), 'mock', '--errors', '--host', HOST, '-p', String(port), '-v', options.logLevel ?? 'warn', resolve(specPath)];
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });

  // Prism must never block on a full pipe: keep reading, remember only the tail.
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > OUTPUT_LINES) lines.splice(0, lines.length - OUTPUT_LINES);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited: number | null | undefined;
  const exit = new Promise<void>((done) => {
    child.once('exit', (code, signal) => {
      exited = code ?? (signal ? -1 : 0);
      done();
    });
  });

  const stop = async () => {
    if (exited === undefined && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const forced = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5_000);
      await exit;
      clearTimeout(forced);
    }
  };
  const output = () => lines.join('\n');

  const deadline = started + (options.startTimeoutMs ?? 180_000);
  while (!(await answers(url))) {
    if (exited !== undefined) throw new Error(`Prism exited (${exited}) before listening on ${url}:\n${output()}`);
    if (performance.now() > deadline) {
      await stop();
      throw new Error(`Prism did not listen on ${url} within ${options.startTimeoutMs ?? 180_000} ms:\n${output()}`);
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  return { url, port, startupMs: Math.round(performance.now() - started), output, stop };
}
