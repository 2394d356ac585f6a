// A DedupeStore over Workers KV. BEST-EFFORT ONLY: KV is eventually consistent (a write can take
// 60 s or more to be seen from another location, and there is no compare-and-set), so two
// deliveries of one event that arrive close together, or at different locations, can both claim
// it and both run the handler. It does stop the common case, a redelivery minutes or hours after
// the first one succeeded. Use the Durable Object store (durableDedupeStore) when a duplicate
// effect matters; use this one where a Durable Object is not available and handlers are
// idempotent anyway.
import { decideClaim, holdsLease, newLeaseToken, type ClaimResult, type DedupeRecord, type DedupeStore } from './dedupe.ts';

/** The part of a KV namespace binding used here. */
export interface KvNamespaceLike {
  get(key: string, type: 'json'): Promise<unknown>;
  put(key: string, value: string, options?: { expirationTtl?: number }): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface KvDedupeOptions {
  /** Prefix of every KV key. Default `dedupe:`. */
  readonly prefix?: string;
  /** How long a done record is kept, in seconds. Default 7 days. */
  readonly retentionSeconds?: number;
  readonly now?: () => number;
}

/** KV refuses TTLs under 60 seconds. */
const KV_MIN_TTL_SECONDS = 60;

export class KvDedupeStore implements DedupeStore {
  readonly #kv: KvNamespaceLike;
  readonly #prefix: string;
  readonly #retentionSeconds: number;
  readonly #now: () => number;

  constructor(kv: KvNamespaceLike, options: KvDedupeOptions = {}) {
    this.#kv = kv;
    this.#prefix = options.prefix ?? 'dedupe:';
    this.#retentionSeconds = Math.max(KV_MIN_TTL_SECONDS, options.retentionSeconds ?? 7 * 24 * 60 * 60);
    this.#now = options.now ?? Date.now;
  }

  async claim(key: string, leaseMs: number): Promise<ClaimResult> {
    const now = this.#now();
    const { result, next } = decideClaim(await this.#read(key), now, leaseMs, newLeaseToken());
    if (next) {
      const ttl = Math.max(KV_MIN_TTL_SECONDS, Math.ceil(leaseMs / 1000));
      await this.#kv.put(this.#prefix + key, JSON.stringify(next), { expirationTtl: ttl });
    }
    return result;
  }

  // Unconditional: the caller's handlers succeeded, and done is final, so a stale read of the
  // lease must not stop the record.
  async complete(key: string, _token: string): Promise<void> {
    const done: DedupeRecord = { state: 'done', at: this.#now() };
    await this.#kv.put(this.#prefix + key, JSON.stringify(done), { expirationTtl: this.#retentionSeconds });
  }

  async release(key: string, token: string): Promise<void> {
    if (holdsLease(await this.#read(key), token)) await this.#kv.delete(this.#prefix + key);
  }

  async #read(key: string): Promise<DedupeRecord | undefined> {
    const value = (await this.#kv.get(this.#prefix + key, 'json')) as DedupeRecord | null;
    return value ?? undefined;
  }
}
