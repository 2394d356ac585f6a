// Test harness Worker. Each request to /callers plays one caller with its own pipeline, as a
// separate isolate would have, drawing on the budget of the shared Durable Object (or, as the
// control, on its own memory). The transport is a stub that counts what would have reached the
// vendor, so the test needs no network.

import { durableStores, type DurableNamespaceLike, type SharedLimiterStub } from '../../runtime/durable/stores.ts';
import { createPipeline } from '../../runtime/pipeline.ts';
import type { OperationMeta } from '../../runtime/contract.ts';
import { CircuitOpenError, RateLimitError } from '../../runtime/policy/errors.ts';

export { SharedLimiter } from '../../runtime/durable/shared-limiter.ts';
export { WebhookDedupe } from '../../runtime/durable/dedupe.ts';
import { acmeQueue, type WebhookEnv } from './acme-webhooks.ts';

interface Env {
  SHARED_LIMITER: DurableNamespaceLike;
}

const createCharge: OperationMeta = {
  id: 'PostCharges',
  method: 'POST',
  path: '/v1/charges',
  resilience: 'unsafe',
  idempotency: { kind: 'header', name: 'Idempotency-Key' },
};

export interface CallerReport {
  sent: number;
  /** Limiter reservations this caller sent to the Durable Object. */
  reserveRpcs: number;
  rateLimited: number;
  circuitOpen: number;
  statuses: number[];
  keys: string[];
  bodies: string[];
}

async function runCaller(env: Env, url: URL): Promise<CallerReport> {
  const calls = Number(url.searchParams.get('calls') ?? 10);
  const shared = url.searchParams.get('store') !== 'memory';
  const vendor = url.searchParams.get('vendor') ?? 'acme';
  const status = Number(url.searchParams.get('status') ?? 200);
  const ratePerSecond = Number(url.searchParams.get('rate') ?? 1);
  const burst = Number(url.searchParams.get('burst') ?? 5);
  // `ownRate`/`ownBurst` give the operation a bucket of its own besides the vendor-wide one.
  const ownRate = url.searchParams.get('ownRate');
  const ownBucket = ownRate === null ? undefined : { ratePerSecond: Number(ownRate), burst: Number(url.searchParams.get('ownBurst') ?? 1) };
  const report: CallerReport = { sent: 0, reserveRpcs: 0, rateLimited: 0, circuitOpen: 0, statuses: [], keys: [], bodies: [] };
  const pipeline = createPipeline({
    vendor,
    policy: {
      retry: { maxRetries: Number(url.searchParams.get('retries') ?? 0), baseDelayMs: 1, maxDelayMs: 5 },
      rateLimits: { default: { ratePerSecond, burst }, ...(ownBucket ? { files: ownBucket } : {}) },
      breaker: { consecutiveFailures: 3, cooldownMs: 60_000 },
      timeoutMs: 5000,
    },
    overrides: { rateLimit: { maxWaitMs: 0 } },
    logger: false,
    // `transport=global` leaves the pipeline on globalThis.fetch (which a test may stub).
    ...(url.searchParams.get('transport') === 'global' ? {} : { fetch: stub }),
    ...(shared ? durableStores(countingReserves(env.SHARED_LIMITER, report), vendor) : {}),
  });
  async function stub(request: Request): Promise<Response> {
    report.sent++;
    report.keys.push(request.headers.get('idempotency-key') ?? '');
    report.bodies.push(await request.text());
    return new Response('{}', { status: report.sent === 1 && url.searchParams.has('firstStatus') ? Number(url.searchParams.get('firstStatus')) : status });
  }
  const outcomes = await Promise.allSettled(
    Array.from({ length: calls }, (_, i) =>
      pipeline.fetchFor(ownBucket ? { ...createCharge, bucket: 'files' } : createCharge)(new Request('https://api.acme.test/v1/charges', { method: 'POST', body: `amount=${i}` })),
    ),
  );
  for (const outcome of outcomes) {
    if (outcome.status === 'fulfilled') report.statuses.push(outcome.value.status);
    else if (outcome.reason instanceof RateLimitError) report.rateLimited++;
    else if (outcome.reason instanceof CircuitOpenError) report.circuitOpen++;
    else throw outcome.reason;
  }
  return report;
}

/** The namespace with each stub's `reserve` RPCs counted in `report`. */
function countingReserves(namespace: DurableNamespaceLike, report: CallerReport): DurableNamespaceLike {
  return {
    idFromName: (name) => namespace.idFromName(name),
    get: (id) => {
      const stub = namespace.get(id) as SharedLimiterStub;
      const counted: SharedLimiterStub = {
        reserve: (buckets, windowKey, maxWaitMs) => {
          report.reserveRpcs++;
          return stub.reserve(buckets, windowKey, maxWaitMs);
        },
        observe: (windowKey, remaining, resetAt) => stub.observe(windowKey, remaining, resetAt),
        acquire: (key, config) => stub.acquire(key, config),
        record: (key, config, outcome, probe) => stub.record(key, config, outcome, probe),
      };
      return counted;
    },
  };
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === '/caller') return Response.json(await runCaller(env, url));
    return new Response('not found', { status: 404 });
  },
  // The webhook queue and its dead-letter queue (acme-webhooks.ts).
  queue: (batch: Parameters<typeof acmeQueue>[0], env: WebhookEnv) => acmeQueue(batch, env),
};
