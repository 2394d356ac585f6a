// Limiter and breaker stores that delegate to a SharedLimiter Durable Object over RPC. Runs
// anywhere a stub does; the Durable Object class itself lives in shared-limiter.ts.

import type { BreakerStore } from '../policy/breaker.ts';
import type { LimiterStore } from '../policy/rate-limiter.ts';

/** The RPC surface of SharedLimiter, as a stub exposes it. */
export interface SharedLimiterStub {
  reserve: LimiterStore['reserve'];
  observe: LimiterStore['observe'];
  acquire: BreakerStore['acquire'];
  record: BreakerStore['record'];
}

/** The part of a Durable Object namespace binding used here (`env.SHARED_LIMITER`). */
export interface DurableNamespaceLike {
  idFromName(name: string): unknown;
  get(id: never): unknown;
}

/**
 * Stores backed by one SharedLimiter object per `name` (one per vendor is the natural choice:
 * a reservation spans the vendor's default bucket and the operation's own bucket, so both must
 * live in the same object).
 */
export function durableStores(namespace: DurableNamespaceLike, name: string): { limiter: LimiterStore; breaker: BreakerStore } {
  const stub = namespace.get(namespace.idFromName(name) as never) as SharedLimiterStub;
  return {
    // `async` turns the stub's RPC promises into native Promises, which is what the pipeline awaits.
    limiter: {
      reserve: async (buckets, windowKey, maxWaitMs) => stub.reserve(buckets, windowKey, maxWaitMs),
      observe: async (windowKey, remaining, resetAt) => stub.observe(windowKey, remaining, resetAt),
    },
    breaker: {
      acquire: async (key, config) => stub.acquire(key, config),
      record: async (key, config, outcome, probe) => stub.record(key, config, outcome, probe),
    },
  };
}
