// Credentials for the security schemes a spec declares, keyed by the spec's scheme names. The
// client picks, per operation, the first accepted alternative whose credentials the caller
// supplied, and signs each attempt below the policy pipeline, so retries, cache keys, events and
// logs never see a credential. Error messages name schemes and options, never values.
// What each scheme type does (check a credential, where it goes) is a SchemeKind in its own module
// (basic.ts, bearer-scheme.ts, api-key.ts, api-key-header.ts, oauth2.ts, access-token.ts): a generated client passes
// the kinds its spec declares, so a Worker bundles no other. A kind that rewrites requests or
// obtains tokens brings the signing that does so (request-signing.ts); static header kinds need
// none of it.

import type { FetchLike } from '../contract.ts';
import type { Pipeline } from '../pipeline.ts';
import { redactText } from '../redact.ts';
import { utf8 } from '../utf8.ts';
import type { TokenSource } from './token-source.ts';

export type SchemeProfile =
  | { readonly type: 'apiKey'; readonly in: 'header' | 'query' | 'cookie'; readonly name: string }
  | { readonly type: 'bearer' }
  | { readonly type: 'basic' }
  | { readonly type: 'oauth2'; readonly tokenUrl: string; readonly scopes: readonly string[] }
  /** OAuth2 without client credentials, or OpenID Connect: the caller's own access token. */
  | { readonly type: 'accessToken'; readonly source: 'oauth2' | 'openIdConnect'; readonly flows: readonly string[] };

/** Accepted alternatives (OR), each a set of scheme names sent together (AND); `[]`: no auth. */
export type SecurityRequirements = readonly (readonly string[])[];

