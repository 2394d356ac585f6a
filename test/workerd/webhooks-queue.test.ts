// Inside workerd, through real (miniflare) Queues: the receiver acknowledges a verified delivery
// with 202 by enqueueing it; the Worker's queue() consumer runs the handler exactly once per event
// id, a failing handler is retried by the queue and then succeeds, and one that keeps failing is
// moved by the queue itself (max_retries 2) to the dead-letter queue.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { acmeReceiver, runsOf, signedDelivery, type AcmeEvent, type WebhookEnv } from './acme-webhooks.ts';

const bindings = env as WebhookEnv;
let sequence = 0;
const uniqueId = (label: string) => `evt_q_${label}_${Date.now()}_${sequence++}`;

function paid(id: string, data: Partial<AcmeEvent['data']> = {}): AcmeEvent {
  return { id, type: 'order.paid', data: { order: `ord_${id}`, ...data } };
}

/** Polls until `check` holds; the queue delivers in the background. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the Queue path', () => {
  it('acknowledges with 202, then the consumer runs the handler once, however often the event is delivered', async () => {
    const app = acmeReceiver(bindings, { queue: true });
    const event = paid(uniqueId('once'));
    const answers = await Promise.all(Array.from({ length: 5 }, async () => app.request('/webhooks/acme', await signedDelivery(event))));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202, 202]);
    await eventually(async () => (await runsOf(bindings, event.id)) >= 1);
    // Give any further copies time to be consumed before counting.
    const marker = paid(uniqueId('marker'));
    await app.request('/webhooks/acme', await signedDelivery(marker));
    await eventually(async () => (await runsOf(bindings, marker.id)) === 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await runsOf(bindings, event.id)).toBe(1);
  });

  it('retries a message whose handler throws, and the retry succeeds', async () => {
    const app = acmeReceiver(bindings, { queue: true });
    const event = paid(uniqueId('retry'), { failTimes: 1 });
    expect((await app.request('/webhooks/acme', await signedDelivery(event))).status).toBe(202);
    await eventually(async () => (await runsOf(bindings, event.id)) === 2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await runsOf(bindings, event.id)).toBe(2);
    expect(await bindings.WEBHOOK_LOG.get(`dead:${event.id}`)).toBeNull();
  });

  it('dead-letters a message whose handler keeps failing, after the first try and max_retries (2) retries', async () => {
    const app = acmeReceiver(bindings, { queue: true });
    const event = paid(uniqueId('dead'), { failTimes: 99 });
    expect((await app.request('/webhooks/acme', await signedDelivery(event))).status).toBe(202);
    await eventually(async () => (await bindings.WEBHOOK_LOG.get(`dead:${event.id}`)) === '1');
    expect(await runsOf(bindings, event.id)).toBe(3);
  });
});
