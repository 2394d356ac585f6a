// The Hono middleware end to end through app.request: genuine deliveries reach the route with the
// verified event on the context; everything else is answered 400/401 with a reason code.
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { Hono } from 'hono';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import {
  airwallexHmacScheme,
  createWebhookMiddleware,
  createWebhookRouter,
  sendgridEcdsaScheme,
  stripeV1Scheme,
  webhookFailureStatus,
  type WebhookVerifyOutcome,
} from '../../runtime/webhooks.ts';

// The official SDK of the stripe-v1 scheme signs the deliveries (an oracle, no network).
const stripe = new Stripe('sk_test_oracle_only_no_network');
const SECRET = 'whsec_hono_test';

interface EnvelopedEvent {
  id: string;
  type: string;
}

type Bindings = { WEBHOOK_SECRET: string };

function stripeV1App() {
  const app = new Hono<{ Bindings: Bindings }>();
  const seen: string[] = [];
  const router = createWebhookRouter<{ 'payment_intent.succeeded': EnvelopedEvent }>(
    { 'payment_intent.succeeded': (event) => void seen.push(event.id) },
    { discriminator: 'type' },
  );
  app.post(
    '/stripe-v1',
    createWebhookMiddleware<EnvelopedEvent, { Bindings: Bindings }>(stripeV1Scheme, { secret: (c) => c.env.WEBHOOK_SECRET }),
    async (c) => {
      const event = c.get('webhookEvent');
      const report = await router.dispatch(event);
      return c.json({ received: event.type, handled: report.handled });
    },
  );
  return { app, seen };
}

const env: Bindings = { WEBHOOK_SECRET: SECRET };

describe('Hono webhook middleware', () => {
  it('passes a genuine stripe-v1 delivery to the route with the typed event', async () => {
    const { app, seen } = stripeV1App();
    const payload = JSON.stringify({ id: 'evt_1', type: 'payment_intent.succeeded', data: { object: {} } });
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    const response = await app.request('/stripe-v1', { method: 'POST', body: payload, headers: { 'Stripe-Signature': header } }, env);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: 'payment_intent.succeeded', handled: ['payment_intent.succeeded'] });
    expect(seen).toEqual(['evt_1']);
  });

  it('answers 401 for a bad signature, a stale timestamp or a missing header, and 400 for malformed input', async () => {
    const { app, seen } = stripeV1App();
    const payload = JSON.stringify({ id: 'evt_2', type: 'payment_intent.succeeded' });
    const good = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    const stale = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp: Math.floor(Date.now() / 1000) - 3600 });
    const notJson = 'definitely not json';
    const cases: { body: string; headers: Record<string, string>; status: number; error: string }[] = [
      { body: payload + ' ', headers: { 'Stripe-Signature': good }, status: 401, error: 'signature-mismatch' },
      { body: payload, headers: { 'Stripe-Signature': stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_other' }) }, status: 401, error: 'signature-mismatch' },
      { body: payload, headers: { 'Stripe-Signature': stale }, status: 401, error: 'timestamp-out-of-tolerance' },
      { body: payload, headers: {}, status: 401, error: 'missing-header' },
      { body: payload, headers: { 'Stripe-Signature': 'garbage' }, status: 400, error: 'malformed-header' },
      { body: notJson, headers: { 'Stripe-Signature': stripe.webhooks.generateTestHeaderString({ payload: notJson, secret: SECRET }) }, status: 400, error: 'unparsable-body' },
    ];
    for (const { body, headers, status, error } of cases) {
      const response = await app.request('/stripe-v1', { method: 'POST', body, headers }, env);
      expect({ status: response.status, body: await response.json() }).toEqual({ status, body: { error } });
      expect(status).toBe(webhookFailureStatus[error as keyof typeof webhookFailureStatus]);
    }
    expect(seen).toEqual([]);
  });

  it('verifies the bytes as received, even when they are not UTF-8 text', async () => {
    const app = new Hono();
    app.post('/airwallex-hmac', createWebhookMiddleware<unknown>(airwallexHmacScheme, { secret: 'k' }), (c) => c.text('ok'));
    const bytes = Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const timestamp = String(Date.now());
    const signature = createHmac('sha256', 'k').update(timestamp).update(bytes).digest('hex');
    const response = await app.request('/airwallex-hmac', { method: 'POST', body: bytes, headers: { 'x-timestamp': timestamp, 'x-signature': signature } });
    // Authentic bytes, but not the JSON text the route expects: refused as unparsable, not as forged.
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'unparsable-body' });
  });

  it('hands a sendgrid-ecdsa batch to the route and dispatches each event by its `event` field', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const key = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    type Item = { event: string; email: string };
    const opened: string[] = [];
    const router = createWebhookRouter<{ open: Item; click: Item }>({ open: (e) => void opened.push(e.email) }, { discriminator: 'event' });
    const app = new Hono();
    app.post('/sendgrid-ecdsa', createWebhookMiddleware<Item[]>(sendgridEcdsaScheme, { secret: [key] }), async (c) => c.json(await router.dispatch(c.get('webhookEvent'))));
    const payload = '[{"event":"open","email":"a@x.test"},\r\n{"event":"bounce","email":"b@x.test"},\r\n{"event":"open","email":"c@x.test"}]\r\n';
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign('sha256', Buffer.from(timestamp + payload), privateKey).toString('base64');
    const headers = { 'X-Twilio-Email-Event-Webhook-Signature': signature, 'X-Twilio-Email-Event-Webhook-Timestamp': timestamp };
    const response = await app.request('/sendgrid-ecdsa', { method: 'POST', body: payload, headers });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ handled: ['open', 'open'], unhandled: ['bounce'] });
    expect(opened).toEqual(['a@x.test', 'c@x.test']);
    const tampered = await app.request('/sendgrid-ecdsa', { method: 'POST', body: payload.replace('a@x', 'z@x'), headers });
    expect(tampered.status).toBe(401);
  });
});

