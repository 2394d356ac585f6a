// One error type for every non-2xx answer, whatever the vendor. The vendor's error body is
// recognised by its shape (runtime/error-shapes.ts: the client passes the recogniser its spec needs).
// Everything stored on the error is scrubbed of secrets first, so logging, JSON.stringify or a
// stack trace can never leak a key.

import { redactHeaders, redactText, redactValue, type Secret } from './redact.ts';

export interface ApiErrorDetail {
  readonly message?: string;
  readonly field?: string;
  readonly code?: string;
}

export interface ApiErrorContext {
  /** The operation that failed (`PostPaymentIntents`). */
  readonly operationId: string;
  /** Response header that carries the vendor's request id (`Request-Id`, `x-request-id`). */
  readonly requestIdHeader?: string;
  /** Secret values (API keys, client ids, tokens) and the vendor's key shapes to scrub beyond the recognisable ones. */
  readonly secrets?: readonly Secret[];
  /** Further response headers worth keeping on the error. */
  readonly keepHeaders?: readonly string[];
}

export interface ApiErrorInit<S extends number, B> {
  readonly status: S;
  readonly operationId: string;
  readonly message?: string;
  readonly code?: string;
  readonly type?: string;
  readonly param?: string;
  readonly declineCode?: string;
  readonly details?: readonly ApiErrorDetail[];
  readonly requestId?: string;
  readonly body?: B;
  readonly headers?: Readonly<Record<string, string>>;
  readonly secrets?: readonly Secret[];
}

const MAX_TEXT = 1000;
// Headers that help a caller decide what to do next (retry timing, budget, tracing).
const USEFUL_HEADER = /^(?:content-type|retry-after|retry-after-ms)$|ratelimit|should-retry$/i;

export class ApiError<S extends number = number, B = unknown> extends Error {
  // Declared, not defined: the constructor sets each, in this order (toJSON lists them so), so a bundle carries no field list.
  declare readonly status: S;
  declare readonly operationId: string;
  /** Vendor error code (`card_declined`, `invalid_argument`). */
  declare readonly code: string | undefined;
  /** Vendor error category (`card_error`), when the vendor has one. */
  declare readonly type: string | undefined;
  /** The request field the vendor blames (`param`, `source`, first `field`). */
  declare readonly param: string | undefined;
  declare readonly declineCode: string | undefined;
  /** Per-field problems when the vendor lists several. */
  declare readonly details: readonly ApiErrorDetail[];
  declare readonly requestId: string | undefined;
  /** A safe subset of the response headers (lower-case names). */
  declare readonly headers: Readonly<Record<string, string>>;
  /** The parsed error body, secrets removed. */
  declare readonly body: B | undefined;

  constructor(init: ApiErrorInit<S, B>) {
    const secrets = init.secrets ?? [];
    const scrub = (value: string | undefined) => (value === undefined ? undefined : redactText(value, secrets));
    // Vendor prose can be long; codes and names are kept whole.
    const text = (value: string | undefined) => (value === undefined ? undefined : clip(redactText(value, secrets)));
    super(text(init.message) ?? `${init.operationId} failed with HTTP ${init.status}`);
    this.status = init.status;
    this.operationId = init.operationId;
    this.code = scrub(init.code);
    this.type = scrub(init.type);
    this.param = scrub(init.param);
    this.declineCode = scrub(init.declineCode);
    this.details = (init.details ?? []).map((d) => definedOnly({ message: text(d.message), field: scrub(d.field), code: scrub(d.code) }));
    this.requestId = scrub(init.requestId);
    this.headers = redactHeaders(init.headers ?? {}, secrets);
    this.body = init.body === undefined ? undefined : (redactValue(init.body, secrets) as B);
  }

  /** Narrows the status so per-status body types can follow. */
  is<T extends S>(status: T): this is ApiError<T, B> {
    return this.status === status;
  }

  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }

  get isServerError(): boolean {
    return this.status >= 500;
  }

  override toString(): string {
    const code = this.code ? ` ${this.code}` : '';
    const rid = this.requestId ? ` (request ${this.requestId})` : '';
    return `${this.name}: ${this.operationId} HTTP ${this.status}${code}: ${this.message}${rid}`;
  }

  toJSON(): Record<string, unknown> {
    // The fields the constructor set, in its order: name and message are not enumerable (an
    // Error's own message, the name on the prototype), so they are listed first.
    return { name: this.name, message: this.message, ...(this as object) };
  }
}
// On the prototype so the stack header (captured during `super()`) already says ApiError.
Object.defineProperty(ApiError.prototype, 'name', { value: 'ApiError', writable: true, configurable: true });

export function isApiError<B = unknown>(error: unknown): error is ApiError<number, B>;
export function isApiError<S extends number, B = unknown>(error: unknown, status: S): error is ApiError<S, B>;
export function isApiError(error: unknown, status?: number): boolean {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

export interface ErrorShape {
  message?: string;
  code?: string;
  type?: string;
  param?: string;
  declineCode?: string;
  details?: ApiErrorDetail[];
}

/** Reads what a vendor's error body says (runtime/error-shapes.ts has them). */
export type ErrorDescriber = (body: unknown) => ErrorShape;

/**
 * Builds the error for a failed response. `parsedBody` is what the caller already read (openapi-fetch
 * hands it over as `error`); the response body itself is not touched.
 */
export function errorFromResponse<B = unknown>(response: Response, context: ApiErrorContext, parsedBody: B | undefined, describe: ErrorDescriber): ApiError<number, B> {
  const requestId = context.requestIdHeader ? response.headers.get(context.requestIdHeader) ?? undefined : undefined;
  return new ApiError<number, B>({
    status: response.status,
    operationId: context.operationId,
    ...describe(parsedBody),
    requestId,
    // Error pages can be whole HTML documents; keep enough to diagnose. Scrubbed before it is cut:
    // a secret the cut split would no longer match, and its first characters would stay.
    body: (typeof parsedBody === 'string' ? clip(redactText(parsedBody, context.secrets)) : parsedBody) as B,
    headers: pickHeaders(response.headers, context),
    secrets: context.secrets,
  });
}

function pickHeaders(headers: Headers, context: ApiErrorContext): Record<string, string> {
  const requestId = context.requestIdHeader?.toLowerCase();
  const kept = context.keepHeaders?.map((h) => h.toLowerCase());
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (name === requestId || kept?.includes(name) || USEFUL_HEADER.test(name)) out[name] = value;
  });
  return out;
}

/** `shape` without its undefined members (the error's fields list only what the vendor said). */
export function definedOnly<T extends object>(shape: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(shape)) if (v !== undefined) out[k] = v;
  return out as T;
}

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}
