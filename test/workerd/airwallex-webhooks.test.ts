// Airwallex's generated webhook receiver inside workerd: `x-signature` is the hex HMAC-SHA256 of the
// `x-timestamp` text (milliseconds) followed by the body, under the webhook secret.
import { createAirwallexWebhookRoutes } from '../../generated/airwallex/routes.ts';
import { describeVendorReceiver, hmacHex, type ReceiverApp } from './vendor-receiver.ts';

const SECRET = 'airwallex_workerd_test_only';

describeVendorReceiver('airwallex', async () => ({
  routes: (options) => createAirwallexWebhookRoutes(options as never) as unknown as ReceiverApp,
  path: '/webhooks/airwallex',
  secret: SECRET,
  eventName: 'payment_intent.succeeded',
  payload: (id) => ({ id, name: 'payment_intent.succeeded', account_id: 'acct_1', data: { object: { id: 'int_1', amount: 20, currency: 'USD' } } }),
  sign: async (body, seconds) => ({ 'x-timestamp': String(seconds * 1000), 'x-signature': await hmacHex(SECRET, `${seconds * 1000}${body}`) }),
  forge: async (body, seconds) => ({ 'x-timestamp': String(seconds * 1000), 'x-signature': await hmacHex('not_the_secret', `${seconds * 1000}${body}`) }),
}));
