// What every vendor client in this Worker shares (written once by `svcgen init`; yours to edit):
// the SharedLimiter Durable Object's rate-limit and breaker budget, the KV response cache for
// cacheable GETs, and an Analytics Engine data point per outbound call.
import { toAnalyticsSink, type AnalyticsEngineDatasetLike } from 'svcgen/runtime';
import { KvCacheStore } from 'svcgen/runtime/cache/kv';
import { responseCache } from 'svcgen/runtime/cache/response-cache';
import { durableStores } from 'svcgen/runtime/durable/stores';
import type { Env } from './env.ts';

/** The bindings a routes file declares by extending this (the scaffold declares ANALYTICS itself, optional). */
export type PlatformBindings = Pick<Env, 'SHARED_LIMITER' | 'CACHE' | 'WEBHOOK_DEDUPE' | 'WEBHOOK_QUEUE'>;

type Stores = ReturnType<typeof durableStores>;

/**
 * The SharedLimiter's stores, reaching the Durable Object through a fresh stub on every use: a
 * client lives for the whole isolate, but a stub belongs to the request that made it (workerd
 * refuses I/O through it from another request).
 */
function sharedStores(namespace: PlatformBindings['SHARED_LIMITER'], vendor: string): Stores {
  const fresh = () => durableStores(namespace, vendor);
  return {
    limiter: {
      reserve: (...args: Parameters<Stores['limiter']['reserve']>) => fresh().limiter.reserve(...args),
      observe: (...args: Parameters<Stores['limiter']['observe']>) => fresh().limiter.observe(...args),
    },
    breaker: {
      acquire: (...args: Parameters<Stores['breaker']['acquire']>) => fresh().breaker.acquire(...args),
      record: (...args: Parameters<Stores['breaker']['record']>) => fresh().breaker.record(...args),
    },
  } as Stores;
}

/** Client options for `vendor`: shared budget, response cache, analytics. */
export function platformOptions(env: PlatformBindings & { ANALYTICS?: AnalyticsEngineDatasetLike }, vendor: string) {
  const stores = sharedStores(env.SHARED_LIMITER, vendor);
  return {
    limiter: stores.limiter,
    breakerStore: stores.breaker,
    cache: responseCache(new KvCacheStore(env.CACHE)),
    onEvent: toAnalyticsSink(env.ANALYTICS)?.onEvent,
  };
}
