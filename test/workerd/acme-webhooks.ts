// A vendor-neutral webhook source for the workerd suite: "acme" signs `<timestamp>.<body>` with
// HMAC-SHA256 (hex) like the HMAC schemes the runtime ships, so the receiver below is the same
// assembly the generated routes.ts makes (verify → exactly-once dispatch → answer), with nothing
// vendor-specific. Handlers record what they did in the WEBHOOK_LOG KV namespace, so a test can
// see work done by the Queue consumer, which runs outside the test's own call.
import { Hono } from 'hono';
import { createWebhookMiddleware } from '../../runtime/webhooks/hono.ts';
import { createWebhookRouter, type WebhookHandlers } from '../../runtime/webhooks/router.ts';
import { handleDelivery } from '../../runtime/webhooks/delivery.ts';
import { consumeWebhookBatch, type QueueBatchLike } from '../../runtime/webhooks/queue.ts';
import { constantTimeEqual } from '../../runtime/webhooks/constant-time.ts';
import { failure, type WebhookScheme } from '../../runtime/webhooks/types.ts';
import { durableDedupeStore } from '../../runtime/durable/dedupe-store.ts';
import type { DurableNamespaceLike } from '../../runtime/durable/stores.ts';
import type { KvNamespaceLike } from '../../runtime/webhooks/dedupe-kv.ts';
import { analyticsSink, type WebhookPoint } from '../../runtime/log/analytics.ts';

export const ACME_SECRET = 'acme_test_secret_not_real';

export interface AcmeEvent {
  id: string;
  type: 'order.paid' | 'order.refunded';
  data: { order: string; failTimes?: number; sleepMs?: number };
}

export interface WebhookEnv {
  WEBHOOK_DEDUPE: DurableNamespaceLike;
  WEBHOOK_LOG: KvNamespaceLike & { get(key: string): Promise<string | null>; list(options: { prefix: string }): Promise<{ keys: { name: string }[] }> };
  WEBHOOK_QUEUE: { send(body: unknown): Promise<void> };
}

const encoder = new TextEncoder();

async function mac(secret: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const bytes = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(text)));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const acmeScheme: WebhookScheme = {
  id: 'acme-hmac',
  delivery: 'object',
  headers: { signature: 'acme-signature', timestamp: 'acme-timestamp' },
  async verify(body, headers, secret) {
    const get = (name: string) => (headers instanceof Headers ? headers.get(name) : null);
    const signature = get('acme-signature');
    const timestamp = get('acme-timestamp');
    if (!signature || !timestamp) return failure('missing-header', 'acme-signature and acme-timestamp are required');
    const text = typeof body === 'string' ? body : new TextDecoder().decode(body as ArrayBuffer);
    const expected = await mac(typeof secret === 'string' ? secret : secret[0]!, `${timestamp}.${text}`);
    if (!constantTimeEqual(encoder.encode(expected), encoder.encode(signature))) return failure('signature-mismatch', 'no signature matched');
    try {
      return { ok: true, event: JSON.parse(text) as unknown };
    } catch {
      return failure('unparsable-body', 'not JSON');
    }
  },
};

/** A signed delivery of `event`, as acme would POST it. */
export async function signedDelivery(event: AcmeEvent, secret = ACME_SECRET): Promise<RequestInit> {
  const body = JSON.stringify(event);
  const timestamp = String(Math.floor(Date.now() / 1000));
  return { method: 'POST', body, headers: { 'content-type': 'application/json', 'acme-timestamp': timestamp, 'acme-signature': await mac(secret, `${timestamp}.${body}`) } };
}

type AcmeEvents = { [Name in AcmeEvent['type']]: AcmeEvent & { type: Name } };

/**
 * Handlers that count their runs (in this isolate and in WEBHOOK_LOG as `runs:<id>`), wait
 * `sleepMs`, and throw on the first `failTimes` runs of an event.
 */
