// Credentials for the security schemes a spec declares (apiKey in a header, query parameter or
// cookie; HTTP bearer; HTTP basic; OAuth2 client credentials), keyed by the spec's scheme names.
// The client picks, per operation, the first accepted alternative whose credentials the caller
// supplied, and signs each attempt below the policy pipeline, so retries, cache keys, events and
// logs never see a credential. Error messages name schemes and options, never values.

import type { FetchLike } from '../contract.ts';
import { redactText } from '../redact.ts';

export type SchemeProfile =
  | { readonly type: 'apiKey'; readonly in: 'header' | 'query' | 'cookie'; readonly name: string }
  | { readonly type: 'bearer' }
  | { readonly type: 'basic' }
  | { readonly type: 'oauth2'; readonly tokenUrl: string; readonly scopes: readonly string[] };

/** Accepted alternatives (OR), each a set of scheme names sent together (AND); `[]`: no auth. */
export type SecurityRequirements = readonly (readonly string[])[];

export interface SchemesAuthProfile {
  readonly kind: 'schemes';
  readonly schemes: Readonly<Record<string, SchemeProfile>>;
  /** The requirement of operations not listed in `operations`. */
  readonly security: SecurityRequirements;
  /** Operation id → its own requirement. */
  readonly operations: Readonly<Record<string, SecurityRequirements>>;
  /** The scheme the shorthand options (`apiKey`, `username`/`password`, `clientId`/`clientSecret`) fill. */
  readonly shorthand?: string;
}

export interface BasicCredential {
  readonly username: string;
  readonly password: string;
}

