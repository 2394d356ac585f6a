// Vendors are independent, and on a 2-core machine generating them one after another leaves a core
// idle for most of the run. A small pool of worker threads runs the jobs, largest first; with one
// job (or one core) everything stays in-process.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { SvcgenInputError } from './load/errors.ts';
import type { VendorJob, VendorJobResult } from './vendor-job.ts';

type WorkerReply =
  | { ok: true; result: VendorJobResult }
  | { ok: false; message: string; stack?: string; input?: { file: string; pointer?: string; line?: number; column?: number } };

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

export async function runVendorJobs(
  jobs: VendorJob[],
  weight: (job: VendorJob) => number,
  onDone: (result: VendorJobResult) => void,
): Promise<VendorJobResult[]> {
  if (jobs.length === 0) return [];
  const threads = Math.min(jobs.length, availableParallelism(), Number(process.env.SVCGEN_THREADS) || Infinity);
  if (threads <= 1) {
    // Imported on demand: an up-to-date run never loads the emitters (openapi-typescript, zod…).
    const { runVendorJob } = await import('./vendor-job.ts');
    const results: VendorJobResult[] = [];
    for (const job of jobs) {
      const result = await runVendorJob(job);
      onDone(result);
      results.push(result);
    }
    return results;
  }
  const queue = [...jobs].sort((a, b) => weight(b) - weight(a));
  const results = new Map<string, VendorJobResult>();
  // The installed package runs compiled JavaScript (dist/), where the worker entry is a .js file:
  // tsc rewrites import specifiers, not URLs, so the extension follows this module's own.
  const workerEntry = import.meta.url.endsWith('.ts') ? './vendor-worker.ts' : './vendor-worker.js';
  const workers = Array.from({ length: threads }, () => new Worker(new URL(workerEntry, import.meta.url)));
  try {
    await Promise.all(
      workers.map(async (worker) => {
        for (let job = queue.shift(); job; job = queue.shift()) {
          const reply = await new Promise<WorkerReply>((resolve, reject) => {
            worker.once('message', resolve);
            worker.once('error', reject);
            worker.postMessage(job);
          });
          worker.removeAllListeners('error');
          if (!reply.ok) throw rebuildError(reply);
          onDone(reply.result);
          results.set(reply.result.vendor, reply.result);
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return jobs.map((job) => results.get(job.vendor)!);
}
