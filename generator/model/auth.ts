// Auth from the spec: `components.securitySchemes` and the root/operation `security`
// requirements, completed by the vendor profile's `auth` (a scheme the spec lacks, the scheme the
// shorthand options fill, or a token-exchange login the spec models as header parameters).
import { SvcgenInputError } from '../load/errors.ts';
import { deref } from '../json-pointer.ts';
import type { VendorProfile } from './profile.ts';
import type { AuthModel, HttpMethod, OperationModel, SecurityRequirementsModel, SecuritySchemeModel } from './types.ts';

type Doc = Record<string, any>;
type SchemesAuth = Extract<AuthModel, { kind: 'schemes' }>;

/** Where profile errors point: the vendor's overlay folder, as readProfile reports. */
function profileError(vendor: string, pointer: string, message: string): SvcgenInputError {
  return new SvcgenInputError({ file: `specs/overlays/${vendor}/`, pointer }, message);
}

/** One declared scheme → what the client can send, or why it cannot. */
export function schemeFromSpec(raw: Doc | undefined): SecuritySchemeModel | { unsupported: string } {
  if (!raw || typeof raw !== 'object') return { unsupported: 'not a security scheme object' };
  if (raw.type === 'apiKey') {
    if (!['header', 'query', 'cookie'].includes(raw.in) || typeof raw.name !== 'string' || raw.name === '') {
      return { unsupported: 'apiKey scheme without a usable `in` and `name`' };
    }
    return { type: 'apiKey', in: raw.in, name: raw.name };
  }
  if (raw.type === 'http') {
    const scheme = String(raw.scheme ?? '').toLowerCase();
    if (scheme === 'bearer') return { type: 'bearer' };
    if (scheme === 'basic') return { type: 'basic' };
    return { unsupported: `http scheme '${String(raw.scheme)}'` };
  }
  if (raw.type === 'oauth2') {
    const flow = raw.flows?.clientCredentials;
    if (typeof flow?.tokenUrl === 'string' && flow.tokenUrl !== '') {
      return { type: 'oauth2', tokenUrl: flow.tokenUrl, scopes: Object.keys(flow.scopes ?? {}).sort() };
    }
    // Every OAuth2 flow ends in an access token sent as Bearer (RFC 6750); the flows the client
    // cannot run itself (a browser redirect, a user's password) are the caller's to run.
    const flows = raw.flows && typeof raw.flows === 'object' ? Object.keys(raw.flows).filter((f) => OAUTH2_FLOWS.includes(f)).sort() : [];
    return { type: 'accessToken', source: 'oauth2', flows };
  }
  // OpenID Connect access tokens are OAuth2 access tokens (OpenID Connect Core 1.0 §3.1.3.3).
  if (raw.type === 'openIdConnect') return { type: 'accessToken', source: 'openIdConnect', flows: [] };
  return { unsupported: `${String(raw.type)} scheme` };
}

const OAUTH2_FLOWS = ['authorizationCode', 'clientCredentials', 'implicit', 'password'];

/** The scheme a bearer/basic/apiKey/oauth2 profile adds when the spec does not declare it. */
function schemeFromProfile(auth: VendorProfile['auth'], vendor: string): SecuritySchemeModel {
  switch (auth.kind) {
    case 'bearer':
      return { type: 'bearer' };
    case 'basic':
      return { type: 'basic' };
    case 'apiKey':
      if (!auth.in || !auth.name) throw profileError(vendor, '/x-svcgen/auth', 'an apiKey scheme the spec does not declare needs `in` and `name`');
      return { type: 'apiKey', in: auth.in, name: auth.name };
    case 'oauth2':
      if (!auth.tokenUrl) throw profileError(vendor, '/x-svcgen/auth/tokenUrl', 'an oauth2 scheme the spec does not declare needs `tokenUrl`');
      return { type: 'oauth2', tokenUrl: auth.tokenUrl, scopes: [...(auth.scopes ?? [])].sort() };
    default:
      throw new Error(`no scheme for profile auth kind ${auth.kind}`);
  }
}

