// Option shapes for each policy, and how vendor defaults, client overrides and per-call options
// combine. The vendor defaults have the shape of the generator's VendorPolicy.

export interface RateLimitBucket {
  /** Sustained requests per second. */
  ratePerSecond: number;
  /** Requests allowed at once before pacing starts (at least 1). */
  burst: number;
}

export interface RetryOptions {
  /** Retries after the first attempt. */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Statuses worth retrying; without a list: 408, 409, 429 and every 5xx. */
  retryStatuses?: readonly number[];
  /** A response header whose `true`/`false` overrides the status rules (a `…-Should-Retry` header). */
  shouldRetryHeader?: string;
  /** A server asking for a longer wait than this ends the call instead of stalling it. */
  maxRetryAfterMs: number;
}

export interface RateLimitOptions {
  /** `default` applies to every call of the vendor; other keys to operations with that bucket. */
  buckets: Readonly<Record<string, RateLimitBucket>>;
  /**
   * Longest a call waits for a slot (never past the call's deadline) before failing with
   * RateLimitError; 0 fails fast. A retry refused a slot ends the call with the last response instead.
   */
  maxWaitMs: number;
  /** Names of response headers describing the vendor's remaining budget. */
  headers?: { readonly remaining: string; readonly reset: string };
}

export interface FailureRateOptions {
  /** Fraction of failed attempts (0..1) that opens the circuit. */
  threshold: number;
  /** Fewer attempts than this in the window never open it. */
  minimumCalls: number;
  windowMs: number;
}

export interface BreakerOptions {
  consecutiveFailures: number;
  cooldownMs: number;
  failureRate?: FailureRateOptions;
  /** One circuit per host and rate-limit bucket instead of one per host. */
  perBucket?: boolean;
}

/** What a vendor's generated policy (VendorPolicy) provides. */
export interface PolicyDefaults {
  retry: {
    maxRetries: number;
    baseDelayMs: number;
    maxDelayMs: number;
    retryStatuses?: readonly number[];
    shouldRetryHeader?: string;
  };
  rateLimits: Readonly<Record<string, RateLimitBucket>> & { readonly default: RateLimitBucket };
  breaker: { consecutiveFailures: number; cooldownMs: number };
  timeoutMs: number;
  rateLimitHeaders?: { readonly remaining: string; readonly reset: string; readonly limit?: string };
}

/** The user's per-client tuning; `false` turns a policy off. */
export interface PolicyOverrides {
  retry?: false | Partial<RetryOptions>;
  rateLimit?: false | Partial<RateLimitOptions>;
  breaker?: false | Partial<BreakerOptions>;
  /** Per-attempt timeout; 0 disables it. */
  timeoutMs?: number;
  /** Deadline for the whole call, retries and waits included. */
  totalTimeoutMs?: number;
}

export interface ResolvedPolicy {
  retry: RetryOptions | undefined;
  rateLimit: RateLimitOptions | undefined;
  breaker: BreakerOptions | undefined;
  timeoutMs: number;
  totalTimeoutMs: number;
}

/**
 * Retry options from the vendor defaults and the client's tuning. Also what a call that asks for
 * retries starts from when the client turned them off (`retry: false` keeps the vendor defaults).
 */
export function resolveRetry(defaults: PolicyDefaults, retry: PolicyOverrides['retry']): RetryOptions {
  return { maxRetryAfterMs: 60_000, ...defaults.retry, ...(retry || undefined) };
}

/** The deadline of a whole call when only the per-attempt timeout is given: room for a retry, and never under a minute. */
export function impliedTotalMs(timeoutMs: number): number {
  return Math.max(60_000, 2 * timeoutMs);
}

export function resolvePolicy(defaults: PolicyDefaults, overrides: PolicyOverrides = {}): ResolvedPolicy {
  const { retry, rateLimit, breaker } = overrides;
  const timeoutMs = overrides.timeoutMs ?? defaults.timeoutMs;
  return {
    retry: retry === false ? undefined : resolveRetry(defaults, retry),
    rateLimit:
      rateLimit === false
        ? undefined
        : { buckets: defaults.rateLimits, maxWaitMs: 10_000, headers: defaults.rateLimitHeaders, ...rateLimit },
    breaker: breaker === false ? undefined : { ...defaults.breaker, ...breaker },
    timeoutMs,
    totalTimeoutMs: overrides.totalTimeoutMs ?? impliedTotalMs(timeoutMs),
  };
}
