// Worker-thread entry: runs the vendor jobs it claims from the pool's shared counter (parallel.ts),
// posting back each result or the first input error, then that it is done.
import { parentPort } from 'node:worker_threads';
import { SvcgenInputError } from './load/errors.ts';
import { importTypeScriptThroughRequire } from './emit/typescript-require.ts';
import { claimJob, type WorkerAssignment, type WorkerReply } from './parallel.ts';

importTypeScriptThroughRequire();
// Loaded now, not on the first job: the pool starts workers first so this overlaps the main thread's own loading.
const { runVendorJob } = await import('./vendor-job.ts');

// `on`, not `once`: a listener keeps the worker alive between its jobs' awaits until the pool ends it.
parentPort!.on('message', async (assignment: WorkerAssignment) => {
  const post = (reply: WorkerReply) => parentPort!.postMessage(reply);
  try {
    for (let job = claimJob(assignment); job; job = claimJob(assignment)) post({ ok: true, result: await runVendorJob(job) });
    post({ ok: true, done: true });
  } catch (err) {
    const e = err as Error;
    const input = err instanceof SvcgenInputError ? { file: err.file, pointer: err.pointer, line: err.line, column: err.column } : undefined;
    post({ ok: false, message: e.message, stack: e.stack, ...(input ? { input } : {}) });
  }
});
