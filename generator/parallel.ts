// Vendors are independent, and on a 2-core machine generating them one after another leaves a core
// idle for most of the run. The main thread and up to (cores - 1) worker threads run the jobs,
// largest first; with one job (or one core) everything stays in-process.
//
// The main thread takes a share of the jobs instead of waiting on the workers: every thread that
// emits loads its own copy of the emitters' modules (the TypeScript compiler under
// openapi-typescript alone is ~45 MB resident, loaded with require() as below), so a waiting main thread plus one worker per core
// held one copy more than the cores can use at once. Threads claim jobs from a shared counter, so
// a worker never waits for the main thread's event loop, which a running job keeps busy.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { importTypeScriptThroughRequire } from './emit/typescript-require.ts';
import { SvcgenInputError } from './load/errors.ts';
import type { VendorJob, VendorJobResult } from './vendor-job.ts';

/**
 * A job allocates fast and keeps much of it (a parsed spec, its model, the emitted text), and V8
 * lets a young generation grow to tens of MB under that load. Capped at 6 MB on the workers, a 4 MB
 * spec plus a 46-file one (this repository's two largest vendors) on two threads peaked at
 * 372-380 MB resident instead of 400-407 MB (three runs each, loaded machine), with no CPU time
 * difference outside the runs' spread. The main thread's young generation is set when Node starts
 * and cannot be capped from here.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 6 };

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

/** Runs claimed jobs on a worker until none is left; settles when the worker says it is done. */
function drain(worker: Worker, assignment: WorkerAssignment, onResult: (result: VendorJobResult) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    worker.on('message', (reply: WorkerReply) => {
      if (!reply.ok) reject(rebuildError(reply));
      else if ('done' in reply) resolve();
      else onResult(reply.result);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`a generation worker exited (code ${code}) before finishing its jobs`)));
    worker.postMessage(assignment);
  });
}

export async function runVendorJobs(
  jobs: VendorJob[],
  weight: (job: VendorJob) => number,
  onDone: (result: VendorJobResult) => void,
): Promise<VendorJobResult[]> {
  if (jobs.length === 0) return [];
  const threads = Math.min(jobs.length, availableParallelism(), Number(process.env.SVCGEN_THREADS) || Infinity);
  const assignment: WorkerAssignment = { jobs: [...jobs].sort((a, b) => weight(b) - weight(a)), next: new SharedArrayBuffer(4) };
  const results = new Map<string, VendorJobResult>();
  const record = (result: VendorJobResult) => {
    onDone(result);
    results.set(result.vendor, result);
  };
  // The installed package runs compiled JavaScript (dist/), where the worker entry is a .js file:
  // tsc rewrites import specifiers, not URLs, so the entry follows this module's own extension. A
  // checkout's worker first takes the launcher's type-stripping cache (vendor-worker-source.js).
  const workerEntry = import.meta.url.endsWith('.ts') ? './vendor-worker-source.js' : './vendor-worker.js';
  // Started before this thread loads the emitters, so their module loading overlaps ours.
  const workers = Array.from({ length: threads - 1 }, () => new Worker(new URL(workerEntry, import.meta.url), { resourceLimits: WORKER_LIMITS }));
  const inProcess = async () => {
    // Imported on demand: an up-to-date run never loads the emitters (openapi-typescript, zod…).
    importTypeScriptThroughRequire();
    const { runVendorJob } = await import('./vendor-job.ts');
    for (let job = claimJob(assignment); job; job = claimJob(assignment)) record(await runVendorJob(job));
  };
  try {
    await Promise.all([inProcess(), ...workers.map((worker) => drain(worker, assignment, record))]);
  } catch (err) {
    claimAll(assignment);
    throw err;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return jobs.map((job) => results.get(job.vendor)!);
}
