// What a per-call fixture (bench/fixtures/per-call/*.ts) provides: the same two requests made by
// a generated operation function through a generated client (ours) and by the peers, so that the
// benchmark itself names no vendor and no operation.

/**
 * The name of the contender that splits ours' cost in two: openapi-fetch with svcgen's pipeline
 * (every policy at the vendor defaults) as its fetch, without the generated client (its auth, its
 * path and query encoders, its error handling: openapi-fetch's own encoders serve instead). A
 * fixture that offers it lists it among the peers under this name.
 */
export const PIPELINE_ONLY = "openapi-fetch through svcgen's pipeline (no generated client)";

/**
 * The name of the contender that prices cancellability alone: bare openapi-fetch whose fetch
 * gives each call the least a per-call timeout that cancels the request needs (an
 * AbortController, a timer at the vendor's per-attempt timeout, the controller's signal to fetch,
 * the timer cleared when fetch settles). No retry, breaker, limiter or logging. A fixture that
 * offers it lists it among the peers under this name.
 */
export const CANCELLABLE = 'bare openapi-fetch + a per-call timeout that cancels (AbortController, timer)';

/** One way of making the two requests; each call resolves with the parsed response body. */
export interface PerCallContender {
  readonly name: string;
  readonly get: () => Promise<unknown>;
  readonly post: () => Promise<unknown>;
}

export interface PerCallFixture {
  /** For the report: which generated operations `ours` calls and how. */
  readonly describe: { readonly get: string; readonly post: string };
  /** Header whose value differs on every POST by design (a fresh idempotency key), if any. */
  readonly perCallHeader?: string;
  /**
   * Ours first; every contender sends the same method, URL, headers and body bytes. With
   * `transport`, every contender sends through it instead of the global fetch (the in-memory figures).
   */
  contenders(baseUrl: string, transport?: typeof fetch): { readonly ours: PerCallContender; readonly peers: readonly PerCallContender[] };
}
