// The client value every generated operation takes: base URL, auth, API version and vendor headers
// over one openapi-fetch client, with each call's fetch built by the policy pipeline from the
// operation's metadata. Vendors differ only in the profile constant their client.ts passes in.
import createClient, { type Client } from 'openapi-fetch';
import type { CallRequest, FetchLike, OperationMeta } from './contract.ts';
import { createPipeline, type CallOptions as PipelineCallOptions, type Pipeline, type PipelineOptions } from './pipeline.ts';
import type { PolicyDefaults, PolicyOverrides } from './policy/config.ts';
import { ApiError } from './errors.ts';
import {
  credentialSecrets,
  readCredentials,
  requireSomeCredentials,
  selectSchemes,
  withSchemeCredentials,
  withScrubbedErrors,
  type ClientCredential,
  type SchemesAuthProfile,
  type SecurityRequirements,
} from './auth/schemes.ts';
import type { OAuth2Auth } from './auth/oauth2.ts';

export type AuthProfile =
  | SchemesAuthProfile
  | {
      readonly kind: 'token-exchange';
      readonly loginOperation: string;
      readonly loginPath: string;
      /** credential header → client option name */
      readonly credentialHeaders: Readonly<Record<string, string>>;
      readonly tokenField: string;
      readonly expiresAtField: string;
      readonly refreshSkewSeconds: number;
    };

/** What generated client.ts files declare about their vendor. */
export interface VendorProfile {
  readonly vendor: string;
  readonly servers: Readonly<Record<string, string>>;
  readonly auth: AuthProfile;
  readonly apiVersion?: { readonly header: string; readonly optionName: string; readonly value?: string };
  /** client option name → header, sent on every call */
  readonly clientHeaders: Readonly<Record<string, string>>;
  /** call option name → header, sent on calls that set the option */
  readonly callHeaders: Readonly<Record<string, string>>;
  readonly policy: PolicyDefaults & { readonly requestIdHeader?: string };
}

export interface BaseClientOptions<Server extends string = string> {
  /** One of the vendor's servers (the first by default). */
  server?: Server;
  /** Overrides `server`, e.g. a local mock. */
  baseUrl?: string;
  /** The transport (default `globalThis.fetch`). */
  fetch?: FetchLike;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Policy tuning; `false` turns a policy off for every call of this client. */
  retry?: PolicyOverrides['retry'];
  rateLimit?: PolicyOverrides['rateLimit'];
  breaker?: PolicyOverrides['breaker'];
  timeoutMs?: number;
  totalTimeoutMs?: number;
  /** Observability, caching and shared (Durable Object) stores for the pipeline. */
  onEvent?: PipelineOptions['onEvent'];
  logger?: PipelineOptions['logger'];
  cache?: PipelineOptions['cache'];
  limiter?: PipelineOptions['limiter'];
  breakerStore?: PipelineOptions['breaker'];
  /**
   * Opt-in zod validation of requests and responses: `validation(validators)` from
   * 'svcgen/runtime/validation' with the vendor's schemas.js `validators` (or a subset).
   */
  validate?: Validation;
}

/** A validation strategy (see runtime/validation.ts); kept structural so an unvalidated client bundles none of it. */
export interface Validation {
  checkRequest(operationId: string, init: object): void;
  checkResponse(operationId: string, status: number, data: unknown): void;
}

export interface CallOptions extends PipelineCallOptions {
  /** Validation for this call only; `false` turns the client's validation off for it. */
  validate?: Validation | false;
}

export interface VendorClient {
  readonly profile: VendorProfile;
  readonly pipeline: Pipeline;
  /** The underlying openapi-fetch client (no policies: prefer the operation functions). */
  readonly api: Client<any>;
  call(meta: OperationMeta, init: object, options?: CallOptions): Promise<unknown>;
}

