// The payments example's routes (written by `svcgen init --example payments`; yours to edit):
//   POST /payments        create a payment with Stripe or Airwallex; the idempotency key is derived
//                         from the order id, so a retried or repeated request never charges twice
//   GET  /fx/:sell/:buy   the current Airwallex FX rate, cached in KV for 60 seconds
import { Hono } from 'hono';
import { isApiError } from 'svcgen/runtime';
// The namespace import lets the bundler drop the zod it does not use; `import { z }` keeps all of it (locales too).
import * as z from 'zod';
import { createPaymentIntent, getCurrentFxRateUsingGET } from '../../generated/airwallex/operations.js';
import { postPaymentIntents } from '../../generated/stripe/operations.js';
import type { Env } from '../env.ts';
import { airwallex, stripe } from './clients.ts';

const order = z.strictObject({
  orderId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  /** Minor units (cents). */
  amount: z.number().int().positive(),
  currency: z.string().regex(/^[A-Za-z]{3}$/),
  email: z.email(),
  vendor: z.enum(['stripe', 'airwallex']).default('stripe'),
});

const currency = z.string().regex(/^[A-Z]{3}$/);
export const FX_TTL_SECONDS = 60;

const app = new Hono<{ Bindings: Env }>();

// A vendor's refusal of the caller's input passes through as 400; anything else from the vendor is a 502.
app.onError((err, c) => {
  if (isApiError(err)) return c.json({ error: err.code ?? 'vendor_error', message: err.message, requestId: err.requestId }, err.status === 400 ? 400 : 502);
  console.error(err);
  return c.json({ error: 'internal_error' }, 500);
});

app.post('/payments', async (c) => {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    return c.json({ error: 'invalid_json' }, 400);
  }
  const parsed = order.safeParse(json);
  if (!parsed.success) return c.json({ error: 'invalid_request', issues: parsed.error.issues.map((i) => ({ path: i.path, message: i.message })) }, 400);
  const { orderId, amount, currency: code, email, vendor } = parsed.data;
  const idempotencyKey = `order-${orderId}`;
  if (vendor === 'stripe') {
    const intent = await postPaymentIntents(
      stripe(c.env),
      { body: { amount, currency: code.toLowerCase(), receipt_email: email, metadata: { order_id: orderId } } },
      { idempotencyKey },
    );
    return c.json({ vendor, id: intent.id, status: intent.status }, 201);
  }
  const intent = await createPaymentIntent(airwallex(c.env), {
    body: { request_id: idempotencyKey, merchant_order_id: orderId, amount: amount / 100, currency: code.toUpperCase(), metadata: { email } },
  });
  return c.json({ vendor, id: intent.id, status: intent.status }, 201);
});

app.get('/fx/:sell/:buy', async (c) => {
  const sell = currency.safeParse(c.req.param('sell'));
  const buy = currency.safeParse(c.req.param('buy'));
  if (!sell.success || !buy.success) return c.json({ error: 'invalid_currency' }, 400);
  const key = `fx:${sell.data}:${buy.data}`;
  const cached = await c.env.CACHE.get(key, 'json');
  if (cached) return c.json({ ...(cached as object), cached: true });
  const rate = await getCurrentFxRateUsingGET(airwallex(c.env), { params: { query: { sell_currency: sell.data, buy_currency: buy.data } } });
  const value = { sell: sell.data, buy: buy.data, rate: rate.rate, fetchedAt: new Date().toISOString() };
  // KV's shortest expiry is 60 s, which is the cache lifetime asked for.
  await c.env.CACHE.put(key, JSON.stringify(value), { expirationTtl: FX_TTL_SECONDS });
  return c.json({ ...value, cached: false });
});

export default app;
