// Worker-thread entry of the corpus pool: one spec task at a time.
import { parentPort } from 'node:worker_threads';
import { runSpec, type SpecTask } from './run-spec.ts';

parentPort!.on('message', async (task: SpecTask) => {
  parentPort!.postMessage(await runSpec(task));
});