function baseUrlOf(profile: VendorProfile, options: BaseClientOptions): string {
  if (options.baseUrl) return options.baseUrl;
  const names = Object.keys(profile.servers);
  const name = options.server ?? names[0]!;
  const url = profile.servers[name];
  if (!url) throw new TypeError(`unknown server '${name}' (one of: ${names.join(', ')})`);
  return url;
}

function option(options: object, name: string): string | undefined {
  const value = (options as Record<string, unknown>)[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function staticHeaders(profile: VendorProfile, options: BaseClientOptions): Record<string, string> {
  const headers: Record<string, string> = { ...options.headers };
  if (profile.apiVersion) {
    const version = option(options, profile.apiVersion.optionName) ?? profile.apiVersion.value;
    if (version) headers[profile.apiVersion.header] = version;
  }
  for (const [name, header] of Object.entries(profile.clientHeaders)) {
    const value = option(options, name);
    if (value) headers[header] = value;
  }
  return headers;
}

function credentialHeaders(profile: VendorProfile, options: BaseClientOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  if (profile.auth.kind !== 'token-exchange') return headers;
  for (const [header, name] of Object.entries(profile.auth.credentialHeaders)) {
    const value = option(options, name);
    if (value) headers[header] = value;
  }
  return headers;
}

function callHeaders(profile: VendorProfile, options: CallOptions | undefined): Record<string, string> | undefined {
  if (!options) return undefined;
  let headers: Record<string, string> | undefined = options.headers ? { ...options.headers } : undefined;
  for (const [name, header] of Object.entries(profile.callHeaders)) {
    const value = option(options, name);
    if (value) (headers ??= {})[header] = value;
  }
  return headers;
}

/** Fills the operation's idempotency body field once per logical call (caller's key wins). */
function withIdempotencyField(meta: OperationMeta, init: { body?: unknown }, options: CallOptions | undefined): object {
  if (meta.idempotency.kind !== 'body-field') return init;
  const body = init.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return init;
  const field = meta.idempotency.field;
  if ((body as Record<string, unknown>)[field]) return init;
  return { ...init, body: { ...body, [field]: options?.idempotencyKey ?? crypto.randomUUID() } };
}

/**
 * How a token-exchange vendor signs requests: given the login call (through the pipeline, with
 * the credential headers), a transport wrapper that adds the token. runtime/auth/token-exchange.ts
 * provides it; generated clients of bearer vendors never import it.
 */
export type TokenAuth = (login: {
  fetch: FetchLike;
  url: string;
  headers: Record<string, string>;
  tokenField: string;
  expiresAtField: string;
  operationId: string;
  refreshSkewMs: number;
  requestIdHeader?: string;
}) => (transport: FetchLike) => FetchLike;

/** Strategies a generated client passes for the schemes it declares (so others bundle none of them). */
export interface SchemeStrategies {
  readonly oauth2?: OAuth2Auth;
}

interface SchemeAuth {
  /** The requirement of an operation. */
  requirementsOf(operationId: string): SecurityRequirements;
  /** True when the supplied credentials satisfy `requirements`. */
  ready(requirements: SecurityRequirements): boolean;
  /** The pipeline that signs with the schemes `requirements` select (throws when none can be). */
  pipelineFor(requirements: SecurityRequirements, operationId?: string): Pipeline;
  /** Every credential and issued token, for scrubbing errors. */
  secrets(): string[];
}

/** Tokens kept for scrubbing: enough for a refresh overlapping calls still in flight. */
const KEPT_TOKENS = 4;

function schemeAuth(
  profile: VendorProfile,
  auth: SchemesAuthProfile,
  options: BaseClientOptions,
  baseUrl: string,
  loginPipeline: Pipeline,
  signedPipeline: (sign: (transport: FetchLike) => FetchLike) => Pipeline,
  strategies: SchemeStrategies,
): SchemeAuth {
  const vendor = profile.vendor;
  const supplied = readCredentials(vendor, auth, options);
  requireSomeCredentials(vendor, auth, supplied);
  const staticSecrets = credentialSecrets(supplied);
  const tokens: string[] = [];
  const secrets = (): string[] => [...staticSecrets, ...tokens];
  const oauth2 = new Map<string, (transport: FetchLike) => FetchLike>();
  const pipelines = new Map<string, Pipeline>();

  function oauth2Signer(name: string): (transport: FetchLike) => FetchLike {
    let sign = oauth2.get(name);
    if (!sign) {
      const scheme = auth.schemes[name] as Extract<SchemesAuthProfile['schemes'][string], { type: 'oauth2' }>;
      if (!strategies.oauth2) throw new TypeError(`${vendor}: an OAuth2 client needs its OAuth2Auth strategy`);
      const tokenUrl = new URL(scheme.tokenUrl, baseUrl.replace(/\/?$/, '/')).href;
      const meta: OperationMeta = { id: `${name} token`, method: 'POST', path: tokenUrl, resilience: 'idempotent', idempotency: { kind: 'none' } };
      const { clientId, clientSecret } = supplied.get(name) as ClientCredential;
      sign = strategies.oauth2({
        fetch: loginPipeline.fetchFor(meta, {}),
        tokenUrl,
        clientId,
        clientSecret,
        scopes: scheme.scopes,
        operationId: meta.id,
        onToken: (token) => {
          tokens.push(token);
          if (tokens.length > KEPT_TOKENS) tokens.shift();
        },
        ...(profile.policy.requestIdHeader ? { requestIdHeader: profile.policy.requestIdHeader } : {}),
      });
      oauth2.set(name, sign);
    }
    return sign;
  }

  return {
    requirementsOf: (operationId) => auth.operations[operationId] ?? auth.security,
    ready: (requirements) => requirements.length === 0 || requirements.some((alternative) => alternative.every((name) => supplied.has(name))),
    pipelineFor(requirements, operationId = 'this operation') {
      const names = selectSchemes(vendor, operationId, requirements, supplied);
      const key = names.join('\n');
      let pipeline = pipelines.get(key);
      if (!pipeline) {
        pipeline = signedPipeline((transport) => {
          let signed = withSchemeCredentials(transport, auth.schemes, names, supplied);
          for (const name of names) if (auth.schemes[name]!.type === 'oauth2') signed = oauth2Signer(name)(signed);
          return withScrubbedErrors(signed, secrets);
        });
        pipelines.set(key, pipeline);
      }
      return pipeline;
    },
    secrets,
  };
}

export function createVendorClient(profile: VendorProfile, options: BaseClientOptions, strategies?: TokenAuth | SchemeStrategies): VendorClient {
  const tokenAuth = typeof strategies === 'function' ? strategies : undefined;
  const baseUrl = baseUrlOf(profile, options);
  // The user's transport, or the global fetch when undefined; either way the pipeline calls it
  // once per attempt with an unread Request and the attempt's signal and buffered body in `init`.
  const transport = options.fetch;
  const overrides: PolicyOverrides = {};
  if (options.retry !== undefined) overrides.retry = options.retry;
  if (options.rateLimit !== undefined) overrides.rateLimit = options.rateLimit;
  if (options.breaker !== undefined) overrides.breaker = options.breaker;
  if (options.timeoutMs !== undefined) overrides.timeoutMs = options.timeoutMs;
  if (options.totalTimeoutMs !== undefined) overrides.totalTimeoutMs = options.totalTimeoutMs;
  const pipelineOptions = (fetch: FetchLike | undefined): PipelineOptions => ({
    vendor: profile.vendor,
    policy: profile.policy,
    overrides,
    ...(fetch ? { fetch } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.limiter ? { limiter: options.limiter } : {}),
    ...(options.breakerStore ? { breaker: options.breakerStore } : {}),
  });
  // The login call shares the vendor's limiter and breaker but not the token signing.
  const loginPipeline = createPipeline(pipelineOptions(transport));
  /** A pipeline over `sign(transport)` sharing the login pipeline's limiter and breaker. */
  const signedPipeline = (sign: (transport: FetchLike) => FetchLike): Pipeline =>
    createPipeline({
      ...pipelineOptions(sign(transport ?? ((request, init) => fetch(request, init)))),
      limiter: loginPipeline.limiter,
      breaker: loginPipeline.breaker,
    });
  let pipeline = loginPipeline;
  const auth = profile.auth;
  if (auth.kind === 'token-exchange') {
    if (!tokenAuth) throw new TypeError(`${profile.vendor}: a token-exchange client needs its TokenAuth`);
    const meta: OperationMeta = {
      id: auth.loginOperation,
      method: 'POST',
      path: auth.loginPath,
      resilience: 'idempotent',
      idempotency: { kind: 'none' },
      bucket: 'login',
    };
    const sign = tokenAuth({
      fetch: loginPipeline.fetchFor(meta, {}),
      url: baseUrl.replace(/\/$/, '') + auth.loginPath,
      headers: credentialHeaders(profile, options),
      tokenField: auth.tokenField,
      expiresAtField: auth.expiresAtField,
      operationId: auth.loginOperation,
      refreshSkewMs: auth.refreshSkewSeconds * 1000,
      ...(profile.policy.requestIdHeader ? { requestIdHeader: profile.policy.requestIdHeader } : {}),
    });
    pipeline = signedPipeline(sign);
  }
  const schemes = auth.kind === 'schemes' ? schemeAuth(profile, auth, options, baseUrl, loginPipeline, signedPipeline, typeof strategies === 'object' ? strategies : {}) : undefined;
  // `pipeline` (VendorClient.pipeline) is the one the spec's default requirement selects.
  if (schemes && auth.kind === 'schemes' && schemes.ready(auth.security)) pipeline = schemes.pipelineFor(auth.security);
  const api = createClient<any>({ baseUrl, headers: staticHeaders(profile, options) });
  const requestIdHeader = profile.policy.requestIdHeader;
  // Calling the login operation directly: it carries the credentials, not a token.
  const loginId = profile.auth.kind === 'token-exchange' ? profile.auth.loginOperation : undefined;
  const loginHeaders = loginId ? credentialHeaders(profile, options) : undefined;
  // Exact credential values, scrubbed from any error body that echoes them.
  const exchangeSecrets = Object.values(credentialHeaders(profile, options)).filter((v) => v !== '');
  const secrets = (): string[] => (schemes ? schemes.secrets() : exchangeSecrets);

  async function call(meta: OperationMeta, rawInit: object, callOptions?: CallOptions): Promise<unknown> {
    const init = withIdempotencyField(meta, rawInit as { body?: unknown }, callOptions);
    const validation = callOptions?.validate === undefined ? options.validate : callOptions.validate || undefined;
    validation?.checkRequest(meta.id, init);
    const isLogin = meta.id === loginId;
    const called = callHeaders(profile, callOptions);
    const headers = isLogin ? { ...loginHeaders, ...called } : called;
    const via = isLogin ? loginPipeline : schemes ? schemes.pipelineFor(schemes.requirementsOf(meta.id), meta.id) : pipeline;
    const request: CallRequest = { ...init, fetch: via.fetchFor(meta, callOptions) };
    if (meta.encodePath) request.pathSerializer = meta.encodePath;
    if (meta.parseAs) request.parseAs = meta.parseAs;
    // The encoders the generator named for this operation; without one openapi-fetch's own serve.
    if (meta.encodeBody) meta.encodeBody(request, headers);
    else if (headers) request.headers = headers;
    if (meta.encodeQuery && meta.query) request.querySerializer = meta.encodeQuery(meta.query);
    if (callOptions?.signal) request.signal = callOptions.signal;
    const { data, error, response } = await api.request(meta.method.toLowerCase() as 'get', meta.path, request as never);
    if (!response.ok) {
      throw ApiError.fromResponse(response, { operationId: meta.id, secrets: secrets(), ...(requestIdHeader ? { requestIdHeader } : {}) }, error);
    }
    validation?.checkResponse(meta.id, response.status, data);
    return data;
  }

  return { profile, pipeline, api, call };
}
