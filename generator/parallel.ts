// Vendors are independent, and on a 2-core machine generating them one after another leaves a core
// idle for most of the run. With two jobs or more (and two cores or more), one worker thread per
// core runs them, largest first, while the main thread waits; with one job (or one core)
// everything stays in-process.
//
// The main thread only waits, and so never loads the emitters' modules (the TypeScript compiler
// under openapi-typescript alone is ~45 MB resident per thread): each thread that emits holds one
// copy, as many copies as cores. It used to take a share of the jobs itself, but a worker's heap
// can be bounded and the main thread's cannot (see workerLimits). Workers claim jobs from a
// shared counter, so none waits for another's event loop.
import { getCompileCacheDir } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { importTypeScriptThroughRequire } from './emit/typescript-require.ts';
import { SvcgenLimitError } from './limit-error.ts';
import { SvcgenInputError } from './load/errors.ts';
import type { VendorJob, VendorJobResult } from './vendor-job.ts';

/**
 * A job allocates fast and keeps much of it (a parsed spec, its model, the emitted text), and V8
 * lets a young generation grow to tens of MB under that load: capped at 6 MB on the workers, a 4 MB
 * spec plus a 46-file one (this repository's two largest vendors) on two threads peaked at
 * 372-380 MB resident instead of 400-407 MB (three runs each, loaded machine), with no CPU time
 * difference outside the runs' spread.
 *
 * An old-space limit also changes when V8 collects. The factor by which V8 lets the heap grow past
 * what survived the last full collection is capped at 4 for a limit of 2 GB or more (the default
 * here) and scaled from 1.3 at 256 MB to 2 just under 2 GB (V8's heap-controller.cc,
 * MaxGrowingFactor): 1.6 at 1024 MB. The parse's garbage is then collected before emitting piles
 * more on: the same two vendors peaked at 327-336 MiB with every job on a worker so limited, against
 * 351-376 MiB with the main thread taking the largest job (five runs each; 2047 MB gave no gain). A
 * limit is also a ceiling a job cannot pass (the worker ends with ERR_WORKER_OUT_OF_MEMORY), hence
 * a floor far above what these vendors need (a job on the 4 MB spec holds ~30-40 MB live at its
 * fullest, measured with forced collections) and room that grows with the largest job's input.
 */
const YOUNG_GENERATION_MB = 6;
const OLD_SPACE_FLOOR_MB = 1024;
/** About six times what the 4 MB spec's job holds live per MB of its input at its fullest. */
const OLD_SPACE_PER_INPUT_MB = 64;

/**
 * The workers' heap limits. `SVCGEN_WORKER_HEAP_MB` (a positive number of MB) replaces the old-space
 * limit worked out here: more for an input whose job outgrows it, less on a machine short of memory.
 */
export function workerLimits(largestInputBytes: number, env: NodeJS.ProcessEnv = process.env): { maxYoungGenerationSizeMb: number; maxOldGenerationSizeMb: number } {
  const given = Number(env.SVCGEN_WORKER_HEAP_MB);
  return {
    maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
    maxOldGenerationSizeMb: given > 0 ? given : Math.max(OLD_SPACE_FLOOR_MB, Math.ceil((largestInputBytes / 2 ** 20) * OLD_SPACE_PER_INPUT_MB)),
  };
}

/** What the main thread posts to each worker: every job, and the counter all threads claim them from. */
export interface WorkerAssignment {
  jobs: VendorJob[];
  /** Int32Array over this: element 0 is the index of the next unclaimed job. */
  next: SharedArrayBuffer;
}

export type WorkerReply =
  | { ok: true; result: VendorJobResult }
  | { ok: true; done: true }
  | { ok: false; message: string; stack?: string; input?: { file: string; pointer?: string; line?: number; column?: number } };

/** The next job no thread has taken yet, taking it. */
export function claimJob(assignment: WorkerAssignment): VendorJob | undefined {
  return assignment.jobs[Atomics.add(new Int32Array(assignment.next), 0, 1)];
}