/** True when the scheme travels in the Authorization header. */
function usesAuthorization(scheme: SecuritySchemeModel): boolean {
  return scheme.type !== 'apiKey' || (scheme.in === 'header' && scheme.name.toLowerCase() === 'authorization');
}

/**
 * How many Authorization headers a set of schemes sent together needs; more than one cannot be
 * sent. Access-token schemes share one: a single bearer token can satisfy several of them (two
 * OAuth2 flows of one provider, as Google's specs AND them), and the client sends them only when
 * the caller gave each the same token (runtime/auth/scheme-auth.ts).
 */
function authorizationHeaders(names: string[], schemes: Record<string, SecuritySchemeModel>): number {
  const users = names.map((name) => schemes[name]!).filter(usesAuthorization);
  const tokens = users.filter((scheme) => scheme.type === 'accessToken').length;
  return users.length - tokens + Math.min(tokens, 1);
}

/** The alternatives of a `security` array as sorted scheme-name sets. */
function alternativesOf(raw: unknown): string[][] {
  if (!Array.isArray(raw)) return [];
  return raw.filter((requirement) => requirement && typeof requirement === 'object').map((requirement) => Object.keys(requirement).sort());
}

/**
 * A `security` array as alternatives of sorted scheme-name sets, keeping only those the client
 * can send: every scheme supported, at most one Authorization header among them.
 */
function requirements(raw: unknown, schemes: Record<string, SecuritySchemeModel>): SecurityRequirementsModel {
  const out: SecurityRequirementsModel = [];
  const seen = new Set<string>();
  for (const names of alternativesOf(raw)) {
    if (!names.every((name) => schemes[name])) continue;
    if (authorizationHeaders(names, schemes) > 1) continue;
    const key = names.join('\n');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(names);
  }
  return out;
}

/**
 * The requirement of a `security` array no request can meet, described (`a + b or c + d`): every
 * alternative is one of supported schemes that needs more than one Authorization header (basic
 * beside an OAuth2 token, say). Dropping them all would leave no requirement, and the client
 * would send such an operation without credentials as if it needed none; the runtime refuses it
 * instead (runtime/auth/scheme-auth.ts). Alternatives with a scheme the client does not support
 * are not counted: the caller can still send those through `headers`.
 */
function unmetRequirement(raw: unknown, schemes: Record<string, SecuritySchemeModel>): string | undefined {
  const alternatives = alternativesOf(raw);
  if (alternatives.length === 0) return undefined;
  const unmet = alternatives.every((names) => names.length > 0 && names.every((name) => schemes[name]) && authorizationHeaders(names, schemes) > 1);
  return unmet ? alternatives.map((names) => names.join(' + ')).join(' or ') : undefined;
}

/**
 * The scheme the shorthand options fill when the profile names none: the spec's only scheme, or
 * its only one besides access-token schemes, so a spec that declares a user-login flow (OAuth2
 * implicit, OpenID Connect) beside its API key keeps the `apiKey` shorthand.
 */
function soleScheme(schemes: Record<string, SecuritySchemeModel>): string | undefined {
  const names = Object.keys(schemes);
  if (names.length === 1) return names[0];
  const others = names.filter((name) => schemes[name]!.type !== 'accessToken');
  return others.length === 1 ? others[0] : undefined;
}

const sameRequirements = (a: SecurityRequirementsModel, b: SecurityRequirementsModel) => JSON.stringify(a) === JSON.stringify(b);

