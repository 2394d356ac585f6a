import type { Clock, MaybePromise } from './clock.ts';
import type { RateLimitBucket } from './config.ts';

// Client-side pacing. Each bucket is a token bucket in GCRA form (the "theoretical arrival time"
// of the next request), so it needs no refill timer and a reservation is one synchronous step
// (one Durable Object call). A
// caller reserves a slot in the future and waits for it; reservations are commitments, so
// concurrent callers never overshoot the rate even while they sleep.
//
// One reservation takes a slot in every bucket a request counts in (the operation's own and the
// vendor-wide one) at one time, or none at all. When one bucket makes that time late, the others
// book a slot then without giving up the free slots before it: each bucket keeps the slots booked
// past its last summary in order (no more than the burst plus the rate times the longest wait a
// caller accepts), and a new slot goes into the earliest gap that keeps every slot after it
// within the rate.

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

/** A bucket's bookings: `tat` sums up every slot up to the last fold, `later` lists the rest, ascending. */
interface Schedule {
  tat: number;
  later: number[];
}

const NOW: Reservation = { ok: true, waitMs: 0 };

/** The in-memory store: one isolate's buckets, or a Durable Object's (see shared-limiter.ts). */
export interface MemoryLimiterStore extends LimiterStore {
  reserve(buckets: readonly BucketSpec[], windowKey: string | undefined, maxWaitMs: number): Reservation;
  observe(windowKey: string, remaining: number, resetAt: number): void;
}

/**
 * `new MemoryLimiterStore(clock)`. A closure rather than a class: its state is plain locals, which
 * minify to one letter where a class's `this.#field` does not (a Worker bundles this store).
 */
export const MemoryLimiterStore = function (clock: Clock): MemoryLimiterStore {
  const schedules = new Map<string, Schedule>();
  const windows = new Map<string, Window>();

  /** The bucket's schedule with every slot up to `now` folded into `tat` (new slots are never earlier). */
  const scheduleOf = (bucket: BucketSpec, now: number): Schedule => {
    let s = schedules.get(bucket.key);
    if (!s) schedules.set(bucket.key, (s = { tat: -Infinity, later: [] }));
    const interval = 1000 / bucket.ratePerSecond;
    let folded = 0;
    while (folded < s.later.length && s.later[folded]! <= now) s.tat = Math.max(s.tat, s.later[folded++]!) + interval;
    if (folded > 0) s.later.splice(0, folded);
    return s;
  };

  return {
    reserve(buckets, windowKey, maxWaitMs) {
      const now = clock.now();
      const booked = buckets.map((b) => scheduleOf(b, now));
      const window = windowKey === undefined ? undefined : windows.get(windowKey);
      let start = now;
      let limiting = '';
      // Each bucket's earliest slot at or after `start` may push `start` past another bucket's; the
      // candidates are finite and `start` only grows, so this settles.
      for (let moved = true; moved; ) {
        moved = false;
        for (let i = 0; i < buckets.length; i++) {
          const at = earliest(booked[i]!, buckets[i]!, start);
          if (at > start) {
            start = at;
            limiting = buckets[i]!.key;
            moved = true;
          }
        }
        if (window && window.remaining <= 0 && window.resetAt > start) {
          start = window.resetAt;
          limiting = windowKey!;
          moved = true;
        }
      }
      if (start - now > maxWaitMs) return { ok: false, retryAt: start, key: limiting };
      for (let i = 0; i < buckets.length; i++) book(booked[i]!, buckets[i]!, start, now);
      if (window) {
        if (start >= window.resetAt) windows.delete(windowKey!);
        else window.remaining--;
      }
      return start > now ? { ok: true, waitMs: start - now } : NOW;
    },

    observe(windowKey, remaining, resetAt) {
      if (resetAt <= clock.now()) return;
      windows.set(windowKey, { remaining, resetAt });
    },
  };
} as unknown as new (clock: Clock) => MemoryLimiterStore;

/** The earliest time at or after `from` when a slot fits `bucket` with every booked slot still in rate. */
function earliest(s: Schedule, bucket: BucketSpec, from: number): number {
  const interval = 1000 / bucket.ratePerSecond;
  // How far ahead of its theoretical arrival time the bucket lets a request go (its burst).
  const tol = (Math.max(1, bucket.burst) - 1) * interval;
  const later = s.later;
  const n = later.length;
  if (n === 0) return Math.max(from, s.tat - tol);
  // limit[k]: the latest arrival time before slot k that keeps it and every slot after it in rate.
  const limit = new Array<number>(n + 1);
  limit[n] = Infinity;
  for (let j = n - 1; j >= 0; j--) limit[j] = Math.min(later[j]! + tol, limit[j + 1]! - interval);
  let tat = s.tat;
  // One candidate per gap between booked slots: the first time in it that the slots before allow.
  for (let k = 0; ; k++) {
    const t = Math.max(from, tat - tol, k > 0 ? later[k - 1]! : -Infinity);
    if (k === n) return t;
    if (t <= later[k]! && Math.max(tat, t) + interval <= limit[k]!) return t;
    tat = Math.max(tat, later[k]!) + interval;
  }
}

/** Books `at` (found by `earliest`) in the bucket's schedule. */
function book(s: Schedule, bucket: BucketSpec, at: number, now: number): void {
  if (at <= now) {
    // Every slot still listed is later than now, so this one comes first: fold it in.
    s.tat = Math.max(s.tat, at) + 1000 / bucket.ratePerSecond;
    return;
  }
  let i = s.later.length;
  while (i > 0 && s.later[i - 1]! > at) i--;
  s.later.splice(i, 0, at);
}
