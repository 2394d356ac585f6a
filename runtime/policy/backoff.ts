/**
 * Exponential backoff with full jitter: a uniform delay in [0, min(max, base·2ⁿ⁻¹)) before retry n,
 * so that clients that failed together do not retry together.
 */
export function backoffMs(retry: number, baseDelayMs: number, maxDelayMs: number, random: () => number): number {
  return random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (retry - 1));
}
