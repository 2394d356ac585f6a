// What every vendor client in this Worker shares (written once by `svcgen init`; yours to edit):
// the SharedLimiter Durable Object's rate-limit and breaker budget, the KV response cache for
// cacheable GETs, and an Analytics Engine data point per outbound call.
import { analyticsSink } from 'svcgen/runtime';
import { KvCacheStore } from 'svcgen/runtime/cache/kv';
import { responseCache } from 'svcgen/runtime/cache/response-cache';
import { durableStores } from 'svcgen/runtime/durable/stores';
import type { Env } from './env.ts';

export type PlatformBindings = Pick<Env, 'SHARED_LIMITER' | 'CACHE' | 'ANALYTICS' | 'WEBHOOK_DEDUPE' | 'WEBHOOK_QUEUE'>;

/** Client options for `vendor`: shared budget, response cache, analytics. */
export function platformOptions(env: PlatformBindings, vendor: string) {
  const stores = durableStores(env.SHARED_LIMITER, vendor);
  return {
    limiter: stores.limiter,
    breakerStore: stores.breaker,
    cache: responseCache(new KvCacheStore(env.CACHE)),
    onEvent: analyticsSink(env.ANALYTICS).onEvent,
  };
}