export interface ClientCredential {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** A string for apiKey and bearer schemes, `{ username, password }` for basic, `{ clientId, clientSecret }` for oauth2. */
export type Credential = string | BasicCredential | ClientCredential;

/** Credentials the caller supplied, checked, by scheme name. */
export type SuppliedCredentials = ReadonlyMap<string, Credential>;

function fail(vendor: string, message: string): never {
  throw new TypeError(`${vendor}: ${message}`);
}

/** Checks one credential string without ever echoing it. */
function checkText(vendor: string, label: string, value: unknown, forbidden: RegExp = /[\r\n\0]/): string {
  if (typeof value !== 'string' || value === '') fail(vendor, `${label} is missing or empty`);
  if (forbidden.test(value)) fail(vendor, `${label} contains a character it cannot carry on the wire`);
  return value;
}

function checkCredential(vendor: string, scheme: SchemeProfile, label: string, value: unknown): Credential {
  if (scheme.type === 'basic') {
    const v = (value ?? {}) as Partial<BasicCredential>;
    // RFC 7617: the user-id cannot contain a colon; the password may be empty.
    const username = checkText(vendor, `${label}.username`, v.username, /[\r\n\0:]/);
    if (typeof v.password !== 'string' || /[\r\n\0]/.test(v.password)) fail(vendor, `${label}.password must be a string on one line`);
    return { username, password: v.password };
  }
  if (scheme.type === 'oauth2') {
    const v = (value ?? {}) as Partial<ClientCredential>;
    return { clientId: checkText(vendor, `${label}.clientId`, v.clientId), clientSecret: checkText(vendor, `${label}.clientSecret`, v.clientSecret) };
  }
  // A cookie value ends at `;` and may not hold spaces, quotes, commas or backslashes (RFC 6265).
  const forbidden = scheme.type === 'apiKey' && scheme.in === 'cookie' ? /[\r\n\0;,"\\\s]/ : /[\r\n\0]/;
  return checkText(vendor, label, value, forbidden);
}

/** The shorthand options' value for `scheme`, when the caller set any of them. */
function shorthandValue(scheme: SchemeProfile, options: Record<string, unknown>): unknown {
  if (scheme.type === 'basic') {
    return options.username === undefined && options.password === undefined ? undefined : { username: options.username, password: options.password ?? '' };
  }
  if (scheme.type === 'oauth2') {
    return options.clientId === undefined && options.clientSecret === undefined ? undefined : { clientId: options.clientId, clientSecret: options.clientSecret };
  }
  return options.apiKey;
}

function shorthandLabel(scheme: SchemeProfile): string {
  return scheme.type === 'basic' ? 'the username/password options' : scheme.type === 'oauth2' ? 'the clientId/clientSecret options' : 'the apiKey option';
}

/** Reads `auth: { <scheme>: credential }` and the shorthand options; an entry in `auth` wins. */
export function readCredentials(vendor: string, auth: SchemesAuthProfile, options: object): SuppliedCredentials {
  const opts = options as Record<string, unknown>;
  const given = (opts.auth ?? {}) as Record<string, unknown>;
  if (typeof given !== 'object' || given === null) fail(vendor, 'the auth option must be an object keyed by security scheme name');
  const out = new Map<string, Credential>();
  for (const [name, value] of Object.entries(given)) {
    const scheme = auth.schemes[name];
    if (!scheme) fail(vendor, `auth.${name} is not a security scheme of this API (one of: ${Object.keys(auth.schemes).join(', ') || 'none'})`);
    if (value === undefined) continue;
    out.set(name, checkCredential(vendor, scheme, `auth.${name}`, value));
  }
  const shorthand = auth.shorthand === undefined ? undefined : auth.schemes[auth.shorthand];
  if (shorthand && !out.has(auth.shorthand!)) {
    const value = shorthandValue(shorthand, opts);
    if (value !== undefined) out.set(auth.shorthand!, checkCredential(vendor, shorthand, shorthandLabel(shorthand), value));
  }
  return out;
}

/** True when every requirement of the API needs some credential. */
function alwaysNeedsCredentials(auth: SchemesAuthProfile): boolean {
  const needs = (r: SecurityRequirements) => r.length > 0 && r.every((alternative) => alternative.length > 0);
  return needs(auth.security) && Object.values(auth.operations).every(needs);
}

/** Fails when no credential was given although every operation of the API needs one. */
export function requireSomeCredentials(vendor: string, auth: SchemesAuthProfile, supplied: SuppliedCredentials): void {
  if (supplied.size > 0 || !alwaysNeedsCredentials(auth)) return;
  const shorthand = auth.shorthand === undefined ? undefined : auth.schemes[auth.shorthand];
  fail(vendor, `no credentials: pass auth: { ${describeRequirements(auth.security)} }${shorthand ? ` (or ${shorthandLabel(shorthand)})` : ''}`);
}

/** Describes what the API accepts, for an error: `basicAuth or bearerAuth`. */
export function describeRequirements(requirements: SecurityRequirements): string {
  return requirements.map((alternative) => alternative.join(' + ')).join(' or ');
}

/**
 * The schemes an operation is sent with: the first alternative whose credentials were all
 * supplied (an empty alternative means auth is optional). No requirement: none.
 */
export function selectSchemes(vendor: string, operationId: string, requirements: SecurityRequirements, supplied: SuppliedCredentials): readonly string[] {
  if (requirements.length === 0) return [];
  const hit = requirements.find((alternative) => alternative.every((name) => supplied.has(name)));
  if (hit) return hit;
  return fail(vendor, `${operationId} needs credentials for ${describeRequirements(requirements)}; pass them as auth: { <scheme>: … }`);
}

/** Base64 of the UTF-8 bytes of `text` (HTTP Basic credentials). */
export function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Every credential value (and the wire forms derived from them), for the redactor. */
export function credentialSecrets(supplied: SuppliedCredentials): string[] {
  const out: string[] = [];
  for (const value of supplied.values()) {
    if (typeof value === 'string') out.push(value);
    else if ('username' in value) out.push(value.username, value.password, base64(`${value.username}:${value.password}`));
    else out.push(value.clientId, value.clientSecret);
  }
  return out.filter((secret) => secret !== '');
}

interface Placement {
  headers: [string, string][];
  query: [string, string][];
  cookies: string[];
}

function placementOf(schemes: SchemesAuthProfile['schemes'], names: readonly string[], supplied: SuppliedCredentials): Placement {
  const placement: Placement = { headers: [], query: [], cookies: [] };
  for (const name of names) {
    const scheme = schemes[name]!;
    const value = supplied.get(name)!;
    if (scheme.type === 'bearer') placement.headers.push(['Authorization', `Bearer ${value as string}`]);
    else if (scheme.type === 'basic') {
      const { username, password } = value as BasicCredential;
      placement.headers.push(['Authorization', `Basic ${base64(`${username}:${password}`)}`]);
    } else if (scheme.type === 'apiKey') {
      if (scheme.in === 'header') placement.headers.push([scheme.name, value as string]);
      else if (scheme.in === 'query') placement.query.push([scheme.name, value as string]);
      else placement.cookies.push(`${scheme.name}=${value as string}`);
    }
  }
  return placement;
}

/** A copy of `request` at `url`, carrying the body from `init` (the pipeline's buffer) or its own. */
async function moved(request: Request, url: string, headers: Headers, init: { body?: ArrayBuffer } | undefined): Promise<Request> {
  const body = init?.body ?? (request.body === null ? undefined : await request.arrayBuffer());
  return new Request(url, { method: request.method, headers, body: body ?? null, signal: request.signal, redirect: request.redirect });
}

/**
 * Wraps a transport so every attempt carries the static credentials of `names` (apiKey, bearer,
 * basic; OAuth2 tokens come from runtime/auth/oauth2.ts) exactly where the schemes say.
 */
export function withSchemeCredentials(
  transport: FetchLike,
  schemes: SchemesAuthProfile['schemes'],
  names: readonly string[],
  supplied: SuppliedCredentials,
): FetchLike {
  const placement = placementOf(schemes, names, supplied);
  if (placement.headers.length === 0 && placement.query.length === 0 && placement.cookies.length === 0) return transport;
  const headersOnly = placement.query.length === 0 && placement.cookies.length === 0;
  return async (request, init) => {
    // Header-only placement sets the attempt's own Request in place: copying a Request re-streams
    // its body, the largest per-call cost in the bench's profile. Setting the same value again on a
    // retry is harmless; a Request whose headers are immutable falls back to the copy below.
    if (headersOnly && setInPlace(request.headers, placement.headers)) return transport(request, init);
    const headers = new Headers(request.headers);
    for (const [name, value] of placement.headers) headers.set(name, value);
    if (placement.cookies.length > 0) {
      const existing = headers.get('Cookie');
      headers.set('Cookie', [...(existing ? [existing] : []), ...placement.cookies].join('; '));
    }
    if (placement.query.length === 0) return transport(new Request(request, { headers }), init);
    const url = new URL(request.url);
    for (const [name, value] of placement.query) url.searchParams.set(name, value);
    return transport(await moved(request, url.href, headers, init), init);
  };
}

function setInPlace(headers: Headers, values: readonly (readonly [string, string])[]): boolean {
  try {
    for (const [name, value] of values) headers.set(name, value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Wraps a transport so an error it throws (a network failure quoting the URL, say) carries no
 * credential in its message before the pipeline reports or rethrows it.
 */
export function withScrubbedErrors(transport: FetchLike, secrets: () => readonly string[]): FetchLike {
  return async (request, init) => {
    try {
      return await transport(request, init);
    } catch (error) {
      if (error instanceof Error) {
        const clean = redactText(error.message, secrets());
        if (clean !== error.message) {
          try {
            error.message = clean;
          } catch {
            throw new Error(clean);
          }
        }
      }
      throw error;
    }
  };
}
