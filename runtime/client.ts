// The client value every generated operation takes: base URL, auth, API version and vendor headers
// over one openapi-fetch client, with each call's fetch built by the policy pipeline from the
// operation's metadata. Vendors differ only in the profile constant their client.ts passes in.
import createClient, { type Client } from 'openapi-fetch';
import { HOLD_BODY, type CallRequest, type FetchLike, type OperationMeta } from './contract.ts';
import { createPipeline, type CallOptions as PipelineCallOptions, type Pipeline, type PipelineOptions } from './pipeline.ts';
import type { PolicyDefaults, PolicyOverrides } from './policy/config.ts';
import { errorFromResponse, type ErrorDescriber } from './errors.ts';
import { describeText } from './error-shapes.ts';
import type { Secret } from './redact.ts';
import type { SchemesAuthProfile } from './auth/schemes.ts';
import type { TokenExchangeProfile } from './auth/token-exchange.ts';
import { noAuth } from './auth/no-auth.ts';

export type AuthProfile = SchemesAuthProfile | TokenExchangeProfile;

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
  /** The vendor's key formats (its profile's `secretShapes`), scrubbed from its errors and policy events. */
  readonly secretShapes?: readonly RegExp[];
}

export interface BaseClientOptions<Server extends string = string> {
  /** One of the vendor's servers (the first by default). */
  server?: Server;
  /** Overrides `server` and the servers some operations have of their own: every request goes here, e.g. a local mock. */
  baseUrl?: string;
  /** The transport (default `globalThis.fetch`). */
  fetch?: FetchLike;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /**
   * Policy tuning; `false` turns a policy off for this client's calls (a call's own `retry` options
   * turn retries back on for it, from the vendor defaults).
   */
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

function callHeaders(profile: VendorProfile, options: CallOptions | undefined): Record<string, string> | undefined {
  if (!options) return undefined;
  let headers: Record<string, string> | undefined = options.headers ? { ...options.headers } : undefined;
  for (const [name, header] of Object.entries(profile.callHeaders)) {
    const value = option(options, name);
    if (value) (headers ??= {})[header] = value;
  }
  return headers;
}

/** What an auth strategy gets from the client it signs for. */
export interface AuthContext {
  readonly profile: VendorProfile;
  readonly options: BaseClientOptions;
  readonly baseUrl: string;
  /** The unsigned pipeline (login and token calls); it holds the vendor's limiter and breaker. */
  readonly loginPipeline: Pipeline;
  /** A pipeline over `sign(transport)` sharing the login pipeline's limiter and breaker. */
  signedPipeline(sign: (transport: FetchLike) => FetchLike): Pipeline;
}

/** How a client signs its calls. */
export interface ClientAuth {
  /** The pipeline of the spec's default requirement (VendorClient.pipeline). */
  readonly pipeline: Pipeline;
  /** The pipeline that signs a call of `meta`; throws when no supplied credential fits it. */
  pipelineFor(meta: OperationMeta): Pipeline;
  /** Headers a call of `meta` carries besides the caller's (a login call's credentials). */
  headersFor?(meta: OperationMeta): Record<string, string> | undefined;
  /** Every credential and issued token, for scrubbing errors. */
  secrets(): string[];
  /**
   * Text that differs between clients whose credentials differ (their values, joined; a unique
   * value for a credential with no text of its own, such as a token function). Hashed into the
   * signed pipelines' cache keys and into the names of the rate-limit windows a vendor reports,
   * never stored: two clients share cached answers and windows only when they sign alike.
   */
  readonly partition: string;
}

/**
 * The auth a generated client passes for what its spec declares (runtime/auth/scheme-auth.ts with
 * the scheme kinds it uses, runtime/auth/header-auth.ts's fittedHeaderAuth for header-only schemes,
 * runtime/auth/token-exchange.ts, or runtime/auth/no-auth.ts), so a Worker bundles no other.
 */
export type AuthStrategy = (context: AuthContext) => ClientAuth;

/** The strategy of a client created without one: no credentials, for an API that needs none. */
const unsigned: AuthStrategy = (context) => {
  const { auth, vendor } = context.profile;
  if (auth.kind === 'token-exchange' || Object.keys(auth.schemes).length > 0) {
    throw new TypeError(`${vendor}: this API's auth needs the strategy its generated client passes (schemeAuth or tokenExchangeAuth)`);
  }
  return noAuth(context);
};

/**
 * `strategy`: how calls are signed (see AuthStrategy), none by default for an API without
 * credentials; `describeError`: how the vendor's error bodies read (runtime/error-shapes.ts; text
 * only by default).
 */
export function createVendorClient(
  profile: VendorProfile,
  options: BaseClientOptions,
  strategy?: AuthStrategy,
  describeError: ErrorDescriber = describeText,
): VendorClient {
  return createVendorClientWith(profile, options, strategy ?? unsigned, describeError);
}

/**
 * createVendorClient with both chosen: what generated clients call, passing the strategy and the
 * describer their spec needs (noAuth for an API without credentials), so they bundle no default.
 */
export function createVendorClientWith(profile: VendorProfile, options: BaseClientOptions, strategy: AuthStrategy, describeError: ErrorDescriber): VendorClient {
  const baseUrl = baseUrlOf(profile, options);
  // The user's transport, or the global fetch when undefined; either way the pipeline calls it
  // once per attempt with an unread Request and the attempt's signal and buffered body in `init`.
  const transport = options.fetch;
  // The client options hold the policy overrides under their own names (retry, rateLimit,
  // breaker, timeoutMs, totalTimeoutMs), and the pipeline reads an unset one as absent.
  const pipelineOptions = (fetch: FetchLike | undefined): PipelineOptions => ({
    vendor: profile.vendor,
    policy: profile.policy,
    overrides: options,
    fetch,
    onEvent: options.onEvent,
    logger: options.logger,
    cache: options.cache,
    limiter: options.limiter,
    breaker: options.breakerStore,
    secrets: () => scrubbed(),
  });
  // The login call shares the vendor's limiter and breaker but not the token signing.
  const loginPipeline = createPipeline(pipelineOptions(transport));
  // Known once the strategy returns; signed pipelines read it only during calls, by then it is set.
  let partition = '';
  /** A pipeline over `sign(transport)` sharing the login pipeline's limiter and breaker. */
  const signedPipeline = (sign: (transport: FetchLike) => FetchLike): Pipeline =>
    createPipeline({
      ...pipelineOptions(sign(transport ?? ((request, init) => fetch(request, init)))),
      limiter: loginPipeline.limiter,
      breaker: loginPipeline.breaker,
      partition: () => partition,
    });
  const auth = strategy({ profile, options, baseUrl, loginPipeline, signedPipeline });
  partition = auth.partition;
  /** Every credential and issued token, and the vendor's key formats. */
  const scrubbed = (): Secret[] => (profile.secretShapes ? [...auth.secrets(), ...profile.secretShapes] : auth.secrets());
  const clientHeaders = staticHeaders(profile, options);
  // An Accept the user set on the client wins over the operation's (meta.accept), as one set on the call does.
  const ownAccept = Object.keys(clientHeaders).some((name) => name.toLowerCase() === 'accept');
  const api = createClient<any>({ baseUrl, headers: clientHeaders });

  async function call(meta: OperationMeta, rawInit: object, callOptions?: CallOptions): Promise<unknown> {
    const key = meta.idempotency;
    const init = meta.bodyKey && key.kind === 'body-field' ? meta.bodyKey.fill(key.field, rawInit, callOptions?.idempotencyKey) : rawInit;
    const validation = callOptions?.validate === undefined ? options.validate : callOptions.validate || undefined;
    validation?.checkRequest(meta.id, init);
    const called = callHeaders(profile, callOptions);
    const login = auth.headersFor?.(meta);
    const given = login ? { ...login, ...called } : called;
    // First, so a call's own Accept (its headers option, or the operation's Accept parameter) replaces it.
    const headers = meta.accept && !ownAccept ? { accept: meta.accept, ...given } : given;
    const via = auth.pipelineFor(meta);
    // The caller's signal goes to the pipeline alone, which aborts the attempt under way; the
    // Request openapi-fetch builds has no signal of its own to listen to.
    // The pipeline hands over the release of the returned attempt's time limit and signals: they
    // keep watching while openapi-fetch reads the body, so a stalled body still ends the call.
    let release: (() => void) | undefined;
    const send = via.fetchFor(meta, callOptions, true);
    const request: CallRequest = {
      ...(meta.encodeHeaders ? meta.encodeHeaders(init) : init),
      fetch: meta.errorText ? meta.errorText(send) : send,
      [HOLD_BODY]: (done: () => void) => (release = done),
    };
    if (meta.encodePath) request.pathSerializer = meta.encodePath;
    if (meta.parseAs) request.parseAs = meta.parseAs;
    // An operation on a server of its own goes there, unless the caller sent everything to `baseUrl`.
    if (meta.server && !options.baseUrl) request.baseUrl = meta.server;
    // The encoders the generator named for this operation; without one openapi-fetch's own serve.
    if (meta.encodeBody) meta.encodeBody(request, headers);
    else if (headers) request.headers = headers;
    if (meta.encodeQuery && meta.query) request.querySerializer = meta.encodeQuery(meta.query, (init as { params?: { path?: Record<string, unknown> } }).params?.path);
    let result;
    try {
      result = await api.request(meta.method.toLowerCase() as 'get', meta.path, request as never);
    } finally {
      release?.();
    }
    const { data, error, response } = result;
    if (!response.ok) {
      throw errorFromResponse(response, { operationId: meta.id, secrets: scrubbed(), requestIdHeader: profile.policy.requestIdHeader }, error, describeError);
    }
    // Decoded first, so a validator sees the parsed body of an operation read by status, not its bytes.
    const body = meta.decodeBody ? await meta.decodeBody(data, response, callOptions?.signal) : data;
    validation?.checkResponse(meta.id, response.status, body);
    return body;
  }

  return { profile, pipeline: auth.pipeline, api, call };
}
