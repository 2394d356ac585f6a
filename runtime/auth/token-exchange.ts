// Token-exchange auth (credentials → short-lived bearer token). One manager per client
// holds the token, shares a single login among concurrent callers, and refreshes shortly before
// expiry. `withTokenAuth` signs each request and answers a 401 with exactly one re-login and one
// retry. Credentials and tokens never reach an error message: a refused login is the vendor's
// ApiError (status, message, body and kept headers), scrubbed of the credentials first.

import { keepToken } from './kept-tokens.ts';
import type { AuthStrategy } from '../client.ts';
import type { FetchLike, OperationMeta } from '../contract.ts';
import { readApiError } from '../error-shapes.ts';

export interface IssuedToken {
  readonly token: string;
  /** Absolute expiry, epoch milliseconds. */
  readonly expiresAt: number;
}

export type LoginFn = (signal: AbortSignal) => Promise<IssuedToken>;

export interface TokenManagerOptions {
  readonly login: LoginFn;
  /** Refresh this long before `expiresAt` (default 60 s). */
  readonly refreshSkewMs?: number;
  /** Clock, epoch ms (default Date.now). */
  readonly now?: () => number;
}

export interface TokenManager {
  /** A valid token, logging in first when none is cached or it is about to expire. */
  getToken(signal?: AbortSignal): Promise<string>;
  /** Forgets `token` if it is still the cached one (a 401 proved it dead). */
  invalidate(token: string): void;
}

interface Cached {
  readonly token: string;
  /** When to stop handing the token out. */
  readonly refreshAt: number;
}

interface InFlight {
  readonly promise: Promise<Cached>;
  readonly controller: AbortController;
  waiters: number;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Resolves with `promise` unless `signal` aborts first; the shared work itself goes on. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort: () => void): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    onAbort();
    return Promise.reject(abortReason(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => {
      onAbort();
      reject(abortReason(signal));
    };
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', abort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(e);
      },
    );
  });
}

export function createTokenManager(options: TokenManagerOptions): TokenManager {
  const skew = options.refreshSkewMs ?? 60_000;
  const now = options.now ?? Date.now;
  let cached: Cached | undefined;
  let inFlight: InFlight | undefined;

  const startLogin = (): InFlight => {
    const controller = new AbortController();
    const issuedAt = now();
    // Through a Promise constructor so a login that throws synchronously still rejects.
    const promise = new Promise<IssuedToken>((resolve) => resolve(options.login(controller.signal))).then(
      (issued) => {
        if (typeof issued.token !== 'string' || issued.token === '' || !Number.isFinite(issued.expiresAt)) {
          throw new TypeError('login returned no usable token');
        }
        // A skew longer than the token's life would make every call log in; keep at least half the life.
        const refreshAt = Math.max(issued.expiresAt - skew, issuedAt + (issued.expiresAt - issuedAt) / 2);
        const fresh = { token: issued.token, refreshAt };
        if (inFlight === flight) {
          cached = fresh;
          inFlight = undefined;
        }
        return fresh;
      },
      (error: unknown) => {
        if (inFlight === flight) inFlight = undefined;
        throw error;
      },
    );
    const flight: InFlight = { promise, controller, waiters: 0 };
    return flight;
  };

  return {
    async getToken(signal) {
      if (signal?.aborted) throw abortReason(signal);
      if (cached && now() < cached.refreshAt) return cached.token;
      inFlight ??= startLogin();
      const flight = inFlight;
      flight.waiters++;
      let left = false;
      // The login is shared: it is cancelled only when every caller waiting on it has given up.
      const giveUp = (): void => {
        left = true;
        flight.waiters--;
        if (flight.waiters === 0 && inFlight === flight) {
          inFlight = undefined;
          flight.controller.abort();
        }
      };
      try {
        return (await raceAbort(flight.promise, signal, giveUp)).token;
      } finally {
        if (!left) flight.waiters--;
      }
    },
    invalidate(token) {
      if (cached?.token === token) cached = undefined;
    },
  };
}

/**
 * `request` signed with `token`. With `body` (the buffered body in `init`) the copy takes that
 * body, and `request`'s own stream is left unread: a copy that took the stream would leave
 * `request` used, and a second copy for the resend would throw.
 */
