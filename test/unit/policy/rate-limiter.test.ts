import { describe, expect, it } from 'vitest';
import type { OperationMeta } from '../../../runtime/contract.ts';
import { RateLimitError } from '../../../runtime/policy/errors.ts';
import { MemoryLimiterStore, type BucketSpec } from '../../../runtime/policy/rate-limiter.ts';
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
});