describe('Hono webhook middleware: body size cap', () => {
  const MiB = 1024 * 1024;

  /** A stripe-v1 receiver whose route counts its runs and echoes the body it can still read. */
  function cappedApp(maxBodyBytes?: number) {
    const app = new Hono();
    const runs: number[] = [];
    const outcomes: WebhookVerifyOutcome[] = [];
    const options = { secret: SECRET, onVerified: (_: unknown, outcome: WebhookVerifyOutcome) => void outcomes.push(outcome) };
    app.post('/stripe-v1', createWebhookMiddleware<EnvelopedEvent>(stripeV1Scheme, maxBodyBytes === undefined ? options : { ...options, maxBodyBytes }), async (c) => {
      runs.push(1);
      return c.json({ id: c.get('webhookEvent').id, length: (await c.req.text()).length });
    });
    return { app, runs, outcomes };
  }

  /** A stripe-v1-signed event of exactly `size` bytes. */
  function signedEvent(size: number) {
    const head = '{"id":"evt_big","type":"payment_intent.succeeded","pad":"';
    const payload = head + 'x'.repeat(size - head.length - 2) + '"}';
    return { payload, header: stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }) };
  }

  /** A body streamed in 64 KiB chunks on demand, `total` bytes in all, counting the chunks read. */
  function streamedBody(total: number) {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const state = { pulled: 0 };
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (state.pulled * chunk.length >= total) return controller.close();
          state.pulled++;
          controller.enqueue(chunk.slice());
        },
      },
      { highWaterMark: 0 },
    );
    return { stream, state };
  }

  it('accepts a genuine delivery of exactly 1 MiB by default, and answers 413 one byte over without running the route', async () => {
    const { app, runs, outcomes } = cappedApp();
    const fits = signedEvent(MiB);
    const ok = await app.request('/stripe-v1', { method: 'POST', body: fits.payload, headers: { 'Stripe-Signature': fits.header } });
    expect(ok.status).toBe(200);
    // The route still reads the body through Hono after the middleware consumed the stream.
    expect(await ok.json()).toEqual({ id: 'evt_big', length: MiB });
    const over = signedEvent(MiB + 1);
    const refused = await app.request('/stripe-v1', { method: 'POST', body: over.payload, headers: { 'Stripe-Signature': over.header } });
    expect(refused.status).toBe(413);
    expect(await refused.json()).toEqual({ error: 'body-too-large' });
    expect(runs).toHaveLength(1);
    expect(outcomes).toEqual([{ ok: true, events: 1 }, { ok: false, reason: 'body-too-large' }]);
  });

  it('takes its limit from maxBodyBytes', async () => {
    const { app, runs } = cappedApp(200);
    const fits = signedEvent(200);
    const over = signedEvent(201);
    expect((await app.request('/stripe-v1', { method: 'POST', body: fits.payload, headers: { 'Stripe-Signature': fits.header } })).status).toBe(200);
    expect((await app.request('/stripe-v1', { method: 'POST', body: over.payload, headers: { 'Stripe-Signature': over.header } })).status).toBe(413);
    expect(runs).toHaveLength(1);
    expect(() => createWebhookMiddleware(stripeV1Scheme, { secret: SECRET, maxBodyBytes: -1 })).toThrow(RangeError);
  });

  it.each([
    ['a chunked body with no Content-Length', {}],
    ['a body whose Content-Length claims 100 bytes', { 'content-length': '100' }],
  ])('stops reading %s once it passes the cap', async (_, headers: Record<string, string>) => {
    const { app, runs } = cappedApp();
    const { stream, state } = streamedBody(8 * MiB);
    const request = new Request('http://receiver.test/stripe-v1', { method: 'POST', body: stream, headers, duplex: 'half' } as RequestInit);
    if (headers['content-length']) expect(request.headers.get('content-length')).toBe('100');
    const response = await app.request(request);
    expect(response.status).toBe(413);
    expect(runs).toHaveLength(0);
    // 16 chunks make 1 MiB; the 17th passes the cap and reading stops there (of 128).
    expect(state.pulled).toBe(17);
  });

  it('refuses a declared Content-Length over the cap without reading the body', async () => {
    const { app, runs } = cappedApp(1000);
    const { stream, state } = streamedBody(64 * 1024);
    const request = new Request('http://receiver.test/stripe-v1', { method: 'POST', body: stream, headers: { 'content-length': '1001' }, duplex: 'half' } as RequestInit);
    expect((await app.request(request)).status).toBe(413);
    expect(runs).toHaveLength(0);
    expect(state.pulled).toBe(0);
  });
});
