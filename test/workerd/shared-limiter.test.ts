// Inside workerd: callers with separate pipelines (as separate isolates have) share one budget
// and one circuit through the SharedLimiter Durable Object, and the pipeline runs unmodified.

import { env, exports } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DurableNamespaceLike, SharedLimiterStub } from '../../runtime/durable/stores.ts';
import type { CallerReport } from './worker.ts';

async function caller(query: Record<string, string | number>): Promise<CallerReport> {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const response = await exports.default.fetch(`https://harness.test/caller?${params}`);
  expect(response.status).toBe(200);
  return (await response.json()) as CallerReport;
}

describe('SharedLimiter Durable Object', () => {
  it('two callers drawing on one object never exceed the shared budget', async () => {
    // 1 request/s with a burst of 5: however the callers interleave, at most 5 go out at once
    // (plus one per second the test takes).
    const started = Date.now();
    const [a, b] = await Promise.all([caller({ vendor: 'shared-rate', calls: 12 }), caller({ vendor: 'shared-rate', calls: 12 })]);
    const elapsedSeconds = (Date.now() - started) / 1000;
    const sent = a.sent + b.sent;
    expect(sent).toBeGreaterThanOrEqual(5);
    expect(sent).toBeLessThanOrEqual(5 + Math.floor(elapsedSeconds));
    expect(a.rateLimited + b.rateLimited).toBe(24 - sent);
  });

  it('without the object each caller spends a budget of its own (the control)', async () => {
    const [a, b] = await Promise.all([
      caller({ vendor: 'local-rate', calls: 12, store: 'memory' }),
      caller({ vendor: 'local-rate', calls: 12, store: 'memory' }),
    ]);
    expect(a.sent).toBe(5);
    expect(b.sent).toBe(5);
  });

  it("a refused vendor-wide slot spends nothing from the operation's bucket, in one RPC per call", async () => {
    // Vendor-wide burst 1: of three calls at once, one goes out and two are refused. The
    // operation's own bucket holds three slots that do not refill during the test.
    const report = await caller({ vendor: 'own-bucket', calls: 3, rate: 0.001, burst: 1, ownRate: 0.001, ownBurst: 3 });
    expect(report.sent).toBe(1);
    expect(report.rateLimited).toBe(2);
    expect(report.reserveRpcs).toBe(3);
    // Asked directly, the object still has the two slots the refused calls did not take.
    const namespace = (env as { SHARED_LIMITER: DurableNamespaceLike }).SHARED_LIMITER;
    const stub = namespace.get(namespace.idFromName('own-bucket') as never) as SharedLimiterStub;
    const own = [{ key: 'own-bucket:files', ratePerSecond: 0.001, burst: 3 }];
    const answers = [await stub.reserve(own, undefined, 0), await stub.reserve(own, undefined, 0), await stub.reserve(own, undefined, 0)];
    expect(answers.map((a) => a.ok)).toEqual([true, true, false]);
  });

  it('a circuit opened by one caller fails the other fast', async () => {
    const failing = await caller({ vendor: 'shared-breaker', calls: 3, status: 503, rate: 1000, burst: 1000 });
    expect(failing.statuses).toEqual([503, 503, 503]);
    const other = await caller({ vendor: 'shared-breaker', calls: 4, rate: 1000, burst: 1000 });
    expect(other.sent).toBe(0);
    expect(other.circuitOpen).toBe(4);
  });
});

describe('the pipeline in workerd', () => {
  it('retries a keyed POST with one idempotency key and the same body', async () => {
    const report = await caller({ vendor: 'retrying', calls: 1, retries: 2, firstStatus: 503, rate: 1000, burst: 1000 });
    expect(report.statuses).toEqual([200]);
    expect(report.sent).toBe(2);
    expect(report.keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(report.keys[1]).toBe(report.keys[0]);
    expect(report.bodies).toEqual(['amount=0', 'amount=0']);
  });

  it("hands workerd's fetch an unread request, with the buffered body also in init, on every attempt", async () => {
    const seen: { body: string; key: string | null; aborted: boolean }[] = [];
    vi.stubGlobal('fetch', async (input: Request, init?: RequestInit) => {
      // A fetch double that reads only the Request would fail on a body already used.
      expect(input.bodyUsed).toBe(false);
      expect(init?.body).toBeInstanceOf(ArrayBuffer);
      // What fetch does first: the body in init replaces the Request's.
      const request = new Request(input, init);
      seen.push({ body: await request.text(), key: request.headers.get('idempotency-key'), aborted: request.signal.aborted });
      return new Response('{}', { status: seen.length === 1 ? 502 : 200 });
    });
    const report = await caller({ vendor: 'global-fetch', calls: 1, retries: 2, transport: 'global', rate: 1000, burst: 1000 });
    expect(report.statuses).toEqual([200]);
    expect(seen.map((s) => s.body)).toEqual(['amount=0', 'amount=0']);
    expect(seen[1]!.key).toBe(seen[0]!.key);
    expect(seen.every((s) => !s.aborted)).toBe(true);
  });
});

afterEach(() => vi.unstubAllGlobals());
