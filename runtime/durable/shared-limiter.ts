/// <reference path="./cloudflare-workers.d.ts" />
// One Durable Object holds the token buckets and circuit state for a vendor, so every isolate of
// a Worker draws on one budget and sees one circuit. A Durable Object runs one call at a time and
// these methods never await, so each reservation or record is atomic. State lives in memory: if
// the object is evicted the buckets start full again and circuits closed, which errs towards
// sending, never towards a stuck circuit. Workers-only (imports `cloudflare:workers`).
//
// wrangler.jsonc:
//   "durable_objects": { "bindings": [{ "name": "SHARED_LIMITER", "class_name": "SharedLimiter" }] },
//   "migrations": [{ "tag": "v1", "new_sqlite_classes": ["SharedLimiter"] }]
// and export it from the Worker's entry: `export { SharedLimiter } from 'svcgen/runtime/durable/shared-limiter'`.

import { DurableObject } from 'cloudflare:workers';
import { MemoryBreakerStore, type BreakerConfig, type BreakerOutcome, type BreakerPermit, type BreakerTransition } from '../policy/breaker.ts';
import { systemClock } from '../policy/clock.ts';
import { MemoryLimiterStore, type BucketSpec, type Reservation } from '../policy/rate-limiter.ts';

export class SharedLimiter extends DurableObject {
  readonly #limiter = new MemoryLimiterStore(systemClock);
  readonly #breaker = new MemoryBreakerStore(systemClock);

  reserve(buckets: BucketSpec[], windowKey: string | undefined, maxWaitMs: number): Reservation {
    return this.#limiter.reserve(buckets, windowKey, maxWaitMs);
  }

  observe(windowKey: string, remaining: number, resetAt: number): void {
    this.#limiter.observe(windowKey, remaining, resetAt);
  }

  acquire(key: string, config: BreakerConfig): BreakerPermit {
    return this.#breaker.acquire(key, config);
  }

  record(key: string, config: BreakerConfig, outcome: BreakerOutcome, probe: number): BreakerTransition | undefined {
    return this.#breaker.record(key, config, outcome, probe);
  }

  circuitState(key: string): string {
    return this.#breaker.state(key);
  }
}
