// OAuth2 client credentials (RFC 6749 §4.4): the client id and secret buy an access token at the
// scheme's tokenUrl. The token manager and the 401 handling are token-exchange.ts's: one token
// request shared by concurrent callers, the token cached until shortly before it expires, one
// refresh and one resend on a 401. Generated clients import this module only when their spec
// declares an OAuth2 client-credentials scheme. Such a scheme also takes an access token the
// caller already holds (from another flow of the same scheme, or a token service), sent as Bearer
// as given, without a token request or a refresh: a string, or a function called on every attempt
// for the current token (token-source.ts).

import type { FetchLike, OperationMeta } from '../contract.ts';
import { readApiError } from '../error-shapes.ts';
import { bearerScheme } from './bearer-scheme.ts';
import { requestSigning } from './request-signing.ts';
import { base64, checkText, type ClientCredential, type SchemeProfile, type SigningSchemeKind } from './schemes.ts';
import { createTokenManager, withTokenAuth, type LoginFn } from './token-exchange.ts';
import { TokenSource, type TokenFunction } from './token-source.ts';

export interface ClientCredentialsLogin {
  /** Fetch for the token request (the pipeline's, without token signing). */
  readonly fetch: FetchLike;
  /** Absolute token endpoint. */
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scopes: readonly string[];
  /** Named in errors: `<scheme> token`. */
  readonly operationId: string;
  /** Refresh this long before expiry (default 60 s; never more than half the token's life). */
  readonly refreshSkewMs?: number;
  /** Told each token issued, so the client can scrub it from errors. */
  readonly onToken?: (token: string) => void;
  readonly requestIdHeader?: string;
  /** Key formats scrubbed from a refused token request's error besides the credentials (the profile's `secretShapes`). */
  readonly secretShapes?: readonly RegExp[];
}

/** Lifetime assumed when the server omits `expires_in` (RFC 6749 makes it optional); a 401 still refreshes. */
const DEFAULT_LIFETIME_MS = 3_600_000;

// RFC 6749 §2.3.1: client id and secret are form-urlencoded before they go into HTTP Basic.
function formEncode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+');
}

/** A LoginFn that asks the token endpoint for a client-credentials access token. */
export function clientCredentialsLogin(options: ClientCredentialsLogin): LoginFn {
  const basic = base64(`${formEncode(options.clientId)}:${formEncode(options.clientSecret)}`);
  const secrets = [options.clientId, options.clientSecret, basic, ...(options.secretShapes ?? [])];
  return async (signal) => {
    const body = new URLSearchParams({ grant_type: 'client_credentials' });
    if (options.scopes.length > 0) body.set('scope', options.scopes.join(' '));
    const response = await options.fetch(
      new Request(options.tokenUrl, {
        method: 'POST',
        headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: body.toString(),
        signal,
      }),
    );
    if (!response.ok) {
      throw await readApiError(response, {
        operationId: options.operationId,
        secrets,
        ...(options.requestIdHeader ? { requestIdHeader: options.requestIdHeader } : {}),
      });
    }
    const answer = (await response.json()) as Record<string, unknown>;
    const token = answer.access_token;
    const lifetime = typeof answer.expires_in === 'number' ? answer.expires_in * 1000 : Number(answer.expires_in) * 1000;
    if (typeof token !== 'string' || token === '') {
      throw new TypeError(`${options.operationId} answered ${response.status} without an access_token`);
    }
    options.onToken?.(token);
    return { token, expiresAt: Date.now() + (Number.isFinite(lifetime) && lifetime > 0 ? lifetime : DEFAULT_LIFETIME_MS) };
  };
}

/** How a client signs requests for one OAuth2 scheme: given the token request, a transport wrapper. */
export type OAuth2Auth = (login: ClientCredentialsLogin) => (transport: FetchLike) => FetchLike;

/** Signs a transport with client-credentials tokens: what oauth2Scheme's signer uses (generated clients pass the scheme kind, not this). */
export const oauth2ClientCredentials: OAuth2Auth = (login) => {
  const manager = createTokenManager({
    login: clientCredentialsLogin(login),
    ...(login.refreshSkewMs === undefined ? {} : { refreshSkewMs: login.refreshSkewMs }),
  });
  return (transport) => withTokenAuth(transport, manager);
};

/**
 * OAuth2 client credentials as a scheme kind: `{ clientId, clientSecret }` or the shorthand options,
 * signed with the tokens they buy; or a ready access token (a string or a token function), placed
 * as a bearer token.
 */
export const oauth2Scheme: SigningSchemeKind = {
  check(vendor, scheme, label, value) {
    if (typeof value === 'string') return bearerScheme.check(vendor, scheme, label, value);
    if (typeof value === 'function') return new TokenSource(vendor, label, value as TokenFunction);
    const v = (value ?? {}) as Partial<ClientCredential>;
    return { clientId: checkText(vendor, `${label}.clientId`, v.clientId), clientSecret: checkText(vendor, `${label}.clientSecret`, v.clientSecret) };
  },
  shorthand: (options) =>
    options.clientId === undefined && options.clientSecret === undefined ? undefined : { clientId: options.clientId, clientSecret: options.clientSecret },
  shorthandLabel: 'the clientId/clientSecret options',
  secrets(value) {
    if (typeof value === 'string') return bearerScheme.secrets(value);
    // A function's tokens reach the redactor as it returns them (TokenSource.bind).
    return value instanceof TokenSource ? [] : [(value as ClientCredential).clientId, (value as ClientCredential).clientSecret];
  },
  place(scheme, value) {
    if (typeof value === 'string') return bearerScheme.place!(scheme, value);
    return value instanceof TokenSource ? value.placement : undefined;
  },
  // Its tokens come from a signer, a token function's from a rewrite.
  signing: requestSigning,
  signer(name, scheme, value, context) {
    if (typeof value === 'string') return undefined;
    if (value instanceof TokenSource) {
      value.bind(name, context.onToken);
      return undefined;
    }
    const { tokenUrl: relative, scopes } = scheme as Extract<SchemeProfile, { type: 'oauth2' }>;
    const tokenUrl = new URL(relative, context.baseUrl.replace(/\/?$/, '/')).href;
    const meta: OperationMeta = { id: `${name} token`, method: 'POST', path: tokenUrl, resilience: 'idempotent', idempotency: { kind: 'none' }, circuit: 'login' };
    const { clientId, clientSecret } = value as ClientCredential;
    return oauth2ClientCredentials({
      fetch: context.loginPipeline.fetchFor(meta, {}),
      tokenUrl,
      clientId,
      clientSecret,
      scopes,
      operationId: meta.id,
      onToken: context.onToken,
      ...(context.requestIdHeader ? { requestIdHeader: context.requestIdHeader } : {}),
      ...(context.secretShapes ? { secretShapes: context.secretShapes } : {}),
    });
  },
};
