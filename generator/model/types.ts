// The intermediate representation every emitter reads. Loaders produce OpenAPI 3.x documents;
// the model stage turns one vendor's effective document into an ApiModel. Nothing here is
// vendor-specific: vendor facts arrive through the document's `x-svcgen` extension (written in
// the project's overlays) and the user's config.
import type { DeclaredSignature } from '../../runtime/webhooks/declared-spec.ts';
import type { DeclaredMultipartModel } from './multipart-body.ts';

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** A JSON Schema / OpenAPI Schema object, kept as data (with `$ref`s intact, so cycles stay cycles). */
export type SchemaObject = Record<string, unknown>;

/**
 * What a header/query parameter means to the client:
 * - `param`: an ordinary operation input;
 * - `auth`: supplied by the client's auth flow (e.g. an `Authorization` header parameter the spec declares);
 * - `client-option`: set once per client (e.g. `x-api-version`);
 * - `call-option`: set per call through CallOptions (e.g. `x-on-behalf-of`, an account header).
 */
export type ParameterRole = 'param' | 'auth' | 'client-option' | 'call-option';

export interface ParameterModel {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  /** OpenAPI's style, or `json` for a value in JSON `content`, sent as its JSON text (model/json-parameters.ts). */
  style: string;
  explode: boolean;
  schema: SchemaObject | undefined;
  role: ParameterRole;
  /** For client/call options: the option's name in the generated API (e.g. `onBehalfOf`). */
  optionName?: string;
  description?: string;
  /** Path parameters whose schema lists `''` (model/empty-path-values.ts): the client sends an empty segment for it. */
  allowsEmpty?: true;
  /** Query parameters with a schema and `allowReserved: true`: reserved characters in the value go unencoded (runtime/encoding/reserved-query.ts). */
  allowReserved?: true;
}

export type BodyEncoding = 'json' | 'form' | 'multipart' | 'binary' | 'text';

/**
 * How the client reads a success body: parsed as JSON, as text, as the bytes (a Blob), or by the
 * answer's own Content-Type (a `*\/*` body whose schema is not bytes: JSON, text or a Blob).
 */
export type BodyReading = 'json' | 'text' | 'blob' | 'content-type';

export interface RequestBodyModel {
  required: boolean;
  mediaType: string;
  encoding: BodyEncoding;
  schema: SchemaObject | undefined;
  /**
   * Multipart bodies: the top-level properties whose `encoding` entry departs from OpenAPI's
   * default part types, name → `deepObject` or the part's media type (model/multipart-parts.ts).
   */
  parts?: Record<string, string>;
  /**
   * Multipart bodies the form-data encoders do not serve (a declared type other than
   * multipart/form-data, or part headers from the Encoding Object): the type to send, the
   * properties' declared order and each property's fixed part headers (model/multipart-body.ts).
   */
  multipart?: DeclaredMultipartModel;
  /**
   * Urlencoded bodies: the array and object properties whose `encoding` entry names how they are
   * written (Swagger 2.0 collectionFormat names: csv, ssv, tsv, pipes, multi), and `json` for a
   * property sent as its JSON text (a JSON contentType without style; model/collection-format.ts).
   */
  fields?: Record<string, 'csv' | 'ssv' | 'tsv' | 'pipes' | 'multi' | 'json'>;
  /**
   * Raw bodies (binary and text media types) whose schema does not describe text: typed and
   * validated as the content the client sends, a string, Blob, ArrayBuffer or typed array
   * (model/raw-body.ts).
   */
  content?: true;
}

export interface ResponseModel {
  /** "200", "4XX", "default" … as in the spec. */
  status: string;
  /** The media type the client reads (JSON first), of those the response lists. */
  mediaType: string | undefined;
  /** Every media type the response lists, in the spec's order (the model builder always sets it). */
  mediaTypes?: string[];
  schema: SchemaObject | undefined;
  /** How the client reads the body of `mediaType` (model/success-reading.ts); the model builder sets it with `mediaType`. */
  reading?: BodyReading;
}

export type ResilienceClass = 'safe' | 'idempotent' | 'unsafe';

export type IdempotencyMechanism =
  | { kind: 'none' }
  | { kind: 'header'; name: string; maxLength?: number }
  | { kind: 'body-field'; field: string };

