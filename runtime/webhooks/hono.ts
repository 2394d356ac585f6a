// Hono middleware: verify the raw body before any route code sees it, answer failures with a
// status and a stable code, and hand the typed, verified payload to the route through the context.
// Only types come from Hono, so the runtime adds no Hono code to a bundle that does not use it.
import type { Context, Env, MiddlewareHandler } from 'hono';
import { readCappedBody } from './capped-body.ts';
import type { VerifyOptions, WebhookFailureReason, WebhookScheme, WebhookSecret } from './types.ts';

/** Why the middleware refused a delivery: a verifier's reason, or a body over `maxBodyBytes`. */
export type WebhookRejection = WebhookFailureReason | 'body-too-large';

/**
 * 400 when the request is not a well-formed delivery; 401 when it is not authentic (or not
 * fresh); 413 when its body is larger than the middleware accepts.
 */
export const webhookFailureStatus = {
  'malformed-header': 400,
  'unparsable-body': 400,
  'missing-header': 401,
  'timestamp-out-of-tolerance': 401,
  'signature-mismatch': 401,
  'body-too-large': 413,
} as const satisfies Record<WebhookRejection, 400 | 401 | 413>;

/** The default `maxBodyBytes`: well above the largest event the vendors document sending. */
export const DEFAULT_MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

export interface WebhookVariables<Payload> {
  webhookEvent: Payload;
}

export interface WebhookMiddlewareOptions<E extends Env = Env> extends VerifyOptions {
  /** The secret(s) or public key(s); a function reads them per request (e.g. from `c.env`). */
  readonly secret: WebhookSecret | ((c: Context<E>) => WebhookSecret | Promise<WebhookSecret>);
  /**
   * Largest body accepted, in bytes (default 1 MiB); a longer one is answered 413 without being
   * read past the limit, and no verification or handler runs.
   */
  readonly maxBodyBytes?: number;
  /** Hears every verification's outcome (for logs and analytics); must not throw. */
  readonly onVerified?: (c: Context<E>, outcome: WebhookVerifyOutcome) => void;
}

/** A delivery's verification outcome: how many events it carries, or why it was rejected. */
export type WebhookVerifyOutcome =
  | { readonly ok: true; readonly events: number }
  | { readonly ok: false; readonly reason: WebhookRejection };

export function createWebhookMiddleware<Payload, E extends Env = Env>(
  scheme: WebhookScheme,
  options: WebhookMiddlewareOptions<E>,
): MiddlewareHandler<E & { Variables: WebhookVariables<Payload> }> {
  const { secret, onVerified, maxBodyBytes = DEFAULT_MAX_WEBHOOK_BODY_BYTES, ...verifyOptions } = options;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 0) {
    throw new RangeError(`createWebhookMiddleware: maxBodyBytes must be a whole number of bytes, not ${maxBodyBytes}`);
  }
  const report = (c: Context, outcome: WebhookVerifyOutcome) => onVerified?.(c as unknown as Context<E>, outcome);
  const reject = (c: Context, reason: WebhookRejection) => {
    report(c, { ok: false, reason });
    return c.json({ error: reason }, webhookFailureStatus[reason]);
  };
  return async (c, next) => {
    let body: ArrayBuffer | undefined;
    try {
      body = await readCappedBody(c.req.raw, maxBodyBytes);
    } catch {
      return reject(c, 'unparsable-body');
    }
    if (body === undefined) return reject(c, 'body-too-large');
    // The raw body stream is consumed: hand the bytes to Hono's body cache (where its own readers
    // keep promises), so a route can still call c.req.text() or c.req.json().
    (c.req.bodyCache as Record<string, unknown>).arrayBuffer = Promise.resolve(body);
    const secrets = typeof secret === 'function' ? await secret(c as unknown as Context<E>) : secret;
    // The request line as the Worker received it, for schemes that sign it; a configured `url` wins.
    const request = { ...verifyOptions, url: verifyOptions.url ?? c.req.url, method: verifyOptions.method ?? c.req.method };
    const result = await scheme.verify(body, c.req.raw.headers, secrets, request);
    if (!result.ok) return reject(c, result.reason);
    report(c, { ok: true, events: Array.isArray(result.event) ? result.event.length : 1 });
    c.set('webhookEvent', result.event as Payload);
    await next();
  };
}
