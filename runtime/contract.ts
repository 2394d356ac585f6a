// The contract between generated code and the runtime. Generated operations describe themselves
// with an OperationMeta constant; the client turns (meta, call options) into the `fetch` that
// openapi-fetch uses for that one call, so every call goes through the policy pipeline.

export type ResilienceClass = 'safe' | 'idempotent' | 'unsafe';

export type IdempotencyMechanism =
  | { readonly kind: 'none' }
  | { readonly kind: 'header'; readonly name: string; readonly maxLength?: number }
  | { readonly kind: 'body-field'; readonly field: string };

export interface OperationMeta {
  /** Final operationId, e.g. `PostPaymentIntents`. */
  readonly id: string;
  /** Upper-case HTTP method. */
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';
  /** Path template as in the spec: `/v1/customers/{customer}`. */
  readonly path: string;
  readonly resilience: ResilienceClass;
  readonly idempotency: IdempotencyMechanism;
  /** Rate-limit bucket; the vendor's `default` bucket when absent. */
  readonly bucket?: string;
  /** Present when GET caching may be enabled for this operation. */
  readonly cache?: { readonly ttlSeconds: number };
  /** Request body encoding; absent for operations without a body. */
  readonly body?: 'json' | 'form' | 'multipart' | 'text' | 'binary';
  /**
   * Query parameters whose serialisation differs from `form` + explode of a scalar:
   * name → [style, explode]. Absent when every query parameter is a plain scalar.
   */
  readonly query?: { readonly [name: string]: readonly [style: string, explode: boolean] };
  /** How to read a success body that is not JSON (a PDF, a CSV export, an HTML page). */
  readonly parseAs?: 'text' | 'blob';
}

/**
 * The fetch signature openapi-fetch calls (request only); the pipeline's transports may also get
 * the attempt's signal and an already-buffered body.
 */
export type FetchLike = (request: Request, init?: { signal?: AbortSignal; body?: ArrayBuffer }) => Promise<Response>;