function tokenExchangeModel(profile: VendorProfile, ops: OperationModel[], vendor: string): AuthModel {
  const auth = profile.auth;
  if (auth.kind !== 'token-exchange') throw new Error('not a token-exchange profile');
  const login = ops.find((o) => o.method === 'post' && o.path === auth.loginPath);
  if (!login) throw profileError(vendor, '/x-svcgen/auth/loginPath', `login path '${auth.loginPath}' is not a POST operation of the document`);
  return {
    kind: 'token-exchange',
    loginOperation: login.id,
    loginPath: auth.loginPath,
    credentialHeaders: { ...auth.credentialHeaders, ...auth.optionalHeaders },
    tokenField: auth.tokenField,
    expiresAtField: auth.expiresAtField,
    refreshSkewSeconds: auth.refreshSkewSeconds,
  };
}

export function buildAuthModel(doc: Doc, profile: VendorProfile, ops: OperationModel[], vendor: string): AuthModel {
  const auth = profile.auth;
  if (auth.kind === 'token-exchange') return tokenExchangeModel(profile, ops, vendor);

  // Keyed by spec names: without a prototype, `__proto__` is stored as a key and `constructor`
  // or `toString` is not found unless the spec declares it.
  const schemes: Record<string, SecuritySchemeModel> = Object.create(null);
  const unsupported: Record<string, string> = Object.create(null);
  const declared = (doc.components?.securitySchemes ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(declared).sort()) {
    const scheme = schemeFromSpec(deref<Doc>(doc, declared[name]));
    if ('unsupported' in scheme) unsupported[name] = scheme.unsupported;
    else schemes[name] = scheme;
  }

  let added: string | undefined;
  let shorthand = auth.scheme;
  if (auth.kind !== 'spec') {
    const name = auth.scheme ?? auth.kind;
    shorthand = name;
    const wanted = schemeFromProfile(auth, vendor);
    const have = schemes[name];
    if (name in unsupported) {
      throw profileError(vendor, '/x-svcgen/auth/scheme', `the spec's scheme '${name}' is an ${unsupported[name]}, which the client cannot send as ${auth.kind}`);
    }
    if (have && have.type !== wanted.type) {
      throw profileError(vendor, '/x-svcgen/auth/kind', `the spec declares '${name}' as ${have.type}, not ${auth.kind}`);
    }
    if (!have) {
      schemes[name] = wanted;
      added = name;
    }
  } else if (shorthand !== undefined && !schemes[shorthand]) {
    throw profileError(vendor, '/x-svcgen/auth/scheme', `the spec declares no usable security scheme '${shorthand}' (usable: ${Object.keys(schemes).join(', ') || 'none'})`);
  }
  shorthand ??= soleScheme(schemes);

  // A scheme the profile adds applies wherever the spec requires nothing at all (no `security`).
  const orAdded = (raw: unknown): unknown => (raw === undefined && added ? [{ [added]: [] }] : raw);
  const security = requirements(orAdded(doc.security), schemes);
  const operations: Record<string, SecurityRequirementsModel> = Object.create(null);
  const unmet: Record<string, string> = Object.create(null);
  for (const op of ops) {
    const raw = (doc.paths?.[op.path]?.[op.method as HttpMethod] as Doc | undefined)?.security;
    const never = unmetRequirement(orAdded(raw ?? doc.security), schemes);
    if (never !== undefined) unmet[op.id] = never;
    if (raw === undefined) continue;
    const own = requirements(orAdded(raw), schemes);
    if (!sameRequirements(own, security)) operations[op.id] = own;
  }

  const model: SchemesAuth = { kind: 'schemes', schemes, security, operations, unsupported };
  if (Object.keys(unmet).length > 0) model.unmet = unmet;
  if (shorthand !== undefined) model.shorthand = shorthand;
  return model;
}

/**
 * The parameters every alternative of `requirements` writes, as `in:name`: the API key's header
 * (lower case: header names are case-insensitive), query parameter or cookie, and
 * `header:authorization` for every other scheme type. The client signs with one alternative, the
 * first it was given credentials for: with a key or a token as alternatives (either one signs), it
 * writes only the one it has, so the caller still passes what the operation declares beside it.
 */
