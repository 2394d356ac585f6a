import type { OperationMeta } from '../contract.ts';
import { systemClock, type Clock } from '../policy/clock.ts';
import { cacheKey, fromCacheEntry, toCacheEntry } from './http.ts';
import type { CacheStore } from './store.ts';

/** What a call may say about caching (the pipeline's CallOptions.cache). */
export interface CacheCall {
  readonly cache?: boolean | { readonly ttlSeconds?: number };
}

/**
 * A pipeline's cache hook: a GET the operation lets be cached (meta.cache), or that the call asks
 * to cache, is answered from the store or sent with `send(meta, call, request, extra)` and
 * stored when it is a 200; any other request is sent as it is.
 */
export type CachedSend = <C extends CacheCall | undefined, A>(
  meta: OperationMeta,
  call: C,
  request: Request,
  send: (meta: OperationMeta, call: C, request: Request, extra: A) => Promise<Response>,
  extra: A,
) => Promise<Response>;

/**
 * GET caching as the pipeline uses it. Kept apart from the pipeline, TTL rules included, so a
 * Worker that caches nothing bundles none of it: pass `cache: responseCache(store)` to opt in.
 */
export interface ResponseCache {
  /**
   * The hook for one pipeline: `vendor` prefixes the keys, `ttlSeconds` applies when a call asks
   * for caching and the operation names no TTL (60 when undefined), `onLookup` hears every lookup,
   * and `partition` gives the text of the pipeline's credentials, hashed into every key so that
   * clients with other credentials never read its entries.
   */
  forPipeline(vendor: string, ttlSeconds: number | undefined, onLookup?: (meta: OperationMeta, hit: boolean) => void, partition?: () => string): CachedSend;
}

const ignore = () => undefined;

/**
 * Seconds to keep this call's answer; 0 when neither the operation nor the call wants it cached,
 * and for an event stream, which is read as it arrives: storing it would wait for its end.
 */
function ttlOf(meta: OperationMeta, call: CacheCall | undefined, fallback: number | undefined): number {
  const asked = call?.cache;
  if (asked === false || (asked === undefined && !meta.cache) || meta.parseAs === 'stream') return 0;
  return (typeof asked === 'object' ? asked.ttlSeconds : undefined) ?? meta.cache?.ttlSeconds ?? fallback ?? 60;
}

export function responseCache(store: CacheStore, clock: Clock = systemClock): ResponseCache {
  async function serve(
    vendor: string,
    meta: OperationMeta,
    request: Request,
    ttlSeconds: number,
    send: () => Promise<Response>,
    onLookup: ((meta: OperationMeta, hit: boolean) => void) | undefined,
    partition: (() => string) | undefined,
  ) {
    const key = await cacheKey(vendor, meta.id, request, partition?.());
    // A cache that fails is a cache miss, never a failed call.
    const hit = await store.get(key).catch(ignore);
    onLookup?.(meta, hit !== undefined);
    if (hit) return fromCacheEntry(hit);
    const response = await send();
    if (response.status !== 200) return response;
    const [entry, fresh] = await toCacheEntry(response, ttlSeconds, clock.now());
    await store.put(key, entry, ttlSeconds).catch(ignore);
    return fresh;
  }
  return {
    forPipeline: (vendor, ttlSeconds, onLookup, partition) => (meta, call, request, send, extra) => {
      const ttl = request.method === 'GET' ? ttlOf(meta, call, ttlSeconds) : 0;
      if (ttl <= 0) return send(meta, call, request, extra);
      return serve(vendor, meta, request, ttl, () => send(meta, call, request, extra), onLookup, partition);
    },
  };
}
