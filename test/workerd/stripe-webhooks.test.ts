// Stripe's generated webhook receiver inside workerd: `Stripe-Signature: t=…,v1=<HMAC-SHA256 of
// "t.body">` under the endpoint secret (the scheme Stripe documents; the Node suite checks our
// verifier against the official SDK).
import { createStripeWebhookRoutes } from '../../generated/stripe/routes.ts';
import { describeVendorReceiver, hmacHex, type ReceiverApp } from './vendor-receiver.ts';

const SECRET = 'whsec_workerd_test_only';

describeVendorReceiver('stripe', async () => ({
  routes: (options) => createStripeWebhookRoutes(options as never) as unknown as ReceiverApp,
  path: '/webhooks/stripe',
  secret: SECRET,
  eventName: 'payment_intent.succeeded',
  payload: (id) => ({ id, object: 'event', type: 'payment_intent.succeeded', data: { object: { id: 'pi_1', object: 'payment_intent', amount: 2000 } } }),
  sign: async (body, t) => ({ 'stripe-signature': `t=${t},v1=${await hmacHex(SECRET, `${t}.${body}`)}` }),
  forge: async (body, t) => ({ 'stripe-signature': `t=${t},v1=${await hmacHex('whsec_someone_else', `${t}.${body}`)}` }),
}));
