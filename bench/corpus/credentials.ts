// Credentials for the Prism stage: one stand-in per security scheme the spec declares, keyed by
// the spec's scheme name as the generated client's `auth` option takes them, so an operation that
// needs several schemes at once (AND) or accepts only a non-shorthand one can be sent. OAuth2
// client-credentials token requests are answered in-process (nothing leaves the machine); OAuth2
// schemes without that flow and OpenID Connect take a stand-in access token. An operation whose
// every accepted alternative uses a scheme the client cannot send (mutual TLS, http digest …, or
// two Authorization-header schemes at once) is reported with that reason, not as Prism's
// UNAUTHORIZED.
import type { AuthModel, OperationModel } from '../../generator/model/types.ts';

export const STAND_IN = {
  apiKey: 'corpus-api-key',
  bearer: 'corpus-bearer-token',
  basic: { username: 'corpus-user', password: 'corpus-password' },
  oauth2: { clientId: 'corpus-client-id', clientSecret: 'corpus-client-secret' },
  accessToken: 'corpus-access-token',
} as const;

/** `auth: { <scheme>: credential }` for every scheme the client can send. */
export function standInCredentials(auth: AuthModel): Record<string, unknown> {
  if (auth.kind !== 'schemes') return {};
  const out: Record<string, unknown> = {};
  for (const [name, scheme] of Object.entries(auth.schemes)) out[name] = STAND_IN[scheme.type];
  return out;
}

/** The OAuth2 client-credentials token endpoints of the schemes. */
export function tokenUrls(auth: AuthModel): string[] {
  if (auth.kind !== 'schemes') return [];
  return [...new Set(Object.values(auth.schemes).flatMap((s) => (s.type === 'oauth2' ? [s.tokenUrl] : [])))];
}

const ANY_ORIGIN = 'http://any-origin.invalid/';

/**
 * Answers POSTs to `urls` with a token (RFC 6749 §5.1) instead of the network, until the returned
 * function restores the global fetch. Every other request goes through unchanged.
 */
export function stubTokenEndpoints(urls: string[]): () => void {
  if (urls.length === 0) return () => {};
  const original = globalThis.fetch;
  // A relative tokenUrl (`/token`) is resolved by the client against its base URL, Prism's here,
  // which is not known yet: it matches that path on any origin.
  const wanted = new Set(urls.map((u) => (URL.canParse(u) ? new URL(u).href : new URL(u, ANY_ORIGIN).pathname)));
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (request.method === 'POST' && (wanted.has(url.href) || wanted.has(url.pathname))) {
      return new Response(JSON.stringify({ access_token: STAND_IN.accessToken, token_type: 'Bearer', expires_in: 3600 }), { status: 200, headers: { 'content-type': 'application/json' } });
    }
    return original(request);
  }) as typeof fetch;
  return () => {
    globalThis.fetch = original;
  };
}

/**
 * Why the client cannot authenticate `operation`, when the spec requires some credential for it
 * but none of its accepted alternatives is one the client can send; undefined otherwise.
 */
export function unsendableAuth(operation: OperationModel, auth: AuthModel, document: Record<string, any>): string | undefined {
  if (auth.kind !== 'schemes') return undefined;
  const sendable = auth.operations[operation.id] ?? auth.security;
  if (sendable.length > 0) return undefined;
  const raw = document.paths?.[operation.path]?.[operation.method]?.security ?? document.security;
  if (!Array.isArray(raw) || raw.length === 0 || raw.some((alt) => alt && Object.keys(alt).length === 0)) return undefined;
  const names = [...new Set(raw.flatMap((alt: object) => Object.keys(alt ?? {})))].sort();
  const reasons = names.filter((n) => !(n in auth.schemes)).map((n) => auth.unsupported[n] ?? 'a scheme the spec does not declare');
  return `the client cannot send the scheme this operation requires (${reasons.length ? [...new Set(reasons)].join('; ') : 'two schemes in the Authorization header at once'})`;
}