export interface SchemesAuthProfile {
  readonly kind: 'schemes';
  readonly schemes: Readonly<Record<string, SchemeProfile>>;
  /** The requirement of operations not listed in `operations`. */
  readonly security: SecurityRequirements;
  /** Operation id → its own requirement. */
  readonly operations: Readonly<Record<string, SecurityRequirements>>;
  /** Operation id → the requirement, described, that no request can meet (every alternative needs two Authorization headers): the call is refused. */
  readonly unmet?: Readonly<Record<string, string>>;
  /** The scheme the shorthand options (`apiKey`, `username`/`password`, `clientId`/`clientSecret`, `accessToken`) fill. */
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

/**
 * A string for apiKey, bearer and access-token schemes, `{ username, password }` for basic,
 * `{ clientId, clientSecret }` or an access token string for oauth2; the token function an
 * access-token or oauth2 scheme was given, as its kind keeps it (token-source.ts).
 */
export type Credential = string | BasicCredential | ClientCredential | TokenSource;

/** Credentials the caller supplied, checked, by scheme name. */
export type SuppliedCredentials = ReadonlyMap<string, Credential>;

/** A credential in a header of every attempt. */
export interface HeaderPlacement {
  readonly header: readonly [name: string, value: string];
}

/** Where a credential goes on each attempt: a header, or a rewrite of the attempt's Request. */
export type Placement =
  | HeaderPlacement
  | { readonly rewrite: (request: Request, init: { body?: ArrayBuffer } | undefined) => Request | Promise<Request> };

/** What a scheme that obtains tokens (OAuth2) is given to fetch them. */
export interface SignerContext {
  readonly vendor: string;
  readonly baseUrl: string;
  /** The unsigned pipeline: token requests share the vendor's limiter and breaker. */
  readonly loginPipeline: Pipeline;
  readonly requestIdHeader?: string;
  /** The vendor's key formats (its profile's `secretShapes`), scrubbed from a refused token request's error. */
  readonly secretShapes?: readonly RegExp[];
  /** Told each token issued, so errors can be scrubbed of it. */
  readonly onToken: (token: string) => void;
}

/** What every scheme type does. */
interface SchemeKindBase {
  /** The credential given for a scheme of this type, checked; errors name `label`, never the value. */
  check(vendor: string, scheme: SchemeProfile, label: string, value: unknown): Credential;
  /**
   * The shorthand options' value for this type, when the caller set any of them. A client whose
   * shorthand fills a scheme of another type (or none) is given a kind without it (basic.ts).
   */
  shorthand?(options: Record<string, unknown>): unknown;
  /** How an error names those options. */
  readonly shorthandLabel?: string;
  /** The credential and the wire forms derived from it, for the redactor. */
  secrets(value: Credential): string[];
}

/** A type whose credential is a header of every attempt (bearer, basic, api-key-header.ts): the client sets it. */
export interface HeaderSchemeKind extends SchemeKindBase {
  place(scheme: SchemeProfile, value: Credential): HeaderPlacement;
  readonly signing?: undefined;
  readonly signer?: undefined;
}

/** A type that may rewrite the attempt's Request or obtain tokens: it brings the signing that does so. */
export interface SigningSchemeKind extends SchemeKindBase {
  /** Where a static credential goes (apiKey, a given access token); none for one that obtains tokens. */
  place?(scheme: SchemeProfile, value: Credential): Placement | undefined;
  /** A transport wrapper that adds the tokens this credential obtains (OAuth2 client credentials); none for a static one. */
  signer?(name: string, scheme: SchemeProfile, value: Credential, context: SignerContext): ((transport: FetchLike) => FetchLike) | undefined;
  /** Applies rewrites and runs signers (request-signing.ts); header kinds need none of it. */
  readonly signing: Signing;
}

/** One scheme type's behaviour. */
export type SchemeKind = HeaderSchemeKind | SigningSchemeKind;

/** What a signing is given of the client it signs for. */
export interface SigningClient {
  readonly vendor: string;
  readonly auth: SchemesAuthProfile;
  readonly kinds: SchemeKinds;
  readonly supplied: SuppliedCredentials;
  readonly baseUrl: string;
  readonly loginPipeline: Pipeline;
  readonly requestIdHeader: string | undefined;
  readonly secretShapes: readonly RegExp[] | undefined;
}

/** How the selected schemes of one client sign each attempt, beyond the scrubbing of errors. */
export interface ClientSigning {
  /** The wrapper of the transport for one selected requirement: its scheme `names` and their `placements`. */
  sign(names: readonly string[], placements: readonly Placement[]): (transport: FetchLike) => FetchLike;
  /** Tokens obtained so far (kept short), for scrubbing; none for static credentials. */
  readonly tokens?: readonly string[];
}

export type Signing = (client: SigningClient) => ClientSigning;

/** The kinds a client handles, by scheme type. */
export type SchemeKinds = Readonly<Partial<Record<SchemeProfile['type'], SchemeKind>>>;

export function fail(vendor: string, message: string): never {
  throw new TypeError(`${vendor}: ${message}`);
}

/** Checks one credential string without ever echoing it. */
export function checkText(vendor: string, label: string, value: unknown, forbidden: RegExp = /[\r\n\0]/): string {
  if (typeof value !== 'string' || value === '') fail(vendor, `${label} is missing or empty`);
  if (forbidden.test(value)) fail(vendor, `${label} contains a character it cannot carry on the wire`);
  return value;
}

/** The kind of `scheme`; a client generated for the spec always has it. */
export function kindOf(vendor: string, kinds: SchemeKinds, scheme: SchemeProfile): SchemeKind {
  return kinds[scheme.type] ?? fail(vendor, `this client cannot send ${scheme.type} credentials (not among the scheme kinds it was created with)`);
}

/** How readCredentials finds the kind of a scheme: kindOf, or givenKind. */
export type KindLookup = (vendor: string, kinds: SchemeKinds, scheme: SchemeProfile) => SchemeKind;

/** The kind of `scheme` unchecked: for a generated client, given a kind for every type its spec declares. */
export const givenKind: KindLookup = (_vendor, kinds, scheme) => kinds[scheme.type]!;

/** Reads `auth: { <scheme>: credential }` and the shorthand options; an entry in `auth` wins. */
export function readCredentials(vendor: string, auth: SchemesAuthProfile, options: object, kinds: SchemeKinds): SuppliedCredentials {
  return readCredentialsWith(vendor, auth, options, kinds, kindOf);
}

/** readCredentials with the kind lookup chosen: givenKind bundles no refusal of a missing kind. */
export function readCredentialsWith(vendor: string, auth: SchemesAuthProfile, options: object, kinds: SchemeKinds, kindOf: KindLookup): SuppliedCredentials {
  const opts = options as Record<string, unknown>;
  const given = (opts.auth ?? {}) as Record<string, unknown>;
  if (typeof given !== 'object' || given === null) fail(vendor, 'the auth option must be an object keyed by security scheme name');
  const out = new Map<string, Credential>();
  for (const [name, value] of Object.entries(given)) {
    // By own key: `auth: { toString }` names no scheme, whatever the table inherits.
    const scheme = Object.hasOwn(auth.schemes, name) && auth.schemes[name];
    if (!scheme) fail(vendor, `auth.${name} is not a security scheme of this API (one of: ${Object.keys(auth.schemes).join(', ') || 'none'})`);
    if (value === undefined) continue;
    out.set(name, kindOf(vendor, kinds, scheme).check(vendor, scheme, `auth.${name}`, value));
  }
  const shorthand = auth.shorthand === undefined ? undefined : auth.schemes[auth.shorthand];
  if (shorthand && !out.has(auth.shorthand!)) {
    const kind = kindOf(vendor, kinds, shorthand);
    const value = kind.shorthand?.(opts);
    if (value !== undefined) out.set(auth.shorthand!, kind.check(vendor, shorthand, kind.shorthandLabel!, value));
  }
  return out;
}

/** True when every requirement of the API needs some credential. */
function alwaysNeedsCredentials(auth: SchemesAuthProfile): boolean {
  const needs = (r: SecurityRequirements) => r.length > 0 && r.every((alternative) => alternative.length > 0);
  return needs(auth.security) && Object.values(auth.operations).every(needs);
}

/** Fails when no credential was given although every operation of the API needs one. */
export function requireSomeCredentials(vendor: string, auth: SchemesAuthProfile, supplied: SuppliedCredentials, kinds: SchemeKinds): void {
  if (supplied.size === 0 && alwaysNeedsCredentials(auth)) noCredentials(vendor, auth, kinds);
}

/** The error of a client given no credential for an API whose every operation needs one. */
export function noCredentials(vendor: string, auth: SchemesAuthProfile, kinds: SchemeKinds): never {
  const shorthand = auth.shorthand === undefined ? undefined : auth.schemes[auth.shorthand];
  const label = shorthand && kinds[shorthand.type]?.shorthandLabel;
  fail(vendor, `no credentials: pass auth: { ${describeRequirements(auth.security)} }${label ? ` (or ${label})` : ''}`);
}

/** The supplied credentials and their wire forms, for scrubbing errors and logs. */
export function staticSecrets(vendor: string, auth: SchemesAuthProfile, supplied: SuppliedCredentials, kinds: SchemeKinds): string[] {
  const secrets: string[] = [];
  for (const [name, value] of supplied) secrets.push(...kindOf(vendor, kinds, auth.schemes[name]!).secrets(value).filter((s) => s !== ''));
  return secrets;
}

/** Describes what the API accepts, for an error: `basicAuth or bearerAuth`. */
export function describeRequirements(requirements: SecurityRequirements): string {
  return requirements.map((alternative) => alternative.join(' + ')).join(' or ');
}

/** The first alternative whose credentials were all supplied. */
export function firstSupplied(requirements: SecurityRequirements, supplied: SuppliedCredentials): readonly string[] | undefined {
  return requirements.find((alternative) => alternative.every((name) => supplied.has(name)));
}

/**
 * The schemes an operation is sent with: the first alternative whose credentials were all
 * supplied (an empty alternative means auth is optional). No requirement: none.
 */
export function selectSchemes(vendor: string, operationId: string, requirements: SecurityRequirements, supplied: SuppliedCredentials): readonly string[] {
  if (requirements.length === 0) return [];
  return firstSupplied(requirements, supplied) ?? fail(vendor, `${operationId} needs credentials for ${describeRequirements(requirements)}; pass them as auth: { <scheme>: … }`);
}

/** Base64 of the UTF-8 bytes of `text` (HTTP Basic credentials). */
export function base64(text: string): string {
  let binary = '';
  for (const byte of utf8.encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Wraps a transport so every attempt carries `headers`. They are set on the attempt's own Request:
 * copying a Request re-streams its body, the largest per-call cost in the bench's profile.
 * Setting the same value again on a retry is harmless; a Request whose headers are immutable
 * falls back to a copy.
 */
export function withHeaders(transport: FetchLike, headers: readonly (readonly [string, string])[]): FetchLike {
  if (headers.length === 0) return transport;
  const copied = async (request: Request, init: Parameters<FetchLike>[1]) => {
    const copy = new Headers(request.headers);
    for (const [name, value] of headers) copy.set(name, value);
    return transport(new Request(request, { headers: copy }), init);
  };
  return (request, init) => (setInPlace(request.headers, headers) ? transport(request, init) : copied(request, init));
}

/**
 * Wraps a transport so every attempt carries the static credentials of `names` exactly where
 * their schemes say (token-obtaining schemes sign through their own `signer`).
 */
export function withSchemeCredentials(transport: FetchLike, placements: readonly Placement[]): FetchLike {
  const headers: (readonly [string, string])[] = [];
  const rewrites: Extract<Placement, { rewrite: unknown }>['rewrite'][] = [];
  for (const placement of placements) {
    if ('header' in placement) headers.push(placement.header);
    else rewrites.push(placement.rewrite);
  }
  if (headers.length === 0 && rewrites.length === 0) return transport;
  const copied = async (request: Request, init: Parameters<FetchLike>[1]) => {
    let signed = request;
    if (headers.length > 0) {
      const copy = new Headers(request.headers);
      for (const [name, value] of headers) copy.set(name, value);
      signed = new Request(request, { headers: copy });
    }
    for (const rewrite of rewrites) signed = await rewrite(signed, init);
    return transport(signed, init);
  };
  // Header-only placement sets the attempt's own Request in place: copying a Request re-streams
  // its body, the largest per-call cost in the bench's profile. Setting the same value again on a
  // retry is harmless; a Request whose headers are immutable falls back to the copy.
  return (request, init) => (rewrites.length === 0 && setInPlace(request.headers, headers) ? transport(request, init) : copied(request, init));
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
  const scrub = (error: unknown): never => {
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
  };
  // No async wrapper: on the success path the transport's own promise goes through with one
  // reaction, not a second promise and an await.
  return (request, init) => {
    let pending: Promise<Response>;
    try {
      pending = Promise.resolve(transport(request, init));
    } catch (error) {
      pending = Promise.reject(error);
    }
    return pending.catch(scrub);
  };
}
