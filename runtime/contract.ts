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
  /** Path template as in the spec, `/v1/customers/{customer}`, cut at a `#` that starts a fragment (generator/emit/request-path.ts). */
  readonly path: string;
  readonly resilience: ResilienceClass;
  readonly idempotency: IdempotencyMechanism;
  /** Rate-limit bucket; the vendor's `default` bucket when absent. */
  readonly bucket?: string;
  /**
   * A circuit of its own beside the host's (`<vendor>:<host>:<circuit>`): a login or token request,
   * which runs inside an attempt of the API's circuit. Sharing that circuit, the login of a
   * half-open probe was refused by the probe's own lease, and the circuit never closed again.
   */
  readonly circuit?: string;
  /** Present when GET caching may be enabled for this operation. */
  readonly cache?: { readonly ttlSeconds: number };
  /**
   * Query parameters whose serialisation differs from `form` + explode of a scalar:
   * name → [style, explode]. Absent when every query parameter is a plain scalar.
   */
  readonly query?: { readonly [name: string]: readonly [style: string, explode: boolean] };
  /** How to read a success body that is not JSON (a PDF, a CSV export, an HTML page; an event stream as it arrives). */
  readonly parseAs?: 'text' | 'blob' | 'stream';
  /**
   * Reads the success body after openapi-fetch: one the spec does not describe, fetched as a Blob
   * (runtime/encoding/undescribed-body.ts), or an event stream tied to the call's signal (event-stream.ts).
   */
  readonly decodeBody?: (data: unknown, response: Response, signal?: AbortSignal) => Promise<unknown>;
  /** Sent as Accept where the server may answer in several media types: the ones the client reads. */
  readonly accept?: string;
  /** The operation's own server (an upload host, say), used unless the caller set `baseUrl` (generator/model/operation-servers.ts). */
  readonly server?: string;
  /**
   * The encoders this operation needs, named by the generator so a Worker bundles only those
   * (runtime/encoding/*): `body` form or multipart, a styled `query` table, path parameters.
   * Absent: openapi-fetch's own (JSON bodies, scalar queries, no path parameters). The encoder is
   * all the metadata says of a body: a field naming its encoding, read by nothing, cost every
   * operation with a body bytes in the bundle.
   */
  readonly encodeBody?: BodyEncoder;
  /** `path`: the call's path parameters, for a path key whose query string names some (`?lat={lat}`). */
  readonly encodeQuery?: (table: NonNullable<OperationMeta['query']>, path?: Record<string, unknown>) => (query: object) => string;
  readonly encodePath?: (path: string, params: Record<string, unknown>) => string;
  /** The call's input with its array- or object-typed header parameters written in simple style (runtime/encoding/header.ts). */
  readonly encodeHeaders?: (init: object) => object;
  /**
   * Wraps the call's fetch so an error body labelled not JSON reaches the caller as its exact text
   * (runtime/encoding/error-text.ts): only operations that declare such an error response.
   */
  readonly errorText?: (send: FetchLike) => FetchLike;
  /** With a `body-field` idempotency key: the code that fills and recognises it (runtime/policy/body-field-key.ts). */
  readonly bodyKey?: BodyFieldKey;
}

/** Idempotency keys in a body field; without it on the metadata such a key is neither filled nor trusted. */
export interface BodyFieldKey {
  /** `init` with `field` set in an object body that lacks it (to `callKey` or a new UUID). */
  fill(field: string, init: { body?: unknown }, callKey: string | undefined): object;
  /** Whether the buffered body sent carries a non-empty key in `field`. */
  carries(field: string, body: ArrayBuffer | undefined, contentType: string | null): boolean;
}

/** openapi-fetch's options for one call, as the client assembles them. */
export type CallRequest = Record<string, unknown>;

/**
 * Puts a request body of one encoding into the call's options: the body or its serializer, and
 * the Content-Type (openapi-fetch defaults it to JSON and a serializer cannot change headers).
 */
export type BodyEncoder = (request: CallRequest, headers: Record<string, string> | undefined) => void;

/**
 * The Request property a client sets to the text the body was built from. openapi-fetch copies
 * unknown call options onto the Request it builds (a middleware's replacement Request has none),
 * so when it is there the pipeline takes the bytes from it instead of reading the body back and
 * copying the Request for the first attempt.
 */
export const SENT_BODY = 'svcgenSentBody';

/**
 * The Request property a client sets to a function that takes the release of the returned
 * attempt's time limit and signal listeners (copied onto the Request like SENT_BODY). Until the
 * client calls that release, once it has read the body, a timeout or the caller's abort still
 * cancels the body being read; without it they would stop at the headers.
 */
export const HOLD_BODY = 'svcgenHoldBody';

/**
 * The fetch signature openapi-fetch calls (request only); the pipeline's transports may also get
 * the attempt's signal and an already-buffered body.
 */
export type FetchLike = (request: Request, init?: { signal?: AbortSignal; body?: ArrayBuffer }) => Promise<Response>;
