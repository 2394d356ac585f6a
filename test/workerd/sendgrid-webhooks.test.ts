// SendGrid's generated webhook receiver inside workerd: an ECDSA P-256 / SHA-256 signature (base64
// DER) over the timestamp header's text followed by the body, checked with the public key (base64
// SubjectPublicKeyInfo); a key pair made here with workerd's WebCrypto stands in for SendGrid's.
// Deliveries are batches, deduplicated per event by `sg_event_id`.
import { createSendGridWebhookRoutes } from '../../generated/sendgrid/routes.ts';
import { describeVendorReceiver, ecdsaKeyPair, type ReceiverApp } from './vendor-receiver.ts';

const SIGNATURE = 'x-twilio-email-event-webhook-signature';
const TIMESTAMP = 'x-twilio-email-event-webhook-timestamp';

describeVendorReceiver('sendgrid', async () => {
  const [ours, theirs] = [await ecdsaKeyPair(), await ecdsaKeyPair()];
  return {
    routes: (options) => createSendGridWebhookRoutes(options as never) as unknown as ReceiverApp,
    path: '/webhooks/sendgrid',
    secret: ours.publicKey,
    eventName: 'delivered',
    payload: (id) => [{ email: 'a@example.test', timestamp: 1_700_000_000, event: 'delivered', sg_event_id: id, sg_message_id: 'msg_1', response: '250 OK' }],
    sign: async (body, t) => ({ [TIMESTAMP]: String(t), [SIGNATURE]: await ours.sign(`${t}${body}`) }),
    forge: async (body, t) => ({ [TIMESTAMP]: String(t), [SIGNATURE]: await theirs.sign(`${t}${body}`) }),
  };
});
