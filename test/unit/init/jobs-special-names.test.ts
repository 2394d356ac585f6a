// The Queue consumer `svcgen init` writes (templates/init/src/jobs.ts) looks a job's runner up by
// the job's type, which arrives in the queue message: a type no runner was registered for is
// dropped with a log line, whatever its name, and a runner registered as `__proto__` is kept as
// a job type of its own.
import { afterEach, describe, expect, it, vi } from 'vitest';

// Loaded by URL: the template imports the Worker's env.ts and Workers types, which only a
// scaffolded Worker has, so the project's type-check must not follow it.
const JOBS = new URL('../../../templates/init/src/jobs.ts', import.meta.url).href;
interface Job {
  type: string;
  key: string;
  payload: unknown;
}
const { consumeJobs, jobs, registerJob } = (await import(JOBS)) as {
  consumeJobs(batch: unknown, env: unknown): Promise<void>;
  jobs: Record<string, unknown>;
  registerJob(type: string, run: () => Promise<void>): void;
};

/** A one-message batch of the main queue, recording what the consumer did with the message. */
function batchOf(type: string) {
  const done: string[] = [];
  const message = { body: { type, key: 'k1', payload: null } as Job, attempts: 1, ack: () => done.push('ack'), retry: () => done.push('retry') };
  return { done, batch: { queue: 'svcgen-jobs', messages: [message] } };
}

afterEach(() => vi.restoreAllMocks());

describe('the Queue consumer of svcgen init, by job type', () => {
  it('drops a job whose type names no registered runner, also a name Object.prototype has', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const type of ['toString', 'constructor', 'valueOf', 'hasOwnProperty', 'no-such-job']) {
      const { done, batch } = batchOf(type);
      await consumeJobs(batch, {});
      expect(done, type).toEqual(['ack']);
    }
    expect(logged.mock.calls.map(([line]) => JSON.parse(String(line)).msg)).toEqual(Array(5).fill('unknown job type; dropped'));
  });

  it('keeps a runner registered as __proto__ as a job type of its own', () => {
    const run = async () => {};
    registerJob('__proto__', run);
    expect(Object.hasOwn(jobs, '__proto__')).toBe(true);
    expect(jobs['__proto__']).toBe(run);
  });
});
