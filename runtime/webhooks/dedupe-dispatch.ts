// Exactly-once dispatch of verified deliveries: each event is claimed in a DedupeStore under its
// vendor event id before its handler runs, marked done only after the handler succeeded, and
// released when it throws (the error propagates, so the route answers 5xx or the queue retries).
// Batched deliveries (arrays) are deduplicated per event, not per delivery: a vendor may retry a
// batch after some of its events were handled, and only the others must run again.
import { sha256Hex } from '../sha256.ts';
import type { DedupeStore } from './dedupe.ts';
import type { WebhookRouter } from './router.ts';

export interface DedupeOptions {
  readonly store: DedupeStore;
  /**
   * The event's id: the name of a top-level field (what the generated code passes, from the
   * vendor's webhook profile) or a function. An event without one is keyed by the SHA-256 of its
   * JSON text, so a byte-identical redelivery is still recognised.
   */
  readonly eventId: string | ((event: unknown) => string | undefined);
  /** Prefixes every key (`<namespace>:<id>`) so two sources sharing a store never collide. */
  readonly namespace: string;
  /** How long a claim lasts if its holder dies before completing or releasing. Default 30 000 ms. */
  readonly leaseMs?: number;
  /**
   * How long a concurrent duplicate waits for the holder to finish before giving up with
   * `in-progress` (the caller then answers "try later"). Default 10 000 ms; 0 answers at once.
   */
  readonly waitMs?: number;
  /** Interval between re-claims while waiting. Default 25 ms, never past the lease's expiry. */
  readonly pollMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

export type EventOutcome = 'handled' | 'duplicate' | 'failed' | 'in-progress' | 'unhandled';

/** One event's fate, for logs and analytics. `name` is the event's type, `durationMs` the handler's and waits' time. */
export interface EventRecord {
  readonly outcome: EventOutcome;
  readonly name: string | undefined;
  readonly durationMs: number;
  /** For `failed`: the name of what the handler threw. */
  readonly detail?: string;
}

/** What a failure record names of a thrown value: its error name, or its type. */
export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

export interface OnceReport {
  /** Event names whose handler ran and succeeded now, in delivery order. */
  readonly handled: string[];
  /** Event names already done before this delivery. */
  readonly duplicate: string[];
  /** Event names another caller was still processing when the wait ran out. */
  readonly inProgress: string[];
  /** Event names (or `undefined`) with no handler: dispatched without a claim. */
  readonly unhandled: (string | undefined)[];
  /** When `inProgress` is not empty: the longest remaining lease, a fair Retry-After. */
  readonly retryAfterMs: number;
}

export const DEFAULT_LEASE_MS = 30_000;
export const DEFAULT_WAIT_MS = 10_000;
const DEFAULT_POLL_MS = 25;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type OnceResult<T> =
  | { readonly status: 'ran'; readonly value: T }
  | { readonly status: 'duplicate' }
  | { readonly status: 'in-progress'; readonly retryAfterMs: number };

/**
 * Runs `run` unless `key` is done; a live lease held elsewhere is waited on (re-claiming every
 * `pollMs`) for up to `waitMs`. If the holder releases meanwhile, this caller claims and runs.
 * If the store fails to record completion after `run` succeeded, the error propagates and the
 * claim lapses with its lease: a redelivery after that runs `run` again (at least once, then).
 */
export async function runOnce<T>(
  store: DedupeStore,
  key: string,
  run: () => Promise<T>,
  options: Pick<DedupeOptions, 'leaseMs' | 'waitMs' | 'pollMs' | 'sleep' | 'now'> = {},
): Promise<OnceResult<T>> {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const giveUpAt = now() + waitMs;
  for (;;) {
    const claim = await store.claim(key, leaseMs);
    if (claim.state === 'done') return { status: 'duplicate' };
    if (claim.state === 'claimed') {
      let value: T;
      try {
        value = await run();
      } catch (error) {
        await store.release(key, claim.token);
        throw error;
      }
      await store.complete(key, claim.token);
      return { status: 'ran', value };
    }
    const left = giveUpAt - now();
    if (left <= 0) return { status: 'in-progress', retryAfterMs: claim.retryAfterMs };
    await sleep(Math.max(1, Math.min(pollMs, claim.retryAfterMs, left)));
  }
}

/** The store key of `event`: `<namespace>:<id>`, or `<namespace>:sha256:<hex of its JSON>` without an id. */
export async function eventKey(event: unknown, options: Pick<DedupeOptions, 'eventId' | 'namespace'>): Promise<string> {
  const id = typeof options.eventId === 'function' ? options.eventId(event) : fieldOf(event, options.eventId);
  if (id !== undefined && id !== '') return `${options.namespace}:${id}`;
  return `${options.namespace}:sha256:${await sha256Hex(JSON.stringify(event))}`;
}

function fieldOf(event: unknown, field: string): string | undefined {
  if (event === null || typeof event !== 'object' || !Object.hasOwn(event, field)) return undefined;
  const value = (event as Record<string, unknown>)[field];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/**
 * Dispatches each event of `payload` through `router` at most once per id (see DedupeOptions).
 * A handler's error releases that event's claim and propagates; events before it stay done.
 * `observe` hears every event's outcome, a failure included, before the error propagates.
 */
export async function dispatchOnce<Events>(
  router: WebhookRouter<Events>,
  payload: Events[keyof Events] | readonly Events[keyof Events][],
  discriminator: string,
  options: DedupeOptions & { readonly observe?: (record: EventRecord) => void },
): Promise<OnceReport> {
  const events = (Array.isArray(payload) ? payload : [payload]) as readonly Events[keyof Events][];
  const report = { handled: [] as string[], duplicate: [] as string[], inProgress: [] as string[], unhandled: [] as (string | undefined)[], retryAfterMs: 0 };
  const now = options.now ?? Date.now;
  for (const event of events) {
    const field = (event as Record<string, unknown> | null)?.[discriminator];
    const name = typeof field === 'string' ? field : undefined;
    const started = now();
    const record = (outcome: EventOutcome, detail?: string) => options.observe?.({ outcome, name, durationMs: now() - started, ...(detail === undefined ? {} : { detail }) });
    if (name === undefined || !router.handles(name)) {
      await router.dispatch(event);
      report.unhandled.push(name);
      record('unhandled');
      continue;
    }
    let result: OnceResult<unknown>;
    try {
      result = await runOnce(options.store, await eventKey(event, options), () => router.dispatch(event), options);
    } catch (error) {
      record('failed', errorName(error));
      throw error;
    }
    if (result.status === 'ran') {
      report.handled.push(name);
      record('handled');
    } else if (result.status === 'duplicate') {
      report.duplicate.push(name);
      record('duplicate');
    } else {
      report.inProgress.push(name);
      report.retryAfterMs = Math.max(report.retryAfterMs, result.retryAfterMs);
      record('in-progress');
    }
  }
  return report;
}
