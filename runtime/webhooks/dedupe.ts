// Exactly-once webhook processing rests on one small contract: a store that lets a single caller
// claim an event id for a while (a lease), then either mark it done (its handlers succeeded) or
// release it (a handler threw, so the vendor's or the queue's redelivery must run it again).
// A claim that finds the id done is a duplicate; one that finds a live lease is a concurrent
// duplicate that waits or is answered "try later". The state machine lives here, once, so the
// in-memory store and the Durable Object apply exactly the same rules.

/** What a claim found. */
export type ClaimResult =
  /** The caller holds the lease: run the handlers, then `complete` or `release` with this token. */
  | { readonly state: 'claimed'; readonly token: string }
  /** Handlers already succeeded for this id. */
  | { readonly state: 'done' }
  /** Another caller holds a live lease; it expires in `retryAfterMs` unless completed or released. */
  | { readonly state: 'busy'; readonly retryAfterMs: number };

export interface DedupeStore {
  /** Claims `key` for `leaseMs` unless it is done or leased by someone else. */
  claim(key: string, leaseMs: number): Promise<ClaimResult>;
  /** Marks `key` done for good (for the store's retention); ignored unless `token` holds the lease. */
  complete(key: string, token: string): Promise<void>;
  /** Gives the lease up so the next delivery claims it; ignored unless `token` holds it. */
  release(key: string, token: string): Promise<void>;
}

/** The persisted state of one key. Absent means never seen (or released, or expired). */
export type DedupeRecord =
  | { readonly state: 'leased'; readonly token: string; readonly until: number }
  | { readonly state: 'done'; readonly at: number };

/**
 * The claim rule: done stays done; a live lease answers busy; anything else (no record, an
 * expired lease left by a caller that died) is claimed with `token` until `now + leaseMs`.
 */
export function decideClaim(
  record: DedupeRecord | undefined,
  now: number,
  leaseMs: number,
  token: string,
): { result: ClaimResult; next?: DedupeRecord } {
  if (record?.state === 'done') return { result: { state: 'done' } };
  if (record?.state === 'leased' && record.until > now) return { result: { state: 'busy', retryAfterMs: record.until - now } };
  return { result: { state: 'claimed', token }, next: { state: 'leased', token, until: now + leaseMs } };
}

/** Whether `token` may complete or release `record` (it holds the lease, live or not yet taken over). */
export function holdsLease(record: DedupeRecord | undefined, token: string): boolean {
  return record?.state === 'leased' && record.token === token;
}

/** A fresh, unguessable lease token. */
export function newLeaseToken(): string {
  return crypto.randomUUID();
}

/**
 * One isolate's memory: strongly consistent within the isolate only. For tests, Node servers with
 * a single process, and as the reference the shared stores must agree with.
 */
export class MemoryDedupeStore implements DedupeStore {
  readonly #records = new Map<string, DedupeRecord>();
  readonly #now: () => number;

  constructor(options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now;
  }

  async claim(key: string, leaseMs: number): Promise<ClaimResult> {
    const { result, next } = decideClaim(this.#records.get(key), this.#now(), leaseMs, newLeaseToken());
    if (next) this.#records.set(key, next);
    return result;
  }

  async complete(key: string, token: string): Promise<void> {
    if (holdsLease(this.#records.get(key), token)) this.#records.set(key, { state: 'done', at: this.#now() });
  }

  async release(key: string, token: string): Promise<void> {
    if (holdsLease(this.#records.get(key), token)) this.#records.delete(key);
  }
}