/** After a failure: no thread starts another job (a job already running cannot be stopped mid-way). */
function claimAll(assignment: WorkerAssignment): void {
  Atomics.store(new Int32Array(assignment.next), 0, assignment.jobs.length);
}

function rebuildError(reply: Extract<WorkerReply, { ok: false }>): Error {
  if (reply.input) {
    // The worker's message already carries the location prefix; keep it verbatim.
    const err = new SvcgenInputError(reply.input, '');
    err.message = reply.message;
    return err;
  }
  const err = new Error(reply.message);
  if (reply.stack) err.stack = reply.stack;
  return err;
}

/** A worker stopped at its heap limit: which limit, and how to generate without one. */
function workerError(err: Error & { code?: string }, oldSpaceMb: number): Error {
  if (err.code !== 'ERR_WORKER_OUT_OF_MEMORY') return err;
  return new SvcgenLimitError(`a generation worker reached its ${oldSpaceMb} MB heap limit; SVCGEN_WORKER_HEAP_MB sets another, SVCGEN_THREADS=1 generates on the main thread under Node's own`, { cause: err });
}

/** Runs claimed jobs on a worker until none is left; settles when the worker says it is done. */
function drain(worker: Worker, assignment: WorkerAssignment, oldSpaceMb: number, onResult: (result: VendorJobResult) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    worker.on('message', (reply: WorkerReply) => {
      if (!reply.ok) reject(rebuildError(reply));
      else if ('done' in reply) resolve();
      else onResult(reply.result);
    });
    worker.once('error', (err) => reject(workerError(err, oldSpaceMb)));
    worker.once('exit', (code) => reject(new Error(`a generation worker exited (code ${code}) before finishing its jobs`)));
    worker.postMessage(assignment);
  });
}

/** `inputBytes`: the size of a job's input files, which orders the jobs and sizes the workers' heaps. */
export async function runVendorJobs(
  jobs: VendorJob[],
  inputBytes: (job: VendorJob) => number,
  onDone: (result: VendorJobResult) => void,
): Promise<VendorJobResult[]> {
  if (jobs.length === 0) return [];
  const threads = Math.min(jobs.length, availableParallelism(), Number(process.env.SVCGEN_THREADS) || Infinity);
  const assignment: WorkerAssignment = { jobs: [...jobs].sort((a, b) => inputBytes(b) - inputBytes(a)), next: new SharedArrayBuffer(4) };
  const results = new Map<string, VendorJobResult>();
  const record = (result: VendorJobResult) => {
    onDone(result);
    results.set(result.vendor, result);
  };
  // The installed package runs compiled JavaScript (dist/), where the worker entry is a .js file:
  // tsc rewrites import specifiers, not URLs, so the entry follows this module's own extension. A
  // checkout's worker first takes the launcher's type-stripping cache (vendor-worker-source.js).
  const workerEntry = import.meta.url.endsWith('.ts') ? './vendor-worker-source.js' : './vendor-worker.js';
  const resourceLimits = workerLimits(inputBytes(assignment.jobs[0]!));
  // A worker thread takes Node's compile cache only from its environment (bin/svcgen.js turns it on
  // for the main thread alone), and each worker compiles the TypeScript compiler again without it.
  const compileCache = getCompileCacheDir();
  const env = compileCache ? { env: { ...process.env, NODE_COMPILE_CACHE: compileCache } } : {};
  const workers = threads > 1 ? Array.from({ length: threads }, () => new Worker(new URL(workerEntry, import.meta.url), { resourceLimits, ...env })) : [];
  const inProcess = async () => {
    // Imported on demand: an up-to-date run never loads the emitters (openapi-typescript, zod…).
    importTypeScriptThroughRequire();
    const { runVendorJob } = await import('./vendor-job.ts');
    for (let job = claimJob(assignment); job; job = claimJob(assignment)) record(await runVendorJob(job));
  };
  try {
    await Promise.all(threads > 1 ? workers.map((worker) => drain(worker, assignment, resourceLimits.maxOldGenerationSizeMb, record)) : [inProcess()]);
  } catch (err) {
    claimAll(assignment);
    throw err;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return jobs.map((job) => results.get(job.vendor)!);
}