export type PaginationModel =
  /** Cursor lists: `has_more` + `starting_after=<last id>` (or, started with `beforeParam`, `ending_before=<first id>`). */
  | { style: 'cursor'; itemsField: string; hasMoreField: string; cursorParam: string; cursorFrom: string; beforeParam?: string; limitParam?: string }
  /** Search pages: a `next_page` token fed back as `page`. */
  | { style: 'token'; itemsField: string; hasMoreField: string; tokenField: string; tokenParam: string; limitParam?: string }
  /** Page-number lists: `page_num` from 0 + `page_size`, `has_more`. */
  | { style: 'page-number'; itemsField: string; hasMoreField: string; pageParam: string; firstPage: number; sizeParam?: string }
  /** Opaque cursor in the response (`page_after`, `_metadata.next`). */
  | {
      style: 'opaque-cursor';
      itemsField: string;
      /** Dotted path to the next cursor in the response (`page_after`, `_metadata.next`). */
      nextField: string;
      /** The next value is a URL whose `cursorParam` query parameter holds the cursor. */
      nextIsUrl?: boolean;
      cursorParam: string;
      sizeParam?: string;
    }
  /** Offset lists: `offset` (from 0) + `limit`, ending on an empty page, at the answer's total or when its has-more flag is false. */
  | { style: 'offset'; itemsField: string; offsetParam: string; totalField?: string; hasMoreField?: string; limitParam?: string }
  /** RFC 8288 `Link` response headers (`rel="next"`); `itemsField` `''` when the body itself is the list. */
  | { style: 'link-header'; itemsField: string; sizeParam?: string }
  /** The next page's URL in a body field (`nextLink`, `@odata.nextLink`), followed by its query. */
  | { style: 'next-link'; itemsField: string; nextField: string; sizeParam?: string };

export interface OperationModel {
  /** Unique, final operationId (after renames). */
  id: string;
  /** The spec's operationId when we renamed it. */
  originalId?: string;
  /** Stable camelCase function name derived from `id`. */
  functionName: string;
  method: HttpMethod;
  path: string;
  tags: string[];
  summary?: string;
  description?: string;
  deprecated: boolean;
  /** Multi-file vendors: the product (file) the operation came from. */
  product?: string;
  /** `spec` for the vendor's own file, `overlay` when one of our overlays added it. */
  source: 'spec' | 'overlay';
  /** Overlay operations: where their facts come from (`x-svcgen-source`). */
  sourceNote?: string;
  parameters: ParameterModel[];
  requestBody?: RequestBodyModel;
  responses: ResponseModel[];
  /** Names of security schemes that apply, empty for none. */
  security: string[];
  pagination?: PaginationModel;
  idempotency: IdempotencyMechanism;
  resilience: ResilienceClass;
  /** Rate-limit bucket name (a key of VendorPolicy.rateLimits), when documented for this op. */
  rateLimitBucket?: string;
  /** Opt-in GET caching allowed (e.g. FX rates), with a default TTL. */
  cache?: { ttlSeconds: number };
  /** The operation's own server, absolute, when it names one other than the vendor's (model/operation-servers.ts). */
  server?: string;
  /** The URL of an own server the client cannot use (relative, or a variable without default): the client's server serves it. */
  unresolvedServer?: string;
}

export interface ServerModel {
  name: string;
  url: string;
  description?: string;
}

/** A security scheme the generated client can supply (see generator/model/auth.ts). */
export type SecuritySchemeModel =
  | { type: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string }
  | { type: 'bearer' }
  | { type: 'basic' }
  | { type: 'oauth2'; tokenUrl: string; scopes: string[] }
  /**
   * OAuth2 without a usable client-credentials flow, or OpenID Connect: the caller brings the
   * access token from their own flow (`flows`: the OAuth2 flows the spec names, sorted; none for
   * OpenID Connect), and the client sends it as `Authorization: Bearer`.
   */
  | { type: 'accessToken'; source: 'oauth2' | 'openIdConnect'; flows: string[] };

/** Accepted alternatives (OR), each a set of scheme names sent together (AND); `[]` means no auth. */
export type SecurityRequirementsModel = string[][];

