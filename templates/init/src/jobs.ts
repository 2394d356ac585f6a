// Follow-up work run from the Queue (written by `svcgen init`; yours to edit): a webhook handler
// enqueues a job and answers at once; the consumer runs each job exactly once per key (the
// WebhookDedupe Durable Object), retries a job that throws (the queue's max_retries), and the
// dead-letter queue's consumer records what failed every retry in KV under `dead-letter:<key>`.
import { durableDedupeStore, runOnce } from 'svcgen/runtime/webhooks';
import type { Env } from './env.ts';

export interface Job {
  /** The job runner's name (a key of `jobs`). */
  type: string;
  /** Exactly-once key, e.g. `<vendor>:<event id>`. */
  key: string;
  payload: unknown;
}

export type JobRunner = (payload: unknown, env: Env) => Promise<void>;

/** Job runners by type; no prototype, so a job of type `toString` or `constructor` is unknown until registered. */
export const jobs: Record<string, JobRunner> = Object.create(null);

export function registerJob(type: string, run: JobRunner): void {
  jobs[type] = run;
}

export async function enqueue(env: Env, job: Job): Promise<void> {
  await env.WEBHOOK_QUEUE.send(job);
}

async function runJob(message: Message<Job>, env: Env): Promise<void> {
  const job = message.body;
  const run = jobs[job.type];
  if (!run) {
    console.error(JSON.stringify({ msg: 'unknown job type; dropped', type: job.type, key: job.key }));
    message.ack();
    return;
  }
  try {
    // waitMs 0: a job another consumer is running is handed back to the queue, not waited on here.
    const outcome = await runOnce(durableDedupeStore(env.WEBHOOK_DEDUPE), `job:${job.type}:${job.key}`, () => run(job.payload, env), { waitMs: 0 });
    if (outcome.status === 'in-progress') message.retry({ delaySeconds: Math.max(1, Math.ceil(outcome.retryAfterMs / 1000)) });
    else message.ack();
  } catch (error) {
    console.error(JSON.stringify({ msg: 'job failed; the queue retries it', type: job.type, key: job.key, attempts: message.attempts, error: (error as Error).name }));
    message.retry();
  }
}

export async function consumeJobs(batch: MessageBatch<Job>, env: Env): Promise<void> {
  if (batch.queue.endsWith('-dlq')) {
    for (const message of batch.messages) {
      await env.CACHE.put(`dead-letter:${message.body.type}:${message.body.key}`, JSON.stringify({ job: message.body, attempts: message.attempts }));
      message.ack();
    }
    return;
  }
  for (const message of batch.messages) await runJob(message, env);
}
