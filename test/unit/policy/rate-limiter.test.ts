import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OperationMeta } from '../../../runtime/contract.ts';
import { RateLimitError } from '../../../runtime/policy/errors.ts';
import { MemoryLimiterStore, type BucketSpec, type LimiterStore } from '../../../runtime/policy/rate-limiter.ts';
import { get, getCustomer, harness, ManualClock, respond, testPolicy } from './support.ts';

const bucket: BucketSpec = { key: 'v:default', ratePerSecond: 10, burst: 3 };

describe('token bucket', () => {
  it('lets a burst through at once, then paces at the rate', () => {
    const limiter = new MemoryLimiterStore(new ManualClock());
    const waits = Array.from({ length: 6 }, () => limiter.reserve([bucket], undefined, 10_000));
    expect(waits).toEqual([0, 0, 0, 100, 200, 300].map((waitMs) => ({ ok: true, waitMs })));
  });

  it('refills with time, up to the burst', async () => {
    const clock = new ManualClock();
    const limiter = new MemoryLimiterStore(clock);
    for (let i = 0; i < 3; i++) limiter.reserve([bucket], undefined, 0);
    await clock.advance(150);
    expect(limiter.reserve([bucket], undefined, 0)).toEqual({ ok: true, waitMs: 0 });
    expect(limiter.reserve([bucket], undefined, 0)).toMatchObject({ ok: false });
    await clock.advance(10_000);
    const again = Array.from({ length: 4 }, () => limiter.reserve([bucket], undefined, 0).ok);
    expect(again).toEqual([true, true, true, false]);
  });

  it('refuses a wait longer than allowed, reserving nothing', () => {
    const clock = new ManualClock();
    const limiter = new MemoryLimiterStore(clock);
    for (let i = 0; i < 3; i++) limiter.reserve([bucket], undefined, 0);
    expect(limiter.reserve([bucket], undefined, 50)).toEqual({ ok: false, retryAt: clock.now() + 100, key: 'v:default' });
    expect(limiter.reserve([bucket], undefined, 100)).toEqual({ ok: true, waitMs: 100 });
  });

  it('needs a slot in every bucket and reports the one that limits', () => {
    const clock = new ManualClock();
    const limiter = new MemoryLimiterStore(clock);
    const files: BucketSpec = { key: 'v:files', ratePerSecond: 1, burst: 1 };
    expect(limiter.reserve([bucket, files], undefined, 0)).toEqual({ ok: true, waitMs: 0 });
    expect(limiter.reserve([bucket, files], undefined, 0)).toEqual({ ok: false, retryAt: clock.now() + 1000, key: 'v:files' });
    // The refused reservation took nothing from the vendor-wide bucket.
    expect(limiter.reserve([bucket], undefined, 0)).toEqual({ ok: true, waitMs: 0 });
    expect(limiter.reserve([bucket], undefined, 0)).toEqual({ ok: true, waitMs: 0 });
    expect(limiter.reserve([bucket], undefined, 0).ok).toBe(false);
  });

  it("books a slot ahead in one bucket without taking the free slots before it", () => {
    const clock = new ManualClock();
    const limiter = new MemoryLimiterStore(clock);
    const vendor: BucketSpec = { key: 'v:default', ratePerSecond: 10, burst: 1 };
    const files: BucketSpec = { key: 'v:files', ratePerSecond: 1, burst: 1 };
    expect(limiter.reserve([files, vendor], undefined, 10_000)).toEqual({ ok: true, waitMs: 0 });
    // The second upload leaves in 1 s and holds the vendor-wide slot at 1000 ms, and only that one.
    expect(limiter.reserve([files, vendor], undefined, 10_000)).toEqual({ ok: true, waitMs: 1000 });
    const waits = Array.from({ length: 11 }, () => limiter.reserve([vendor], undefined, 10_000)).map((r) => r.ok && r.waitMs);
    expect(waits).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1100, 1200]);
  });

  it('never books more than a bucket allows, however reservations across buckets interleave', async () => {
    const specs: BucketSpec[] = [
      { key: 'v:default', ratePerSecond: 10, burst: 3 },
      { key: 'v:files', ratePerSecond: 2, burst: 1 },
      { key: 'v:search', ratePerSecond: 4, burst: 2 },
    ];
    const step = fc.record({ advance: fc.integer({ min: 0, max: 400 }), own: fc.integer({ min: 0, max: 2 }), maxWaitMs: fc.integer({ min: 0, max: 3000 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 60 }), async (steps) => {
        const clock = new ManualClock();
        const limiter = new MemoryLimiterStore(clock);
        const booked = new Map<string, number[]>(specs.map((b) => [b.key, []]));
        for (const { advance, own, maxWaitMs } of steps) {
          await clock.advance(advance);
          const buckets = own === 0 ? [specs[0]!] : [specs[own]!, specs[0]!];
          const slot = limiter.reserve(buckets, undefined, maxWaitMs);
          if (slot.ok) for (const b of buckets) booked.get(b.key)!.push(clock.now() + slot.waitMs);
        }
        // Replaying each bucket's slots in time order through a plain GCRA accepts every one.
        for (const b of specs) {
          const interval = 1000 / b.ratePerSecond;
          let tat = -Infinity;
          for (const at of booked.get(b.key)!.sort((x, y) => x - y)) {
            if (at < tat - (b.burst - 1) * interval - 1e-9) return false;
            tat = Math.max(tat, at) + interval;
          }
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('holds calls until the reset the vendor reported when its budget is spent', () => {
    const clock = new ManualClock();
    const limiter = new MemoryLimiterStore(clock);
    limiter.observe('v:op', 0, clock.now() + 5000);
    expect(limiter.reserve([], 'v:op', 10_000)).toEqual({ ok: true, waitMs: 5000 });
    expect(limiter.reserve([], 'v:other', 10_000)).toEqual({ ok: true, waitMs: 0 });
  });

  it("spends a vendor-reported remainder before waiting for the vendor's reset", () => {
    const clock = new ManualClock();
    const limiter = new MemoryLimiterStore(clock);
    const roomy: BucketSpec = { key: 'v:default', ratePerSecond: 1000, burst: 1000 };
    limiter.observe('v:op', 2, clock.now() + 3000);
    const waits = Array.from({ length: 3 }, () => limiter.reserve([roomy], 'v:op', 10_000));
    expect(waits.map((r) => r.ok && r.waitMs)).toEqual([0, 0, 3000]);
  });

  it('ignores a report whose reset has already passed', () => {
    const clock = new ManualClock();
    const limiter = new MemoryLimiterStore(clock);
    limiter.observe('v:op', 0, clock.now() - 1);
    expect(limiter.reserve([bucket], 'v:op', 0)).toEqual({ ok: true, waitMs: 0 });
  });
});

describe('rate limiting in the pipeline', () => {
  const files: OperationMeta = { ...getCustomer, id: 'GetFile', bucket: 'files' };
  const policy = () => ({
    ...testPolicy(),
    rateLimits: { default: { ratePerSecond: 10, burst: 2 }, files: { ratePerSecond: 1, burst: 1 } },
  });

  it('waits for a slot, then sends', async () => {
    const { call, sent } = harness([respond(200)], { policy: policy() });
    for (let i = 0; i < 4; i++) await call(getCustomer, get());
    expect(sent.map((s) => s.at - sent[0]!.at)).toEqual([0, 0, 100, 200]);
  });

  it('paces every attempt, retries included', async () => {
    const { call, sent } = harness([respond(503, { 'retry-after': '0' }), respond(503, { 'retry-after': '0' }), respond(200)], {
      policy: policy(),
    });
    await call(getCustomer, get());
    expect(sent.map((s) => s.at - sent[0]!.at)).toEqual([0, 0, 100]);
  });

  it('fails with RateLimitError when the wait would exceed maxWaitMs', async () => {
    const { sent, clock, pipeline } = harness([respond(200)], { policy: policy(), overrides: { rateLimit: { maxWaitMs: 150 } } });
    const started = clock.now();
    const calls = Array.from({ length: 4 }, () => pipeline.fetchFor(getCustomer)(get()));
    const outcomes = await clock.run(Promise.allSettled(calls));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
    const error = (outcomes[3] as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ bucket: 'test:default', retryAt: started + 200 });
    expect(sent).toHaveLength(3);
  });

  it("does not let one operation's backlog hold back the others", async () => {
    const { clock, pipeline, sent } = harness([respond(200)], { policy: policy() });
    const uploads = Array.from({ length: 5 }, () => pipeline.fetchFor(files)(get('https://api.example.com/files')));
    await clock.advance(0);
    const customer = pipeline.fetchFor(getCustomer)(get());
    await clock.run(Promise.all([...uploads, customer]));
    const at = (url: string) => sent.filter((s) => s.url.endsWith(url)).map((s) => s.at - sent[0]!.at);
    expect(at('/files')).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(at('/cus_1')).toEqual([0]);
  });

  it("spends nothing from the operation's bucket when the vendor-wide bucket refuses, in one reservation", async () => {
    const policy = {
      ...testPolicy(),
      rateLimits: { default: { ratePerSecond: 1, burst: 1 }, files: { ratePerSecond: 0.001, burst: 1 } },
    };
    const clock = new ManualClock();
    const memory = new MemoryLimiterStore(clock);
    const reserved: string[][] = [];
    const limiter: LimiterStore = {
      reserve: (buckets, windowKey, maxWaitMs) => {
        reserved.push(buckets.map((b) => b.key));
        return memory.reserve(buckets, windowKey, maxWaitMs);
      },
      observe: (windowKey, remaining, resetAt) => memory.observe(windowKey, remaining, resetAt),
    };
    const { call, sent } = harness([respond(200)], { clock, policy, limiter, overrides: { rateLimit: { maxWaitMs: 0 } } });
    await call(getCustomer, get());
    for (let i = 0; i < 3; i++) await expect(call(files, get())).rejects.toMatchObject({ bucket: 'test:default' });
    // One reservation per attempt, covering both buckets.
    expect(reserved.slice(1)).toEqual(Array.from({ length: 3 }, () => ['test:files', 'test:default']));
    await clock.advance(1000);
    // The upload's only slot (one per 1000 s) is still there.
    expect((await call(files, get())).status).toBe(200);
    expect(sent).toHaveLength(2);
  });

  it('fails fast when the call says so', async () => {
    const { call, sent } = harness([respond(200)], { policy: policy() });
    await call(getCustomer, get());
    await call(getCustomer, get());
    await expect(call(getCustomer, get(), { rateLimit: { maxWaitMs: 0 } })).rejects.toBeInstanceOf(RateLimitError);
    expect(sent).toHaveLength(2);
  });

  it("applies the operation's own bucket on top of the vendor's", async () => {
    const { call } = harness([respond(200)], { policy: policy(), overrides: { rateLimit: { maxWaitMs: 0 } } });
    await call(files, get());
    await expect(call(files, get())).rejects.toMatchObject({ bucket: 'test:files' });
    expect((await call(getCustomer, get())).status).toBe(200);
  });

  it('can be turned off per call', async () => {
    const { call, sent } = harness([respond(200)], { policy: policy(), overrides: { rateLimit: { maxWaitMs: 0 } } });
    for (let i = 0; i < 5; i++) await call(getCustomer, get(), { rateLimit: false });
    expect(sent).toHaveLength(5);
  });

  it('adapts to X-RateLimit-Remaining/Reset sent by the vendor', async () => {
    const clock = new ManualClock();
    const reset = String(clock.now() / 1000 + 60);
    const { call, sent } = harness(
      [respond(200, { 'x-ratelimit-remaining': '1', 'x-ratelimit-reset': reset }), respond(200), respond(200)],
      {
        clock,
        policy: { ...testPolicy(), rateLimitHeaders: { remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset' } },
        overrides: { rateLimit: { maxWaitMs: 120_000 } },
      },
    );
    await call(getCustomer, get());
    await call(getCustomer, get());
    await call(getCustomer, get());
    expect(sent.map((s) => s.at - sent[0]!.at)).toEqual([0, 0, 60_000]);
  });

  it('ignores an empty or unreadable X-RateLimit-Remaining rather than reading it as none left', async () => {
    for (const remaining of ['', ' ', 'n/a', '-1']) {
      const clock = new ManualClock();
      const reset = String(clock.now() / 1000 + 60);
      const { call, sent } = harness([respond(200, { 'x-ratelimit-remaining': remaining, 'x-ratelimit-reset': reset }), respond(200)], {
        clock,
        policy: { ...testPolicy(), rateLimitHeaders: { remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset' } },
        overrides: { rateLimit: { maxWaitMs: 120_000 } },
      });
      await call(getCustomer, get());
      await call(getCustomer, get());
      expect(sent.map((s) => s.at - sent[0]!.at)).toEqual([0, 0]);
    }
  });
});
