// Which faults each logical call of the soak meets, attempt by attempt, drawn from a seeded
// generator so a failing run can be replayed. A plan never holds more faults than the retry
// budget can absorb, so every replayable call must end in success.

import type { Fault } from '../support/fault-server.ts';

export type OpName = 'getCustomer' | 'postPaymentIntents' | 'createTransfer' | 'sendMail';

export type FaultKind =
  | '429'
  | '429-retry-after'
  | '429-retry-after-ms'
  | '429-past-date'
  | '429-reset'
  | '500'
  | '502'
  | '503'
  | 'reset-before-body'
  | 'reset-after-body'
  | 'slow'
  | 'refused';

export interface CallPlan {
  id: string;
  op: OpName;
  /** faults[n] is what attempt n+1 meets; attempts beyond the list succeed. */
  faults: FaultKind[];
}

/** Faults that prove the request was not processed, so even an unkeyed POST may be retried. */
export const PROVEN_UNPROCESSED: ReadonlySet<FaultKind> = new Set([
  '429',
  '429-retry-after',
  '429-retry-after-ms',
  '429-past-date',
  '429-reset',
  'refused',
]);

const KINDS: readonly FaultKind[] = [
  '429',
  '429-retry-after',
  '429-retry-after-ms',
  '429-past-date',
  '429-reset',
  '500',
  '502',
  '503',
  'reset-before-body',
  'reset-after-body',
  'slow',
  'refused',
];

/** mulberry32: small, seedable, good enough to spread faults. */
export function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function planCalls(count: number, random: () => number): CallPlan[] {
  const ops: OpName[] = ['getCustomer', 'postPaymentIntents', 'createTransfer', 'sendMail'];
  return Array.from({ length: count }, (_, i) => {
    const r = random();
    const faultCount = r < 0.7 ? 0 : r < 0.88 ? 1 : r < 0.96 ? 2 : 3;
    return { id: `call-${i}`, op: ops[i % ops.length]!, faults: Array.from({ length: faultCount }, () => pickFault(random)) };
  });
}

/** Uniform over the kinds, except that slow answers (each holds a connection until the client's
 * timeout) are rarer so they do not dominate the run time. */
function pickFault(random: () => number): FaultKind {
  const kind = KINDS[Math.floor(random() * KINDS.length)]!;
  return kind === 'slow' && random() < 0.6 ? pickFault(random) : kind;
}

/** What an unkeyed POST must come to: it stops at the first fault that leaves the outcome unknown. */
export function expectedUnkeyed(plan: CallPlan): { succeeds: boolean; effects: 0 | 1 } {
  for (const fault of plan.faults) {
    if (PROVEN_UNPROCESSED.has(fault)) continue;
    return { succeeds: false, effects: fault === 'reset-after-body' || fault === 'slow' ? 1 : 0 };
  }
  return { succeeds: true, effects: 1 };
}

/**
 * What the 429s that name a delay ask for: `Retry-After: 1` (whole seconds, the standard form) and
 * `retry-after-ms: 250`. Real waits, so the soak shows the client waits before it retries.
 */
export const RETRY_AFTER_SECONDS = 1;
export const RETRY_AFTER_MS = 250;

/** The wait a planned fault asks the client for before its next attempt, in ms (none for the rest). */
export function plannedWaitMs(kind: FaultKind | undefined): number | undefined {
  if (kind === '429-retry-after') return RETRY_AFTER_SECONDS * 1000;
  if (kind === '429-retry-after-ms') return RETRY_AFTER_MS;
  return undefined;
}

/** The server-side behaviour for a planned fault (refusals never reach the server). */
export function serverFault(kind: FaultKind | undefined, slowMs: number): Fault {
  const nowSeconds = Date.now() / 1000;
  switch (kind) {
    case undefined:
    case 'refused':
      return { kind: 'ok' };
    case '429':
      return { kind: 'status', status: 429 };
    case '429-retry-after':
      return { kind: 'status', status: 429, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } };
    case '429-retry-after-ms':
      return { kind: 'status', status: 429, headers: { 'retry-after-ms': String(RETRY_AFTER_MS) } };
    case '429-past-date':
      return { kind: 'status', status: 429, headers: { 'retry-after': new Date(Date.now() - 60_000).toUTCString() } };
    case '429-reset':
      return { kind: 'status', status: 429, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(nowSeconds)) } };
    case '500':
    case '502':
    case '503':
      return { kind: 'status', status: Number(kind) };
    case 'reset-before-body':
    case 'reset-after-body':
      return { kind };
    case 'slow':
      return { kind: 'ok', delayMs: slowMs };
  }
}
