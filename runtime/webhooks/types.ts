// Shapes shared by every webhook scheme. A verifier never throws on what arrives over the wire:
// it answers with a result whose `reason` is one of a few stable codes, so a route can map it to a
// status without parsing messages, and whose `detail` never contains a secret or a signature.

/** The exact bytes received. Strings are taken as UTF-8 text (what the vendor signed). */
export type RawBody = ArrayBuffer | ArrayBufferView | string;

/** Fetch `Headers`, or a plain record such as Node's `IncomingHttpHeaders` (any key case). */
export type HeaderSource = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** One secret (or public key), or several while the vendor rotates them: any match passes. */
export type WebhookSecret = string | readonly string[];

export type WebhookFailureReason =
  | 'missing-header'
  | 'malformed-header'
  | 'timestamp-out-of-tolerance'
  | 'signature-mismatch'
  | 'unparsable-body';

export type VerifyResult<P> =
  | { readonly ok: true; readonly event: P }
  | { readonly ok: false; readonly reason: WebhookFailureReason; readonly detail: string };

export interface VerifyOptions {
  /** Largest accepted distance, in seconds, between the signed timestamp and now, either way. Default 300. `Infinity` disables the check. */
  readonly toleranceSeconds?: number;
  /** Clock in milliseconds since the epoch (like `Date.now`), for tests and replays. */
  readonly now?: () => number;
  /** Header names when a deployment renames them (a proxy, a newer vendor version). */
  readonly signatureHeader?: string;
  readonly timestampHeader?: string;
  /**
   * The URL the delivery was sent to, for a scheme that signs it (a declared payload with
   * `{url}`): the endpoint URL as configured at the vendor, character for character. The webhook
   * middleware passes the request's own URL unless this is set; set it when a proxy, a rewrite or
   * a custom domain makes the URL the Worker sees differ from the one the vendor called.
   */
  readonly url?: string;
  /** The delivery's HTTP method, for a scheme that signs it (`{method}`); `POST` when not given. */
  readonly method?: string;
}

/**
 * How a vendor delivers events: one JSON object per request, a batch (JSON array) per request, or
 * one event per request as an urlencoded form (its fields the event's properties; declared schemes).
 */
export type WebhookDelivery = 'object' | 'array' | 'form';

export interface WebhookScheme<Id extends string = string> {
  readonly id: Id;
  readonly delivery: WebhookDelivery;
  readonly headers: { readonly signature: string; readonly timestamp?: string };
  readonly verify: WebhookVerifier;
}

/**
 * Verifies `body` exactly as received, then parses it. The event is `unknown` here: typed
 * wrappers (generated per vendor) narrow it.
 */
export type WebhookVerifier = (body: RawBody, headers: HeaderSource, secret: WebhookSecret, options?: VerifyOptions) => Promise<VerifyResult<unknown>>;

export const DEFAULT_TOLERANCE_SECONDS = 300;

export type VerifyFailure = Extract<VerifyResult<never>, { ok: false }>;

export function failure(reason: WebhookFailureReason, detail: string): VerifyFailure {
  return { ok: false, reason, detail };
}

/**
 * `Base` with the property at `Path` replaced by `Value`, siblings kept. Generated event types use
 * it to pin the discriminator to one literal and `data.object` to the event's resource type.
 */
export type ReplaceAt<Base, Path extends readonly string[], Value> = Path extends readonly [
  infer Head extends string,
  ...infer Rest extends string[],
]
  ? Without<Base, Head> & { [K in Head]: ReplaceAt<Head extends keyof Base ? NonNullable<Base[Head]> : unknown, Rest, Value> }
  : Value;

/**
 * `Omit` that keeps the known properties of a type with an index signature (vendors' event schemas
 * allow extra fields; `Omit` would collapse such a type to its index signature).
 */
export type Without<T, K extends PropertyKey> = { [P in keyof T as P extends K ? never : P]: T[P] };

/**
 * A form delivery's event as it arrives: every field is text (an array of texts for a name sent
 * several times), whatever type the spec gives it; string literal types the spec names stay.
 */
export type FormFields<T> = {
  [K in keyof T]: NonNullable<T[K]> extends string ? T[K] : NonNullable<T[K]> extends readonly unknown[] ? string[] : string | string[];
};

/** An event whose discriminator field holds `Name`. */
export type NamedEvent<Event, Discriminator extends string, Name extends string> = ReplaceAt<Event, [Discriminator], Name>;

/** An envelope whose discriminator holds `Name` and whose object (at `ObjectPath`) is `Obj`. */
export type EnvelopedEvent<
  Envelope,
  Discriminator extends string,
  Name extends string,
  ObjectPath extends readonly string[],
  Obj,
> = ReplaceAt<NamedEvent<Envelope, Discriminator, Name>, ObjectPath, Obj>;
