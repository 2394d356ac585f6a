// Runs spec tasks on a few worker threads (generation is CPU-bound and single-threaded). A task
// that overruns its time or kills its worker (out of memory, process.exit in a peer tool) becomes
// a `crashed` outcome and the worker is replaced, so one spec cannot stop the run.
import { Worker } from 'node:worker_threads';
import type { SpecOutcome, SpecTask } from './run-spec.ts';

export interface PoolOptions {
  threads: number;
  timeoutMs: number;
  /** Heap limit per worker; a spec that needs more is reported as crashed. */
  maxOldGenerationSizeMb?: number;
  onOutcome?: (outcome: SpecOutcome) => void;
}

export async function runPool(tasks: SpecTask[], options: PoolOptions): Promise<SpecOutcome[]> {
  const queue = [...tasks];
  const outcomes: SpecOutcome[] = [];
  const spawn = () =>
    new Worker(new URL('./worker.ts', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb ?? 2048 },
      stdout: true,
      stderr: true,
    });
  const lane = async () => {
    let worker = spawn();
    try {
      for (let task = queue.shift(); task; task = queue.shift()) {
        const started = performance.now();
        const outcome = await new Promise<SpecOutcome>((resolve) => {
          const fail = (why: string) => {
            cleanup();
            void worker.terminate();
            worker = spawn();
            resolve({ tool: task!.tool, id: task!.id, status: 'crashed', message: why, cause: why, ms: Math.round(performance.now() - started) });
          };
          const timer = setTimeout(() => fail(`no result within ${options.timeoutMs / 1000} s`), options.timeoutMs);
          const onMessage = (message: SpecOutcome) => {
            cleanup();
            resolve(message);
          };
          const onError = (error: Error) => fail(`worker died: ${/heap|memory/i.test(error.message) ? 'out of memory' : error.message.slice(0, 120)}`);
          const onExit = (code: number) => fail(`worker exited with code ${code}`);
          const cleanup = () => {
            clearTimeout(timer);
            worker.off('message', onMessage);
            worker.off('error', onError);
            worker.off('exit', onExit);
          };
          worker.on('message', onMessage);
          worker.on('error', onError);
          worker.on('exit', onExit);
          worker.postMessage(task);
        });
        outcomes.push(outcome);
        options.onOutcome?.(outcome);
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.threads) }, lane));
  return outcomes;
}
