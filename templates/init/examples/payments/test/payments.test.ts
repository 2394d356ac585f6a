// The payments example inside workerd (written by `svcgen init --example payments`), against the
// fake vendor: a payment is created with an idempotency key derived from the order id, and a
// vendor that fails twice is retried with that same key; a bad body gets 400 and no vendor call;
// the FX rate is cached in KV for 60 s; a payment-succeeded webhook from either vendor sends one
// confirmation email through SendGrid from the Queue consumer, however often it is delivered.
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Env } from '../src/env.ts';
import worker from '../src/index.ts';
import type { Job } from '../src/jobs.ts';
import { answerWith, resetFakeVendor, vendorCalls, type VendorCall } from './support/fake-vendor.ts';
import { delivery, fixture } from './support/deliveries.ts';

const app = (exports as unknown as { default: { fetch(request: Request): Promise<Response> } }).default;
const bindings = env as Env;

function post(path: string, body: unknown): Request {
  return new Request(`https://worker.test${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

const isLogin = (call: VendorCall) => call.url.pathname.endsWith('/authentication/login');
const login = () => Response.json({ token: 'fake-token', expires_at: new Date(Date.now() + 3_600_000).toISOString() }, { status: 201 });
const calls = (host: string) => vendorCalls.filter((c) => c.url.hostname.includes(host) && !isLogin(c));

beforeEach(() => resetFakeVendor());

describe('POST /payments', () => {
  it('a Stripe payment whose vendor fails twice succeeds through the retry with one idempotency key', async () => {
    let failures = 2;
    answerWith(() => (failures-- > 0 ? Response.json({ error: { type: 'api_error', message: 'try again' } }, { status: 503 }) : Response.json({ id: 'pi_fake', object: 'payment_intent', status: 'requires_payment_method' })));
    const response = await app.fetch(post('/payments', { orderId: 'A-1001', amount: 2500, currency: 'usd', email: 'buyer@example.com' }));
    expect(response.status, await response.clone().text()).toBe(201);
    expect(await response.json()).toEqual({ vendor: 'stripe', id: 'pi_fake', status: 'requires_payment_method' });
    const attempts = calls('stripe');
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((c) => c.headers.get('idempotency-key')))).toEqual(new Set(['order-A-1001']));
    expect(new URLSearchParams(attempts[0]!.body).get('metadata[order_id]')).toBe('A-1001');
  });

  it('an Airwallex payment carries the order-derived request_id on every attempt', async () => {
    let failures = 1;
    answerWith((call) => (isLogin(call) ? login() : failures-- > 0 ? new Response('busy', { status: 503 }) : Response.json({ id: 'int_fake', status: 'REQUIRES_PAYMENT_METHOD' }, { status: 201 })));
    const response = await app.fetch(post('/payments', { orderId: 'B-7', amount: 1999, currency: 'usd', email: 'buyer@example.com', vendor: 'airwallex' }));
    expect(response.status, await response.clone().text()).toBe(201);
    const attempts = calls('airwallex');
    expect(attempts).toHaveLength(2);
    expect(attempts.map((c) => JSON.parse(c.body).request_id)).toEqual(['order-B-7', 'order-B-7']);
    expect(JSON.parse(attempts[0]!.body)).toMatchObject({ merchant_order_id: 'B-7', amount: 19.99, currency: 'USD' });
  });

  it('a bad body gets 400 and no vendor call', async () => {
    for (const body of ['{not json', { orderId: 'x', amount: -5, currency: 'usd', email: 'buyer@example.com' }, { orderId: 'x', amount: 5, currency: 'usd', email: 'not-an-email' }]) {
      const response = await app.fetch(post('/payments', body));
      expect(response.status).toBe(400);
    }
    expect(vendorCalls).toEqual([]);
  });

  it('the scaffolded Stripe route retries a vendor that fails twice with one generated idempotency key', async () => {
    let failures = 2;
    answerWith(() => (failures-- > 0 ? Response.json({ error: { type: 'api_error' } }, { status: 500 }) : Response.json({ id: 'pi_scaffolded', object: 'payment_intent' })));
    const response = await app.fetch(post('/v1/payment_intents', { amount: 2000, currency: 'usd' }));
    expect(response.status, await response.clone().text()).toBe(200);
    const attempts = calls('stripe');
    expect(attempts).toHaveLength(3);
    const keys = new Set(attempts.map((c) => c.headers.get('idempotency-key')));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toBeTruthy();
  });

  it('the scaffolded Stripe route checks its body with the operation schema: 400 and no vendor call', async () => {
    const response = await app.fetch(post('/v1/payment_intents', { amount: 'twenty', currency: 42 }));
    expect(response.status).toBe(400);
    expect(vendorCalls).toEqual([]);
  });
});

describe('GET /fx/:sell/:buy', () => {
  it('asks Airwallex once and serves the rate from KV for 60 seconds', async () => {
    answerWith((call) => (isLogin(call) ? login() : Response.json({ rate: 0.91, sell_currency: 'USD', buy_currency: 'EUR' })));
    const firstResponse = await app.fetch(new Request('https://worker.test/fx/USD/EUR'));
    expect(firstResponse.status, await firstResponse.clone().text()).toBe(200);
    const first = await firstResponse.json();
    const second = await (await app.fetch(new Request('https://worker.test/fx/USD/EUR'))).json();
    expect(first).toMatchObject({ rate: 0.91, cached: false });
    expect(second).toMatchObject({ rate: 0.91, cached: true });
    expect(calls('airwallex')).toHaveLength(1);
    const listed = await bindings.CACHE.list({ prefix: 'fx:USD:EUR' });
    expect(listed.keys).toHaveLength(1);
    const expiresIn = listed.keys[0]!.expiration! - Date.now() / 1000;
    expect(expiresIn).toBeGreaterThan(50);
    expect(expiresIn).toBeLessThanOrEqual(61);
  });
});

describe('confirmation email', () => {
  async function runQueue(messages: Job[]) {
    const batch = createMessageBatch<Job>('jobs', messages.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts: 1, body })));
    const ctx = createExecutionContext();
    await (worker as ExportedHandler<Env, Job>).queue!(batch as MessageBatch<Job>, bindings, ctx);
    return getQueueResult(batch, ctx);
  }

  /** Emails the fake SendGrid received for `orderId`. */
  const emailsFor = (orderId: string) => calls('sendgrid').filter((c) => c.body.includes(orderId));

  async function waitForEmail(orderId: string): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (emailsFor(orderId).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  }

  function deliverSucceeded(vendor: string, orderId: string, id: string) {
    const f = fixture(vendor);
    const event = f.events.find((e) => e.name.endsWith('succeeded'))!.name;
    const fields = vendor === 'stripe'
      ? { data: { object: { metadata: { order_id: orderId }, receipt_email: 'buyer@example.com' } } }
      : { data: { object: { merchant_order_id: orderId, metadata: { email: 'buyer@example.com' } } } };
    return delivery(f, event, { id, fields });
  }

  for (const vendor of ['stripe', 'airwallex']) {
    it(`a ${vendor} payment-succeeded webhook delivered 10 times concurrently, then again, sends one email from the Queue consumer`, async () => {
      const orderId = `C-${vendor}-${crypto.randomUUID().slice(0, 8)}`;
      const id = `evt_${crypto.randomUUID()}`;
      const answers = await Promise.all(Array.from({ length: 10 }, async () => (await app.fetch(await deliverSucceeded(vendor, orderId, id))).status));
      expect(answers.every((s) => s === 200 || s === 409), String(answers)).toBe(true);
      // The webhook answered before any email: the Queue consumer sends it.
      await waitForEmail(orderId);
      expect((await app.fetch(await deliverSucceeded(vendor, orderId, id))).status).toBe(200);
      // The queue may deliver the job itself more than once: the email still goes out once.
      const job: Job = { type: 'confirmation-email', key: orderId, payload: { vendor, orderId, email: 'buyer@example.com' } };
      const redelivered = await runQueue([job, job]);
      expect(redelivered.explicitAcks).toHaveLength(2);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const emails = emailsFor(orderId);
      expect(emails).toHaveLength(1);
      expect(JSON.parse(emails[0]!.body)).toMatchObject({ personalizations: [{ to: [{ email: 'buyer@example.com' }] }], subject: `Payment received for order ${orderId}` });
    });
  }

  it('a SendGrid failure retries the job, and the retry sends the email once', async () => {
    const orderId = `D-${crypto.randomUUID().slice(0, 8)}`;
    const job: Job = { type: 'confirmation-email', key: orderId, payload: { vendor: 'stripe', orderId, email: 'buyer@example.com' } };
    answerWith(() => Response.json({ errors: [{ message: 'bad request' }] }, { status: 400 }));
    const failed = await runQueue([job]);
    expect(failed.retryMessages).toHaveLength(1);
    // SendGrid answers a sent mail with 202 and an empty body.
    answerWith(() => new Response(null, { status: 202, headers: { 'content-length': '0' } }));
    const retried = await runQueue([job]);
    expect(retried.explicitAcks).toHaveLength(1);
    expect(emailsFor(orderId)).toHaveLength(2);
  });
});
