import type { RetryOptions } from './config.ts';
import { backoffMs } from './backoff.ts';
import { NetworkError, TimeoutError } from './errors.ts';
import { serverDelayMs } from './retry-after.ts';

// Retry decisions. A result below 0 means "do not retry"; otherwise it is the delay before the
// next attempt. `replayable` is true when sending the request twice cannot cause two effects
// (an operation whose resilience class is safe or idempotent, or an idempotency key the vendor
// deduplicates on).

export const NO_RETRY = -1;

export function isRetryableStatus(status: number, statuses: readonly number[] | undefined): boolean {
  return statuses ? statuses.includes(status) : status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * The delay before retry number `retry` after an attempt that ended with `response` (when there is
 * one) or `error`, or NO_RETRY. Responses and errors share the backoff, so it is written once.
 */
export function retryDelay(
  response: Response | undefined,
  error: unknown,
  options: RetryOptions,
  replayable: boolean,
  retry: number,
  now: number,
  resetHeader: string | undefined,
  random: () => number,
): number {
  if (response) {
    const status = response.status;
    if (status < 400) return NO_RETRY;
    const vendorSays = options.shouldRetryHeader ? response.headers.get(options.shouldRetryHeader) : null;
    if (vendorSays === 'false') return NO_RETRY;
    // A vendor's explicit `true` is its promise that the request can be sent again.
    // Otherwise only a 429 proves an unkeyed unsafe request was refused rather than maybe processed.
    if (vendorSays !== 'true' && (!isRetryableStatus(status, options.retryStatuses) || (!replayable && status !== 429))) return NO_RETRY;
    const asked = serverDelayMs(response, now, resetHeader);
    if (asked !== undefined) return asked <= options.maxRetryAfterMs ? asked : NO_RETRY;
  } else if (
    !((error instanceof NetworkError && (replayable || error.notSent)) || (error instanceof TimeoutError && error.scope === 'attempt' && replayable))
  ) {
    return NO_RETRY;
  }
  return backoffMs(retry, options.baseDelayMs, options.maxDelayMs, random);
}