export type AuthModel =
  | {
      /** Auth from the spec's securitySchemes and `security`, completed by the profile. */
      kind: 'schemes';
      /** Schemes the client can supply, by the spec's own names. */
      schemes: Record<string, SecuritySchemeModel>;
      /** The requirement of operations not listed in `operations`. */
      security: SecurityRequirementsModel;
      /** Operation id → its requirement, where it differs from `security`. */
      operations: Record<string, SecurityRequirementsModel>;
      /** The scheme the `apiKey` / `username`+`password` / `clientId`+`clientSecret` options fill. */
      shorthand?: string;
      /** Declared schemes the client cannot supply (mutual TLS, http digest …), name → why. */
      unsupported: Record<string, string>;
      /** Operation id → its requirement, described, that no request can meet (model/auth.ts unmetRequirement). */
      unmet?: Record<string, string>;
    }
  | {
      kind: 'token-exchange';
      /** operation id of the login call */
      loginOperation: string;
      loginPath: string;
      /** header name → client option name, e.g. `x-client-id` → `clientId` */
      credentialHeaders: Record<string, string>;
      tokenField: string;
      expiresAtField: string;
      /** refresh this many seconds before expiry */
      refreshSkewSeconds: number;
    };

export interface RateLimitBucket {
  /** sustained requests per second */
  ratePerSecond: number;
  burst: number;
}

export interface VendorPolicy {
  retry: {
    maxRetries: number;
    baseDelayMs: number;
    maxDelayMs: number;
    retryStatuses: number[];
    /** header that forces or forbids a retry (a `…-Should-Retry` header) */
    shouldRetryHeader?: string;
  };
  rateLimits: Record<string, RateLimitBucket> & { default: RateLimitBucket };
  breaker: { consecutiveFailures: number; cooldownMs: number };
  timeoutMs: number;
  /** Response header carrying the vendor request id (`Request-Id`). */
  requestIdHeader?: string;
  /** Response headers that describe the remaining rate budget. */
  rateLimitHeaders?: { remaining: string; reset: string; limit?: string };
}

export interface WebhookEventModel {
  /** Event type name: `payment_intent.succeeded` */
  name: string;
  /** Schema of the event object (the whole envelope, or `data.object` per `objectPointer`). */
  schema: SchemaObject | undefined;
  description?: string;
}

/** `WebhookModel.scheme` of a scheme declared as data (its description is `WebhookModel.signature`). */
export const DECLARED_SCHEME_ID = 'declared';

export interface WebhookModel {
  /** Signature scheme id understood by the runtime (the keys of runtime/webhooks/schemes.ts), or `declared`. */
  scheme: string;
  /** The scheme as the profile declares it, when it is not a built-in one. */
  signature?: DeclaredSignature;
  /** `object` for one JSON event per delivery, `array` for batched deliveries, `form` for one urlencoded event per delivery. */
  delivery: 'object' | 'array' | 'form';
  /** Field that names the event type inside an event (`type`, `event`, `name`). */
  discriminator: string;
  /** Top-level field holding the vendor's unique event id (deduplication key); absent when the vendor has none. */
  eventId?: string;
  events: WebhookEventModel[];
  /** Envelope schema shared by every event (may be undefined when each event is complete). */
  envelope?: SchemaObject;
  /**
   * Where each event's object sits inside `envelope` (`['data', 'object']`). When set, an event's
   * `schema` is that object's schema; when absent, it is the whole event.
   */
  objectPath?: string[];
  toleranceSeconds: number;
  /** Header names as the vendor documents them (the runtime scheme's defaults otherwise). */
  headers?: { signature: string; timestamp?: string };
  /** PascalCase prefix for generated names (`Acme` → `verifyAcmeWebhook`). */
  namePrefix?: string;
}

export interface Rename {
  from: string;
  to: string;
  /** `METHOD /path` */
  operation: string;
  reason: string;
}

/** Where a generation's specs came from, and the command that makes its files again. */
export interface Provenance {
  /** Completes "for VENDOR from …". */
  from: string;
  regenerate: string;
}

export interface ApiModel {
  vendor: string;
  /** Named in every file's header; a project's lock (emit/header.ts PINNED) when absent. */
  provenance?: Provenance;
  /** PascalCase name for generated identifiers (`createAcmeClient`). */
  displayName: string;
  title: string;
  specVersion: string;
  servers: ServerModel[];
  auth: AuthModel;
  /** API version pinned by header (e.g. `x-api-version`) */
  apiVersion?: { header: string; value?: string; optionName: string };
  policy: VendorPolicy;
  /** Per-call headers the vendor accepts everywhere (option name → header), from the profile. */
  callHeaders: Record<string, string>;
  /** Regular expression sources of the vendor's key formats (profile `secretShapes`). */
  secretShapes?: string[];
  operations: OperationModel[];
  /** `METHOD /path operationId` of the operations left out because fetch cannot send them (model/unsendable.ts). */
  omitted: string[];
  webhooks?: WebhookModel;
  renamed: Rename[];
}
