// The one request path every generated operation takes. A generated operation calls
// `client.call(meta, init, options)`, and the client hands openapi-fetch
// `fetch: pipeline.fetchFor(meta, options, true)` for that one call. Per attempt the policies run
// in this order: rate limit → circuit breaker → (timeout → transport), inside a retry loop.
// Retries go back through the limiter and the breaker: a retry is traffic like any other, so it
// draws on the shared budget, and it must not reach a vendor whose circuit has opened meanwhile.

import { HOLD_BODY, SENT_BODY, type FetchLike, type OperationMeta } from './contract.ts';
import type { ResponseCache } from './cache/response-cache.ts';
import { jsonLogger, type Logger } from './log/logger.ts';
import { redactText, type Secret } from './redact.ts';
import { noop, release, type Transport } from './policy/attempt.ts';
import { toNetworkError } from './policy/network-error.ts';
import { MemoryBreakerStore, type BreakerConfig, type BreakerState, type BreakerStore, type BreakerTransition } from './policy/breaker.ts';
import { isPromise, systemClock, type Clock } from './policy/clock.ts';
import { impliedTotalMs, resolvePolicy, resolveRetry, type PolicyDefaults, type PolicyOverrides, type ResolvedPolicy, type RetryOptions } from './policy/config.ts';
import { ApiError } from './errors.ts';
import { CircuitOpenError, RateLimitError, RequestNotSentError, TimeoutError } from './policy/errors.ts';
import { LEVELS, type LogLevel, type PolicyEvent } from './policy/events.ts';
import { accountTag } from './policy/account-tag.ts';
import { applyIdempotencyKey, isReplayable } from './policy/idempotency.ts';
import { MemoryLimiterStore, type BucketSpec, type LimiterStore } from './policy/rate-limiter.ts';
import { NO_RETRY, retryDelay } from './policy/retry.ts';
import { parseResetAt, parseRetryAfterMs } from './policy/retry-after.ts';
import { guard } from './policy/sleep.ts';
import { utf8 } from './utf8.ts';

export type { Transport };

export interface PipelineOptions {
  /** Names the vendor in events and in shared limiter/breaker keys. */
  vendor?: string;
  /** The vendor's generated defaults (VendorPolicy). */
  policy: PolicyDefaults;
  /** The user's per-client tuning. */
  overrides?: PolicyOverrides;
  /** The transport; `globalThis.fetch` by default. */
  fetch?: Transport;
  clock?: Clock;
  /** Source of jitter, [0, 1). */
  random?: () => number;
  onEvent?: (event: PolicyEvent) => void;
  /** A JSON logger at level `warn` by default; `false` for none. */
  logger?: Logger | false;
  /**
   * GET caching, `responseCache(new MemoryCacheStore())` or `responseCache(new KvCacheStore(env.KV))`:
   * for operations that allow it (meta.cache) or calls that ask (call.cache).
   */
  cache?: ResponseCache;
  /** TTL when a call asks for caching and the operation names none. */
  cacheTtlSeconds?: number;
  /**
   * The text of the credentials this pipeline signs with (a client's `ClientAuth.partition`). The
   * cache is looked up, and the limiter consulted, before the transport signs the request, so it
   * is hashed into cache keys and into the name of the vendor-reported rate-limit window.
   */
  partition?: () => string;
  /** Shared stores (e.g. durableStores()); one isolate's memory by default. */
  limiter?: LimiterStore;
  breaker?: BreakerStore;
  /**
   * What the error text of events (their only free text) is scrubbed of besides the recognisable
   * secrets: the client's credentials and the vendor's key shapes. Called only for an event that
   * carries error text, so credentials issued later (tokens) are included.
   */
  secrets?: () => readonly Secret[];
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Per-attempt timeout; 0 disables it. */
  timeoutMs?: number;
  /** Deadline for the whole call, waits and retries included. */
  totalTimeoutMs?: number;
  /** Used for every attempt of this call instead of a generated key. */
  idempotencyKey?: string;
  retry?: false | Partial<RetryOptions>;
  rateLimit?: false | { maxWaitMs?: number };
  breaker?: false;
  cache?: boolean | { ttlSeconds?: number };
  headers?: Record<string, string>;
}

