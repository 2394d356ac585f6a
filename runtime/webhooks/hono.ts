// Hono middleware: verify the raw body before any route code sees it, answer failures with a
// status and a stable code, and hand the typed, verified payload to the route through the context.
// Only types come from Hono, so the runtime adds no Hono code to a bundle that does not use it.
import type { Context, Env, MiddlewareHandler } from 'hono';
import type { VerifyOptions, WebhookFailureReason, WebhookScheme, WebhookSecret } from './types.ts';

/** 400 when the request is not a well-formed delivery; 401 when it is not authentic (or not fresh). */
export const webhookFailureStatus = {
  'malformed-header': 400,
  'unparsable-body': 400,
  'missing-header': 401,
  'timestamp-out-of-tolerance': 401,
  'signature-mismatch': 401,
} as const satisfies Record<WebhookFailureReason, 400 | 401>;

export interface WebhookVariables<Payload> {
  webhookEvent: Payload;
}

export interface WebhookMiddlewareOptions<E extends Env = Env> extends VerifyOptions {
  /** The secret(s) or public key(s); a function reads them per request (e.g. from `c.env`). */
  readonly secret: WebhookSecret | ((c: Context<E>) => WebhookSecret | Promise<WebhookSecret>);
  /** Hears every verification's outcome (for logs and analytics); must not throw. */
  readonly onVerified?: (c: Context<E>, outcome: WebhookVerifyOutcome) => void;
}

/** A delivery's verification outcome: how many events it carries, or why it was rejected. */
export type WebhookVerifyOutcome =
  | { readonly ok: true; readonly events: number }
  | { readonly ok: false; readonly reason: WebhookFailureReason };

export function createWebhookMiddleware<Payload, E extends Env = Env>(
  scheme: WebhookScheme,
  options: WebhookMiddlewareOptions<E>,
): MiddlewareHandler<E & { Variables: WebhookVariables<Payload> }> {
  const { secret, onVerified, ...verifyOptions } = options;
  const report = (c: Context, outcome: WebhookVerifyOutcome) => onVerified?.(c as unknown as Context<E>, outcome);
  return async (c, next) => {
    let body: ArrayBuffer;
    try {
      body = await c.req.arrayBuffer();
    } catch {
      report(c, { ok: false, reason: 'unparsable-body' });
      return c.json({ error: 'unparsable-body' satisfies WebhookFailureReason }, 400);
    }
    const secrets = typeof secret === 'function' ? await secret(c as unknown as Context<E>) : secret;
    const result = await scheme.verify(body, c.req.raw.headers, secrets, verifyOptions);
    if (!result.ok) {
      report(c, { ok: false, reason: result.reason });
      return c.json({ error: result.reason }, webhookFailureStatus[result.reason]);
    }
    report(c, { ok: true, events: Array.isArray(result.event) ? result.event.length : 1 });
    c.set('webhookEvent', result.event as Payload);
    await next();
  };
}
