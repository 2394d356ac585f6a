import type { Clock, MaybePromise } from './clock.ts';
import type { RateLimitBucket } from './config.ts';

// Client-side pacing. Each bucket is a token bucket kept as one number in GCRA form (the
// "theoretical arrival time" of the next request), so a reservation is O(1), needs no refill
// timer, and the whole state of a bucket fits a Durable Object call. A caller reserves a slot
// in the future and waits for it; reservations are commitments, so concurrent callers never
// overshoot the rate even while they sleep.

export interface BucketSpec extends RateLimitBucket {
  readonly key: string;
}

export type Reservation =
  | { readonly ok: true; readonly waitMs: number }
  | { readonly ok: false; readonly retryAt: number; readonly key: string };

export interface LimiterStore {
  /**
   * Reserves one slot in every bucket at the earliest time all allow it, or nothing when that is
   * more than `maxWaitMs` away. `windowKey` names the vendor-reported window (see `observe`).
   */
  reserve(buckets: readonly BucketSpec[], windowKey: string | undefined, maxWaitMs: number): MaybePromise<Reservation>;
  /** The vendor reported `remaining` requests until `resetAt` (epoch ms) for `windowKey`. */
  observe(windowKey: string, remaining: number, resetAt: number): MaybePromise<void>;
}

interface Window {
  remaining: number;
  resetAt: number;
}

const NOW: Reservation = { ok: true, waitMs: 0 };

export class MemoryLimiterStore implements LimiterStore {
  readonly #clock: Clock;
  readonly #tat = new Map<string, number>();
  readonly #windows = new Map<string, Window>();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  reserve(buckets: readonly BucketSpec[], windowKey: string | undefined, maxWaitMs: number): Reservation {
    const now = this.#clock.now();
    let start = now;
    let limiting = '';
    for (const b of buckets) {
      const interval = 1000 / b.ratePerSecond;
      const allowAt = (this.#tat.get(b.key) ?? now) - (Math.max(1, b.burst) - 1) * interval;
      if (allowAt > start) {
        start = allowAt;
        limiting = b.key;
      }
    }
    const window = windowKey === undefined ? undefined : this.#windows.get(windowKey);
    if (window && window.remaining <= 0 && window.resetAt > start) {
      start = window.resetAt;
      limiting = windowKey!;
    }
    if (start - now > maxWaitMs) return { ok: false, retryAt: start, key: limiting };
    for (const b of buckets) {
      this.#tat.set(b.key, Math.max(this.#tat.get(b.key) ?? now, start) + 1000 / b.ratePerSecond);
    }
    if (window) {
      if (start >= window.resetAt) this.#windows.delete(windowKey!);
      else window.remaining--;
    }
    return start > now ? { ok: true, waitMs: start - now } : NOW;
  }

  observe(windowKey: string, remaining: number, resetAt: number): void {
    if (resetAt <= this.#clock.now()) return;
    this.#windows.set(windowKey, { remaining, resetAt });
  }
}