function authParameters(auth: SchemesAuth, requirements: SecurityRequirementsModel): Set<string> {
  const placed = (name: string) => {
    const scheme = auth.schemes[name]!;
    return scheme.type !== 'apiKey' ? 'header:authorization' : scheme.in === 'header' ? `header:${scheme.name.toLowerCase()}` : `${scheme.in}:${scheme.name}`;
  };
  const everywhere = requirements.map((alternative) => new Set(alternative.map(placed)));
  return new Set([...(everywhere[0] ?? [])].filter((where) => everywhere.every((alternative) => alternative.has(where))));
}

/**
 * A header, query or cookie parameter that restates what every security alternative of an
 * operation sends (the API key, `Authorization`) is the client's auth, not a per-call input: role
 * `auth` keeps it out of the request types and makes it optional in the validators, as a
 * profile's parameterRoles would. The client's scheme writes it on every attempt (a query key replaces the caller's value, a
 * header key too), so asking the caller for it would demand a value that never reaches the API.
 */
export function markAuthParameters(ops: OperationModel[], auth: AuthModel): void {
  if (auth.kind !== 'schemes') return;
  for (const op of ops) {
    const written = authParameters(auth, auth.operations[op.id] ?? auth.security);
    if (written.size === 0) continue;
    for (const p of op.parameters) {
      if (p.role !== 'param') continue;
      if (written.has(p.in === 'header' ? `header:${p.name.toLowerCase()}` : `${p.in}:${p.name}`)) p.role = 'auth';
    }
  }
}

/** The shorthand client options a scheme type fills. */
export function shorthandOptions(scheme: SecuritySchemeModel): string[] {
  if (scheme.type === 'basic') return ['username', 'password'];
  if (scheme.type === 'oauth2') return ['clientId', 'clientSecret'];
  if (scheme.type === 'accessToken') return ['accessToken'];
  return ['apiKey'];
}

/** Client option names that carry credentials, for a generated client and its scaffolds. */
export function credentialOptionNames(auth: AuthModel): string[] {
  if (auth.kind === 'token-exchange') return Object.values(auth.credentialHeaders);
  const shorthand = auth.shorthand ? auth.schemes[auth.shorthand] : undefined;
  return ['auth', ...(shorthand ? shorthandOptions(shorthand) : [])];
}

/** Client options every generated client has (runtime BaseClientOptions). */
const BASE_OPTIONS = [
  'server', 'baseUrl', 'fetch', 'headers', 'retry', 'rateLimit', 'breaker', 'timeoutMs', 'totalTimeoutMs',
  'onEvent', 'logger', 'cache', 'limiter', 'breakerStore', 'validate',
];

/**
 * Fails when a profile-named client option (API version, client-wide header) takes a name the
 * client already uses for credentials or its base options: the emitted options type would
 * declare it twice (TS2300) and one value would silently win on the wire.
 */
export function checkOptionNames(profile: VendorProfile, auth: AuthModel, vendor: string): void {
  const taken = new Map<string, string>();
  for (const name of BASE_OPTIONS) taken.set(name, 'a base client option');
  for (const name of credentialOptionNames(auth)) taken.set(name, 'a credential option');
  const claim = (name: string, pointer: string) => {
    const owner = taken.get(name);
    if (owner) throw profileError(vendor, pointer, `option name '${name}' is already ${owner} of this client; choose another optionName`);
    taken.set(name, 'a profile option');
  };
  if (profile.apiVersion) claim(profile.apiVersion.optionName, '/x-svcgen/apiVersion/optionName');
  for (const [header, role] of Object.entries(profile.parameterRoles)) {
    if (role.optionName && role.role !== 'call-option' && !(profile.apiVersion && role.optionName === profile.apiVersion.optionName)) {
      claim(role.optionName, `/x-svcgen/parameterRoles/${header.replace(/~/g, '~0').replace(/\//g, '~1')}/optionName`);
    }
  }
}