export function recordingHandlers(env: WebhookEnv): WebhookHandlers<AcmeEvents> {
  const run = async (event: AcmeEvent) => {
    // Counted synchronously in this isolate first (exact under concurrency), then in KV for
    // runs in the queue consumer, which a test can only see through a binding.
    const runs = (isolateRuns.get(event.id) ?? 0) + 1;
    isolateRuns.set(event.id, runs);
    await env.WEBHOOK_LOG.put(`runs:${event.id}`, String(runs));
    if (event.data.sleepMs) await new Promise((resolve) => setTimeout(resolve, event.data.sleepMs));
    if (runs <= (event.data.failTimes ?? 0)) throw new Error(`acme handler failing on purpose (run ${runs})`);
  };
  return { 'order.paid': run, 'order.refunded': run };
}

const isolateRuns = new Map<string, number>();

/** Handler runs of `id` in this isolate: exact, for the inline (in-test) receiver. */
export function inlineRuns(id: string): number {
  return isolateRuns.get(id) ?? 0;
}

/** Handler runs of `id` as recorded in KV: for the queue consumer, whose runs are sequential. */
export async function runsOf(env: WebhookEnv, id: string): Promise<number> {
  return Number((await env.WEBHOOK_LOG.get(`runs:${id}`)) ?? 0);
}

/** The receiver: verify, then dispatch inline (exactly once with the Durable Object store unless `dedupe` is false) or enqueue. */
export function acmeReceiver(
  env: WebhookEnv,
  options: { dedupe?: boolean; queue?: boolean; handlers?: WebhookHandlers<AcmeEvents>; points?: WebhookPoint[] } = {},
) {
  const router = createWebhookRouter<AcmeEvents>(options.handlers ?? recordingHandlers(env), { discriminator: 'type' });
  const sink = options.points ? { ...analyticsSink(undefined, { logger: false }), webhook: (p: WebhookPoint) => void options.points!.push(p) } : undefined;
  const app = new Hono();
  app.post(
    '/webhooks/acme',
    createWebhookMiddleware<AcmeEvent, {}>(acmeScheme, { secret: ACME_SECRET, onVerified: (_c, outcome) => sink?.webhook(outcome.ok ? { source: 'acme', outcome: 'verified' } : { source: 'acme', outcome: 'rejected', detail: outcome.reason }) }),
    async (c) => {
      const payload = (c as unknown as { get(key: 'webhookEvent'): AcmeEvent }).get('webhookEvent');
      if (options.queue) {
        await env.WEBHOOK_QUEUE.send(payload);
        return c.json({ received: true, queued: true }, 202);
      }
      const dedupe = options.dedupe === false ? undefined : { store: durableDedupeStore(env.WEBHOOK_DEDUPE), namespace: 'acme', eventId: 'id' };
      const answer = await handleDelivery<AcmeEvents>(payload, { router, discriminator: 'type', source: 'acme', sink, dedupe });
      if (answer.status === 409) c.header('Retry-After', String(answer.retryAfterSeconds));
      return c.json(answer.body, answer.status);
    },
  );
  return app;
}


/** The Worker's `queue` handler: the webhook queue runs handlers exactly once; its dead-letter queue records what it receives. */
export async function acmeQueue(batch: QueueBatchLike<AcmeEvent> & { readonly queue: string }, env: WebhookEnv): Promise<void> {
  if (batch.queue.endsWith('-dlq')) {
    for (const message of batch.messages) {
      await env.WEBHOOK_LOG.put(`dead:${message.body.id}`, '1');
      message.ack();
    }
    return;
  }
  const router = createWebhookRouter<AcmeEvents>(recordingHandlers(env), { discriminator: 'type' });
  await consumeWebhookBatch(batch, router, {
    discriminator: 'type',
    dedupe: { store: durableDedupeStore(env.WEBHOOK_DEDUPE), namespace: 'acme-queue', eventId: 'id' },
  });
}
