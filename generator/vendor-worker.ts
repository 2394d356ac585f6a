// Worker-thread entry: runs vendor jobs sent by the pool and posts back results or input errors.
import { parentPort } from 'node:worker_threads';
import { SvcgenInputError } from './load/errors.ts';
import { runVendorJob, type VendorJob } from './vendor-job.ts';

parentPort!.on('message', async (job: VendorJob) => {
  try {
    parentPort!.postMessage({ ok: true, result: await runVendorJob(job) });
  } catch (err) {
    const e = err as Error;
    const input = err instanceof SvcgenInputError ? { file: err.file, pointer: err.pointer, line: err.line, column: err.column } : undefined;
    parentPort!.postMessage({ ok: false, message: e.message, stack: e.stack, input });
  }
});