function withAuthorization(request: Request, token: string, body: BodyInit | null | undefined): Request {
  const headers = new Headers(request.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return new Request(request, body === undefined ? { headers } : { headers, body });
}

/**
 * Wraps `fetch` so every request carries the manager's bearer token. A 401 invalidates that
 * token and the request is sent once more with a fresh one: with the body buffered in `init`
 * (as the pipeline sends every attempt), or else from a clone taken before the first send; a
 * second 401 is returned as is.
 */
export function withTokenAuth(fetch: FetchLike, manager: TokenManager): FetchLike {
  return async (request, init) => {
    const body = init?.body;
    const spare = body === undefined ? request.clone() : request;
    const token = await manager.getToken(init?.signal ?? request.signal);
    const first = await fetch(withAuthorization(request, token, body), init);
    if (first.status !== 401) return first;
    await first.body?.cancel();
    manager.invalidate(token);
    const fresh = await manager.getToken(init?.signal ?? spare.signal);
    return fetch(withAuthorization(spare, fresh, body), init);
  };
}

export interface LoginEndpointOptions {
  /** The fetch for the login call: unsigned (no token), though a client's goes through its policies. */
  readonly fetch: FetchLike;
  /** Absolute login URL (`https://api.example.com/api/v1/authentication/login`). */
  readonly url: string;
  /** Credential headers (`x-client-id`, `x-api-key`, optionally `x-login-as`). */
  readonly headers: Readonly<Record<string, string>>;
  /** Body field with the token (default `token`). */
  readonly tokenField?: string;
  /** Body field with the expiry (default `expires_at`): ISO 8601, or epoch seconds/ms. */
  readonly expiresAtField?: string;
  /** Operation id named in errors (default `login`). */
  readonly operationId?: string;
  readonly requestIdHeader?: string;
  /** Key formats scrubbed from a failed login's error besides the credential values (the profile's `secretShapes`). */
  readonly secretShapes?: readonly RegExp[];
}

/** Parses an expiry given as ISO 8601 (with `+0000`-style offsets too) or as epoch seconds/ms. */
export function parseExpiry(value: unknown): number {
  if (typeof value === 'number') return value < 1e12 ? value * 1000 : value;
  if (typeof value === 'string') {
    if (/^\d+$/.test(value)) return parseExpiry(Number(value));
    const iso = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
    const ms = Date.parse(iso);
    if (!Number.isNaN(ms)) return ms;
  }
  return Number.NaN;
}

/** A `LoginFn` that POSTs the credential headers to a login endpoint and reads `{token, expires_at}`. */
export function loginWithHeaders(options: LoginEndpointOptions): LoginFn {
  const secrets = [...Object.values(options.headers), ...(options.secretShapes ?? [])];
  const operationId = options.operationId ?? 'login';
  return async (signal) => {
    const response = await options.fetch(
      new Request(options.url, {
        method: 'POST',
        headers: { ...options.headers, Accept: 'application/json' },
        signal,
      }),
    );
    if (!response.ok) {
      throw await readApiError(response, {
        operationId,
        secrets,
        ...(options.requestIdHeader ? { requestIdHeader: options.requestIdHeader } : {}),
      });
    }
    const body = (await response.json()) as Record<string, unknown>;
    const token = body[options.tokenField ?? 'token'];
    const expiresAt = parseExpiry(body[options.expiresAtField ?? 'expires_at']);
    if (typeof token !== 'string' || token === '' || Number.isNaN(expiresAt)) {
      throw new TypeError(`${operationId} answered ${response.status} without a usable token or expiry`);
    }
    return { token, expiresAt };
  };
}

/** How a token-exchange vendor's profile describes its login call. */
export interface TokenExchangeProfile {
  readonly kind: 'token-exchange';
  readonly loginOperation: string;
  readonly loginPath: string;
  /** credential header → client option name */
  readonly credentialHeaders: Readonly<Record<string, string>>;
  readonly tokenField: string;
  readonly expiresAtField: string;
  readonly refreshSkewSeconds: number;
}

/** The credential headers the client options supply (empty values left out). */
function credentialHeaders(auth: TokenExchangeProfile, options: object): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [header, name] of Object.entries(auth.credentialHeaders)) {
    const value = (options as Record<string, unknown>)[name];
    if (typeof value === 'string' && value !== '') headers[header] = value;
  }
  return headers;
}

/**
 * The auth strategy generated token-exchange clients pass to createVendorClientWith: the login call
 * goes through the unsigned pipeline (the vendor's limiter and breaker) with the credential
 * headers, every other call through a pipeline that adds the token.
 */
export const tokenExchangeAuth: AuthStrategy = ({ profile, options, baseUrl, loginPipeline, signedPipeline }) => {
  const auth = profile.auth as TokenExchangeProfile;
  const headers = credentialHeaders(auth, options);
  const requestIdHeader = profile.policy.requestIdHeader;
  const meta: OperationMeta = { id: auth.loginOperation, method: 'POST', path: auth.loginPath, resilience: 'idempotent', idempotency: { kind: 'none' }, bucket: 'login', circuit: 'login' };
  const login = loginWithHeaders({
    fetch: loginPipeline.fetchFor(meta, {}),
    url: baseUrl.replace(/\/$/, '') + auth.loginPath,
    headers,
    tokenField: auth.tokenField,
    expiresAtField: auth.expiresAtField,
    operationId: auth.loginOperation,
    ...(requestIdHeader ? { requestIdHeader } : {}),
    ...(profile.secretShapes ? { secretShapes: profile.secretShapes } : {}),
  });
  // Issued tokens are secrets too: an error body that echoes one is scrubbed of it.
  const tokens: string[] = [];
  const manager = createTokenManager({
    login: async (signal) => {
      const issued = await login(signal);
      keepToken(tokens, issued.token);
      return issued;
    },
    refreshSkewMs: auth.refreshSkewSeconds * 1000,
  });
  const pipeline = signedPipeline((transport) => withTokenAuth(transport, manager));
  // Exact credential values, scrubbed from any error body that echoes them.
  const secrets = Object.values(headers);
  return {
    pipeline,
    // Calling the login operation directly: it carries the credentials, not a token.
    pipelineFor: (call) => (call.id === auth.loginOperation ? loginPipeline : pipeline),
    headersFor: (call) => (call.id === auth.loginOperation ? headers : undefined),
    secrets: () => [...secrets, ...tokens],
    partition: secrets.join('\n'),
  };
};
