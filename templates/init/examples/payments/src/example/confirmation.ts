// The payments example's confirmation email (written by `svcgen init --example payments`; yours to
// edit). A payment-succeeded webhook from Stripe or Airwallex enqueues one job keyed by the order
// id; the Queue consumer (src/jobs.ts) runs it once per key and sends the email through SendGrid.
// A SendGrid failure throws, so the queue retries the job, and dead-letters it after max_retries.
import { env } from 'cloudflare:workers';
import { sendMail } from '../../generated/sendgrid/operations.js';
import type { Env } from '../env.ts';
import { enqueue, registerJob } from '../jobs.ts';
import { sendGrid } from './clients.ts';

export interface Confirmation {
  vendor: string;
  orderId: string;
  email: string;
}

/** Where each vendor's payment-succeeded event carries the order id and the buyer's email. */
const readers: Record<string, (object: Record<string, any>) => Partial<Confirmation>> = {
  stripe: (intent) => ({ orderId: intent.metadata?.order_id, email: intent.receipt_email ?? undefined }),
  airwallex: (intent) => ({ orderId: intent.merchant_order_id, email: intent.metadata?.email }),
};

export async function queueConfirmation(vendor: string, event: { data?: { object?: unknown } }): Promise<void> {
  const found = readers[vendor]?.((event.data?.object ?? {}) as Record<string, any>) ?? {};
  if (!found.orderId || !found.email) {
    console.warn(JSON.stringify({ msg: 'payment event without order id or email; no confirmation', vendor }));
    return;
  }
  const confirmation: Confirmation = { vendor, orderId: found.orderId, email: found.email };
  await enqueue(env as unknown as Env, { type: 'confirmation-email', key: confirmation.orderId, payload: confirmation });
}

export const FROM_ADDRESS = 'payments@example.com';

registerJob('confirmation-email', async (payload, jobEnv) => {
  const { orderId, email } = payload as Confirmation;
  await sendMail(sendGrid(jobEnv), {
    body: {
      personalizations: [{ to: [{ email }] }],
      from: { email: FROM_ADDRESS },
      subject: `Payment received for order ${orderId}`,
      content: [{ type: 'text/plain', value: `Thank you: we received your payment for order ${orderId}.` }],
    },
  });
});
