import type { OperationMeta } from '../contract.ts';
import { systemClock, type Clock } from '../policy/clock.ts';
import { cacheKey, fromCacheEntry, toCacheEntry } from './http.ts';
import type { CacheStore } from './store.ts';

/**
 * GET caching as the pipeline uses it. Kept apart from the pipeline so a Worker that caches
 * nothing bundles none of it: pass `cache: responseCache(store)` to opt in.
 */
export interface ResponseCache {
  /** Answers from the store, or sends and stores a 200. `onLookup` hears whether it was a hit. */
  serve(
    vendor: string,
    meta: OperationMeta,
    request: Request,
    ttlSeconds: number,
    send: () => Promise<Response>,
    onLookup?: (hit: boolean) => void,
  ): Promise<Response>;
}

const ignore = () => undefined;

export function responseCache(store: CacheStore, clock: Clock = systemClock): ResponseCache {
  return {
    async serve(vendor, meta, request, ttlSeconds, send, onLookup) {
      const key = await cacheKey(vendor, meta.id, request);
      // A cache that fails is a cache miss, never a failed call.
      const hit = await store.get(key).catch(ignore);
      onLookup?.(hit !== undefined);
      if (hit) return fromCacheEntry(hit);
      const response = await send();
      if (response.status !== 200) return response;
      const [entry, fresh] = await toCacheEntry(response, ttlSeconds, clock.now());
      await store.put(key, entry, ttlSeconds).catch(ignore);
      return fresh;
    },
  };
}
