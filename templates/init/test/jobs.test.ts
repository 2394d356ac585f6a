// The Queue path inside workerd (written by `svcgen init`): the Worker's consumer runs each job once
// per key however often the queue delivers it, retries a job that throws, and after the queue's
// max_retries the dead-letter queue's consumer records it in KV. Jobs are registered here, in the
// Worker's own isolate, so the test observes every run.
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Env } from '../src/env.ts';
import worker from '../src/index.ts';
import { registerJob, type Job } from '../src/jobs.ts';

const runs: unknown[] = [];
let failuresLeft = 0;
registerJob('test-record', async (payload) => {
  if (failuresLeft-- > 0) throw new Error('job failed');
  runs.push(payload);
});
registerJob('test-always-fails', async () => {
  throw new Error('always fails');
});

const message = (id: string, body: Job, attempts = 1) => ({ id, timestamp: new Date(), attempts, body });

async function consume(messages: ReturnType<typeof message>[]) {
  const batch = createMessageBatch<Job>('jobs', messages);
  const ctx = createExecutionContext();
  await (worker as ExportedHandler<Env, Job>).queue!(batch as MessageBatch<Job>, env as Env, ctx);
  return getQueueResult(batch, ctx);
}

describe('the job queue consumer', () => {
  it('runs a job once per key across copies in one batch and across batches', async () => {
    runs.length = 0;
    const key = crypto.randomUUID();
    const job: Job = { type: 'test-record', key, payload: { key } };
    const first = await consume([message('a', job), message('b', job)]);
    const again = await consume([message('c', job, 2)]);
    expect(first.explicitAcks.sort()).toEqual(['a', 'b']);
    expect(again.explicitAcks).toEqual(['c']);
    expect(runs).toEqual([{ key }]);
  });

  it('retries a job that throws, then runs it once', async () => {
    runs.length = 0;
    failuresLeft = 1;
    const key = crypto.randomUUID();
    const job: Job = { type: 'test-record', key, payload: { key } };
    const failed = await consume([message('x', job)]);
    expect(failed.retryMessages.map((m) => m.msgId)).toEqual(['x']);
    expect(runs).toEqual([]);
    const retried = await consume([message('x', job, 2)]);
    expect(retried.explicitAcks).toEqual(['x']);
    expect(runs).toEqual([{ key }]);
  });

  it('dead-letters a job that fails every retry', async () => {
    const key = crypto.randomUUID();
    await (env as Env).WEBHOOK_QUEUE.send({ type: 'test-always-fails', key, payload: null });
    const deadline = Date.now() + 45_000;
    let record: string | null = null;
    while (!record && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      record = await (env as Env).CACHE.get(`dead-letter:test-always-fails:${key}`);
    }
    expect(record, 'no dead-letter record within 45 s').not.toBeNull();
    expect(JSON.parse(record!).job).toEqual({ type: 'test-always-fails', key, payload: null });
  });
});