export interface Pipeline {
  /**
   * The fetch for one call of `meta`. The call is cancelled through `call.signal` and through the
   * request's own signal; `callSignalOnly` says the request's signal cannot abort (the client
   * builds it without one), so only `call.signal` is listened to, one abort listener less per
   * attempt (the request's signal is still checked as each attempt starts).
   */
  fetchFor(meta: OperationMeta, call?: CallOptions, callSignalOnly?: boolean): FetchLike;
  readonly policy: ResolvedPolicy;
  readonly limiter: LimiterStore;
  readonly breaker: BreakerStore;
  /** The circuit a request to `url` for `meta` is counted in. */
  circuitFor(meta: OperationMeta, url: string): string;
}

/** Where a client puts the text of a body it encoded (see contract.ts). */
export { SENT_BODY };

/** How long a half-open lease outlasts its probe's time limit. */
const PROBE_SLACK_MS = 1000;

export function createPipeline(options: PipelineOptions): Pipeline {
  const vendor = options.vendor ?? 'api';
  const policy = resolvePolicy(options.policy, options.overrides);
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const transport: Transport = options.fetch ?? ((request, init) => fetch(request, init));
  const limiter = options.limiter ?? new MemoryLimiterStore(clock);
  const breaker = options.breaker ?? new MemoryBreakerStore(clock);
  const { onEvent } = options;
  const logger = options.logger === false ? undefined : (options.logger ?? jsonLogger());
  const logFrom = logger ? LEVELS[logger.level] : Infinity;
  const rateHeaders = policy.rateLimit?.headers;
  const retryBase: RetryOptions = policy.retry ?? resolveRetry(options.policy, undefined);
  const plans = new WeakMap<OperationMeta, BucketSpec[]>();

  const wants = (level: LogLevel) => onEvent !== undefined || LEVELS[level] >= logFrom;
  /** Reports an event; callers check `wants(level)` first so unheard events are never built. */
  const note = (level: LogLevel, type: PolicyEvent['type'], meta: OperationMeta, fields: object) => {
    const event = { type, level, vendor, operationId: meta.id, ...fields } as PolicyEvent;
    onEvent?.(event);
    if (LEVELS[level] >= logFrom) logger!.log(event);
  };

  // The cache module decides what is cached; a pipeline without a cache bundles only this hook.
  const cached = options.cache?.forPipeline(
    vendor,
    options.cacheTtlSeconds,
    (meta, hit) => {
      if (wants('debug')) note('debug', 'cache', meta, { hit });
    },
    options.partition,
  );

  // Named once, on the first call that needs it (the partition is known by then).
  let account: Promise<string> | undefined;
  const accountOf = () => (account ??= accountTag(options.partition?.()));

  /** The operation's own bucket first, then the vendor-wide one; each once, and only if it has a limit. Worked out once per operation. */
  function bucketsFor(meta: OperationMeta): BucketSpec[] {
    let buckets = plans.get(meta);
    if (!buckets) {
      const limits = policy.rateLimit?.buckets ?? {};
      // By own key: a bucket named `constructor` that has no limit must not read Object; an own
      // entry left undefined is no limit either.
      buckets = [...new Set([meta.bucket ?? 'default', 'default'])].filter((name) => Object.hasOwn(limits, name) && limits[name]).map((name) => ({ key: `${vendor}:${name}`, ...limits[name]! }));
      plans.set(meta, buckets);
    }
    return buckets;
  }

  function circuitFor(meta: OperationMeta, url: string): string {
    const host = url.split('/', 3)[2];
    const circuit = policy.breaker?.perBucket ? `${vendor}:${host}:${meta.bucket ?? 'default'}` : `${vendor}:${host}`;
    return meta.circuit ? `${circuit}:${meta.circuit}` : circuit;
  }

  // The breaker's settings for an attempt with this lease. Most attempts have the same time limit
  // (the per-attempt timeout), so they share one object instead of copying the settings each time.
  let leased: BreakerConfig | undefined;
  function breakerConfigFor(probeTimeoutMs: number): BreakerConfig {
    if (leased?.probeTimeoutMs === probeTimeoutMs) return leased;
    return (leased = { ...policy.breaker!, probeTimeoutMs });
  }

  function breakerEvent(meta: OperationMeta, circuit: string, change: BreakerTransition) {
    const level = change.to === 'open' ? 'warn' : 'info';
    if (wants(level)) note(level, 'breaker', meta, { circuit, ...change });
  }

  async function send(meta: OperationMeta, call: CallOptions | undefined, request: Request, callSignalOnly: boolean | undefined): Promise<Response> {
    // Key of the vendor-reported window, when the vendor sends rate-limit headers: one per credentials.
    const windowKey = rateHeaders ? `${vendor}:${meta.bucket ?? meta.id}${await accountOf()}` : undefined;
    const retry = call?.retry === false ? undefined : call?.retry ? { ...retryBase, ...call.retry } : policy.retry;
    const rateLimit = call?.rateLimit === false ? undefined : policy.rateLimit;
    const maxWaitMs = (call?.rateLimit ? call.rateLimit.maxWaitMs : undefined) ?? rateLimit?.maxWaitMs ?? 0;
    const breakerOn = call?.breaker === false ? undefined : policy.breaker;
    const circuit = breakerOn ? circuitFor(meta, request.url) : '';
    const timeoutMs = call?.timeoutMs ?? policy.timeoutMs;
    // With no total set anywhere, a call's own longer per-attempt timeout widens the total as a
    // client's does: a 120 s upload is not cut at the 60 s total the client's 30 s implies.
    const totalMs =
      call?.totalTimeoutMs ??
      (call?.timeoutMs !== undefined && options.overrides?.totalTimeoutMs === undefined ? Math.max(policy.totalTimeoutMs, impliedTotalMs(call.timeoutMs)) : policy.totalTimeoutMs);
    const deadline = clock.now() + totalMs;
    const sa = call?.signal;
    // The request's own signal: listened to unless the caller says it cannot abort (then it is
    // only checked as each attempt starts, for a Request a middleware put in place with its own).
    const own = request.signal;
    const sb = callSignalOnly ? undefined : own;
    // A body is a stream that one send consumes: buffered once, it serves every attempt. When the
    // client says what text it holds, the stream stays unread for the first attempt.
    const sent = request.body === null || request.bodyUsed ? undefined : (request as unknown as Record<string, unknown>)[SENT_BODY];
    // Who releases the returned response's time limit and signals once its body is read.
    const hold = (request as unknown as Record<string, unknown>)[HOLD_BODY] as ((release: () => void) => void) | undefined;
    const known = typeof sent === 'string';
    const body = request.body === null ? undefined : known ? bufferOf(sent) : await request.arrayBuffer();
    const replayable = isReplayable(meta, request, body);
    let last: Response | undefined;
    let lastError: unknown;
    let n = 1;

    /** Waits, unless the caller cancels: then the pending response is released first. */
    const wait = (ms: number) =>
      guard<void>(clock, ms, sa, sb).catch((reason: unknown) => {
        release(last);
        throw reason;
      });

    /**
     * The limiter or the breaker said no: the call fails with `error` on its first attempt; on a
     * retry the caller ends it with what the vendor last said.
     */
    const refused = (type: 'rate-limit' | 'circuit-rejected', fields: object, error: Error) => {
      if (wants('warn')) note('warn', type, meta, { attempt: n, ...fields });
      if (n === 1) throw error;
    };

    for (; ; n++) {
      if (rateLimit) {
        // One reservation takes a slot in every bucket the request counts in (so a refusal spends
        // none of them). The usual answer, a synchronous slot free now, needs no await.
        let slot = limiter.reserve(bucketsFor(meta), windowKey, Math.max(0, Math.min(maxWaitMs, deadline - clock.now())));
        if (isPromise(slot)) slot = await slot;
        if (!slot.ok) {
          refused('rate-limit', { rejectedUntil: slot.retryAt, bucket: slot.key }, new RateLimitError(meta.id, slot.key, slot.retryAt));
          break;
        } else if (slot.waitMs > 0) {
          if (wants('debug')) note('debug', 'rate-limit', meta, { attempt: n, waitMs: slot.waitMs });
          await wait(slot.waitMs);
        }
      }

      // This attempt's time limit: its own timeout, or what is left of the call's deadline.
      const remaining = Math.max(1, deadline - clock.now());
      const perAttempt = timeoutMs > 0 && timeoutMs < remaining;
      const limitMs = perAttempt ? timeoutMs : remaining;

      let probe = 0;
      let state: BreakerState | 'off' = 'off';
      // Should this attempt become the half-open probe, its lease outlasts the attempt: a probe
      // that has not reported by then (plus slack for the store's round trips) died with its isolate.
      const breakerConfig = breakerOn && breakerConfigFor(limitMs + PROBE_SLACK_MS);
      if (breakerConfig) {
        let permit = breaker.acquire(circuit, breakerConfig);
        if (isPromise(permit)) permit = await permit;
        if (!permit.allowed) {
          refused('circuit-rejected', { circuit, retryAt: permit.retryAt }, new CircuitOpenError(meta.id, circuit, permit.retryAt));
          break;
        }
        if (permit.transition) breakerEvent(meta, circuit, permit.transition);
        probe = permit.probe;
        state = permit.state;
      }

      const started = clock.now();
      let response: Response | undefined;
      let error: unknown;
      let held: (() => void) | undefined;
      try {
        // One attempt: the transport raced against this attempt's time limit and the caller's
        // signals. A transport failure becomes a NetworkError (an error the auth layer decided,
        // see `decided`, passes as it is); a response that comes after the end is released.
        const outgoing = body === undefined || (known && n === 1) ? request : copyWithBody(request, body);
        response = await guard(
          clock,
          perAttempt ? timeoutMs : Math.max(1, deadline - started),
          sa,
          sb ?? (own.aborted ? own : undefined),
          () => new TimeoutError(meta.id, perAttempt ? 'attempt' : 'total', perAttempt ? timeoutMs : totalMs),
          (signal) => transport(outgoing, { signal, body }),
          (e) => (decided(e) ? e : toNetworkError(meta.id, e)),
          release,
          hold && ((done) => (held = done)),
        );
      } catch (e) {
        error = e;
      }
      const ended = clock.now();
      const cancelled = response === undefined && (sa?.aborted === true || own.aborted);
      const status = response?.status;

      if (breakerConfig) {
        // Health failures only: a 4xx is the caller's problem, a cancellation says nothing.
        // Neither a caller's cancellation nor an error the auth layer decided says anything more of the vendor.
        const neutral = cancelled || decided(error);
        let change = breaker.record(circuit, breakerConfig, neutral ? 'neutral' : response === undefined || status! >= 500 ? 'failure' : 'success', probe);
        if (isPromise(change)) change = await change;
        if (change) {
          breakerEvent(meta, circuit, change);
          state = change.to;
        }
      }
      if (response && windowKey) observeWindow(windowKey, response, ended);

      let delay = NO_RETRY;
      if (retry && n <= retry.maxRetries && !cancelled) {
        delay = retryDelay(response, error, retry, replayable, n, ended, rateHeaders?.reset, random);
        if (ended + delay >= deadline) delay = NO_RETRY;
      }

      const level: LogLevel = delay >= 0 ? 'info' : response === undefined || status! >= 500 || status === 429 ? 'warn' : 'debug';
      if (wants(level)) {
        note(level, 'attempt', meta, {
          method: meta.method,
          path: meta.path,
          attempt: n,
          status,
          // Our own errors carry no request data, but a caller's abort reason could say anything.
          error: response ? undefined : redactText(error instanceof Error ? `${error.name}: ${error.message}` : String(error), options.secrets?.()),
          durationMs: ended - started,
          retryInMs: delay >= 0 ? delay : undefined,
          breakerState: state,
        });
      }

      // The previous attempt's response is superseded now; free its connection.
      release(last);
      if (delay < 0) {
        if (!response) throw error;
        // The caller's read of the body stays under this attempt's limit and signals until it releases them.
        if (held) hold!(held);
        return response.status === 205 ? resetContent(response) : response;
      }
      held?.();
      last = response;
      lastError = error;
      await wait(delay);
    }
    // The limiter or the breaker refused a retry: the call ends with what the vendor last said.
    if (last) return last;
    throw lastError;
  }

  function observeWindow(windowKey: string, response: Response, now: number) {
    // A plain non-negative number, as retry-after-ms holds: Number('') is 0, and an empty header
    // read that way would hold every call until the reset.
    const left = parseRetryAfterMs(response.headers.get(rateHeaders!.remaining));
    if (left === undefined) return;
    const resetAt = parseResetAt(response.headers.get(rateHeaders!.reset), now);
    if (resetAt === undefined) return;
    // Not awaited: a lost observation only makes the limiter a little less cautious.
    const pending = limiter.observe(windowKey, left, resetAt);
    if (isPromise(pending)) pending.catch(noop);
  }

  // Not async: returning send()'s promise from an async function would add ticks to every call.
  function run(meta: OperationMeta, call: CallOptions | undefined, request: Request, callSignalOnly: boolean | undefined): Promise<Response> {
    try {
      const headers = call?.headers;
      if (headers) for (const name in headers) request.headers.set(name, headers[name]!);
      applyIdempotencyKey(request, meta, call?.idempotencyKey);
      return cached ? cached(meta, call, request, send, callSignalOnly) : send(meta, call, request, callSignalOnly);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  return {
    fetchFor: (meta, call, callSignalOnly) => (request) => run(meta, call, request, callSignalOnly),
    policy,
    limiter,
    breaker,
    circuitFor,
  };
}

/**
 * An error the transport's auth layer raised with the outcome already known: a request it would
 * not send, the ApiError of a login or token request the vendor refused, or a refusal of the
 * limiter or breaker that request went through. It reaches the caller as it is, is not retried
 * (the login went through the vendor's policies already), and the breaker does not count it
 * (the login's own attempts, in the same circuit, were counted). Wrapped as a network error, a
 * wrong API key was retried as if the connection had failed, every retry logging in again.
 */
function decided(error: unknown): boolean {
  return error instanceof RequestNotSentError || error instanceof ApiError || error instanceof CircuitOpenError || error instanceof RateLimitError;
}

/**
 * A 205 (Reset Content) carries no content (RFC 9110 §15.3.6) and fetch hands it on with none, but
 * a server that sends a Content-Length anyway made openapi-fetch parse the missing body as JSON
 * and throw on a success. Without that header it reads as what it is: no data. (Every 205 is
 * rebuilt: the status is rare, and a check of the header first would cost bytes in every bundle.)
 */
function resetContent(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(null, { status: 205, statusText: response.statusText, headers });
}

/** The UTF-8 bytes of `text` in an ArrayBuffer of exactly their length. */
function bufferOf(text: string): ArrayBuffer {
  const bytes = utf8.encode(text);
  return bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
}

/**
 * The attempt's own Request, with the buffered body. Buffering consumed the original's stream, and
 * a transport may read only the Request, not `init` (a global fetch replaced by a test double or
 * an instrumentation wrapper): a used body there would fail the call like a network error.
 */
function copyWithBody(request: Request, body: ArrayBuffer): Request {
  return new Request(request.url, { method: request.method, headers: request.headers, body, redirect: request.redirect });
}

