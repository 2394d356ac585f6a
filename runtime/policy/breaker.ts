import type { Clock, MaybePromise } from './clock.ts';
import type { FailureRateOptions } from './config.ts';

// Circuit breaker state per key (vendor host, or host + bucket). Closed: attempts flow and
// health failures are counted. Open: everything fails fast until the cooldown ends. Half-open:
// exactly one probe goes through; its success closes the circuit, its failure reopens it.
// A probe that never reports (its isolate died) loses its lease after `probeTimeoutMs`.

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerConfig {
  readonly consecutiveFailures: number;
  readonly cooldownMs: number;
  readonly failureRate?: FailureRateOptions | undefined;
  readonly probeTimeoutMs: number;
}

export interface BreakerTransition {
  readonly from: BreakerState;
  readonly to: BreakerState;
  /** When the circuit opened: the time a probe becomes possible. */
  readonly retryAt?: number;
}

export type BreakerPermit =
  /** `probe` is 0 for an ordinary attempt, else the probe's id to report back. */
  | { readonly allowed: true; readonly state: BreakerState; readonly probe: number; readonly transition?: BreakerTransition | undefined }
  | { readonly allowed: false; readonly state: BreakerState; readonly retryAt: number };

/** `neutral`: the attempt says nothing about the vendor's health (the caller cancelled it, or the auth layer decided its outcome). */
export type BreakerOutcome = 'success' | 'failure' | 'neutral';

export interface BreakerStore {
  acquire(key: string, config: BreakerConfig): MaybePromise<BreakerPermit>;
  record(key: string, config: BreakerConfig, outcome: BreakerOutcome, probe: number): MaybePromise<BreakerTransition | undefined>;
}

interface Circuit {
  state: BreakerState;
  consecutive: number;
  /** open: when probing may start; half-open: when the current probe's lease ends. */
  until: number;
  probe: number;
  /**
   * Failure-rate window, approximated with two fixed windows: the current one (from `start`)
   * and the previous one, weighted by how much of it still overlaps the sliding window.
   */
  start: number;
  /** Successes and failures counted in the current window ([ok, failed]), and in the previous one. */
  counts: [number, number];
  prev: [number, number];
}

const CLOSED: BreakerPermit = { allowed: true, state: 'closed', probe: 0 };

/** A circuit in `state` with nothing counted yet. */
function circuit(state: BreakerState, until: number, now: number): Circuit {
  return { state, consecutive: 0, until, probe: 0, start: now, counts: [0, 0], prev: [0, 0] };
}

/** The in-memory store: one isolate's circuits, or a Durable Object's (see shared-limiter.ts). */
export interface MemoryBreakerStore extends BreakerStore {
  /** The stored state, for tests and health endpoints (an open circuit past its cooldown still reads open; the next attempt becomes its probe). */
  state(key: string): BreakerState;
  acquire(key: string, config: BreakerConfig): BreakerPermit;
  record(key: string, config: BreakerConfig, outcome: BreakerOutcome, probe: number): BreakerTransition | undefined;
}

/**
 * `new MemoryBreakerStore(clock)`. A closure rather than a class: its state is plain locals, which
 * minify to one letter where a class's `this.#field` does not (a Worker bundles this store).
 */
export const MemoryBreakerStore = function (clock: Clock): MemoryBreakerStore {
  const circuits = new Map<string, Circuit>();
  let probes = 0;

  /** Opens the circuit afresh: nothing counted, no probe out. */
  const open = (key: string, from: BreakerState, config: BreakerConfig, now: number): BreakerTransition => {
    const retryAt = now + config.cooldownMs;
    circuits.set(key, circuit('open', retryAt, now));
    return { from, to: 'open', retryAt };
  };

  return {
    state: (key) => circuits.get(key)?.state ?? 'closed',

    acquire(key, config) {
      const c = circuits.get(key);
      if (!c || c.state === 'closed') return CLOSED;
      const now = clock.now();
      if (now < c.until) return { allowed: false, state: c.state, retryAt: c.until };
      const from = c.state;
      c.state = 'half-open';
      c.probe = ++probes;
      c.until = now + config.probeTimeoutMs;
      return { allowed: true, state: 'half-open', probe: c.probe, transition: from === 'open' ? { from, to: 'half-open' } : undefined };
    },

    record(key, config, outcome, probe) {
      const now = clock.now();
      let c = circuits.get(key);
      if (outcome === 'neutral') {
        // Give the lease back so the next attempt can probe at once.
        if (c && probe !== 0 && c.probe === probe) c.until = 0;
        return undefined;
      }
      if (!c) {
        if (outcome === 'success' && !config.failureRate) return undefined;
        circuits.set(key, (c = circuit('closed', 0, now)));
      }
      const failed = outcome === 'failure';
      if (c.state !== 'closed') {
        // Attempts that started before the circuit opened say nothing about the vendor now.
        if (probe === 0 || probe !== c.probe) return undefined;
        if (failed) return open(key, c.state, config, now);
        circuits.delete(key);
        return { from: 'half-open', to: 'closed' };
      }
      c.consecutive = failed ? c.consecutive + 1 : 0;
      const rate = config.failureRate;
      if (c.consecutive >= config.consecutiveFailures || (rate && rateExceeded(c, rate, failed, now))) return open(key, c.state, config, now);
      return undefined;
    },
  };
} as unknown as new (clock: Clock) => MemoryBreakerStore;

function rateExceeded(c: Circuit, rate: FailureRateOptions, failed: boolean, now: number): boolean {
  const width = rate.windowMs;
  const elapsed = now - c.start;
  if (elapsed >= width) {
    c.prev = elapsed < 2 * width ? c.counts : [0, 0];
    c.counts = [0, 0];
    c.start = now - (elapsed % width);
  }
  const counts = c.counts;
  counts[failed ? 1 : 0]++;
  const weight = 1 - (now - c.start) / width;
  const failures = counts[1] + c.prev[1] * weight;
  const total = failures + counts[0] + c.prev[0] * weight;
  return total >= rate.minimumCalls && failures / total >= rate.threshold;
}
