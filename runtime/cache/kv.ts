import { systemClock, type Clock } from '../policy/clock.ts';
import type { CachedResponse, CacheStore } from './store.ts';

/** The part of a Workers KV namespace binding this store uses. */
export interface KvNamespaceLike {
  get(key: string, type: 'text'): Promise<string | null>;
  put(key: string, value: string, options?: { expirationTtl?: number }): Promise<void>;
}

// KV refuses an expirationTtl under 60 s; shorter TTLs are enforced by `expiresAt` on read.
const KV_MIN_TTL_SECONDS = 60;

export class KvCacheStore implements CacheStore {
  readonly #kv: KvNamespaceLike;
  readonly #clock: Clock;

  constructor(kv: KvNamespaceLike, clock: Clock = systemClock) {
    this.#kv = kv;
    this.#clock = clock;
  }

  async get(key: string): Promise<CachedResponse | undefined> {
    const text = await this.#kv.get(key, 'text');
    if (text === null) return undefined;
    let entry: CachedResponse;
    try {
      entry = JSON.parse(text) as CachedResponse;
    } catch {
      return undefined;
    }
    return entry.expiresAt > this.#clock.now() ? entry : undefined;
  }

  async put(key: string, entry: CachedResponse, ttlSeconds: number): Promise<void> {
    await this.#kv.put(key, JSON.stringify(entry), { expirationTtl: Math.max(KV_MIN_TTL_SECONDS, Math.ceil(ttlSeconds)) });
  }
}
