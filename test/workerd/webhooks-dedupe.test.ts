// Inside workerd: verified deliveries run their handler exactly once per event id with the
// WebhookDedupe Durable Object store — 100 concurrent copies of one event, redeliveries out of
// order, a failing handler that the redelivery runs again — and, as the control, the same
// concurrent deliveries without the store run the handler once per copy.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { acmeReceiver, inlineRuns, signedDelivery, type AcmeEvent, type WebhookEnv } from './acme-webhooks.ts';
import type { WebhookPoint } from '../../runtime/log/analytics.ts';

const bindings = env as WebhookEnv;
let sequence = 0;
const uniqueId = (label: string) => `evt_${label}_${Date.now()}_${sequence++}`;

function paid(id: string, data: Partial<AcmeEvent['data']> = {}): AcmeEvent {
  return { id, type: 'order.paid', data: { order: `ord_${id}`, ...data } };
}

async function deliver(app: ReturnType<typeof acmeReceiver>, event: AcmeEvent): Promise<{ status: number; body: any }> {
  const response = await app.request('/webhooks/acme', await signedDelivery(event));
  return { status: response.status, body: await response.json() };
}

describe('exactly-once webhook processing with the Durable Object store', () => {
  it('dispatches a signed delivery once, and rejects a forged one without running anything', async () => {
    const points: WebhookPoint[] = [];
    const app = acmeReceiver(bindings, { points });
    const event = paid(uniqueId('single'));
    expect(await deliver(app, event)).toEqual({ status: 200, body: { received: true, handled: 1, duplicate: 0, unhandled: 0 } });
    expect(inlineRuns(event.id)).toBe(1);

    const forged = await app.request('/webhooks/acme', await signedDelivery(paid(uniqueId('forged')), 'not_the_secret'));
    expect(forged.status).toBe(401);
    expect(points.map((p) => [p.outcome, p.detail])).toEqual([
      ['verified', undefined],
      ['handled', undefined],
      ['rejected', 'signature-mismatch'],
    ]);
  });

  it('the same event delivered 100 times concurrently runs its handler once; the others answer duplicate', async () => {
    const app = acmeReceiver(bindings);
    // The handler takes a while, so the copies overlap its run and must wait on the claim.
    const event = paid(uniqueId('burst'), { sleepMs: 200 });
    const answers = await Promise.all(Array.from({ length: 100 }, () => deliver(app, event)));
    expect(inlineRuns(event.id)).toBe(1);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.body.handled === 1)).toHaveLength(1);
    expect(answers.filter((a) => a.body.duplicate === 1)).toHaveLength(99);
  });

  it('control: without the store the same 100 concurrent deliveries run the handler 100 times', async () => {
    const app = acmeReceiver(bindings, { dedupe: false });
    const event = paid(uniqueId('control'), { sleepMs: 20 });
    const answers = await Promise.all(Array.from({ length: 100 }, () => deliver(app, event)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(inlineRuns(event.id)).toBe(100);
  });

  it('out-of-order and repeated redeliveries of several events run each handler once', async () => {
    const app = acmeReceiver(bindings);
    const [a, b, c] = [paid(uniqueId('a')), paid(uniqueId('b')), { ...paid(uniqueId('c')), type: 'order.refunded' as const }];
    for (const event of [a, b, c]) expect((await deliver(app, event)).body.handled).toBe(1);
    const redeliveries = [c, a, b, a, c, c, b, a];
    const answers = [];
    for (const event of redeliveries) answers.push(await deliver(app, event));
    // And a concurrent mix of all three, in reverse order.
    answers.push(...(await Promise.all([c, b, a, c, b, a].map((event) => deliver(app, event)))));
    expect(answers.every((x) => x.status === 200 && x.body.duplicate === 1 && x.body.handled === 0)).toBe(true);
    expect([inlineRuns(a.id), inlineRuns(b.id), inlineRuns(c.id)]).toEqual([1, 1, 1]);
  });

  it('a handler failure answers 500 and leaves the event unclaimed: the redelivery runs it again, then never again', async () => {
    const app = acmeReceiver(bindings);
    const event = paid(uniqueId('flaky'), { failTimes: 1 });
    const first = await app.request('/webhooks/acme', await signedDelivery(event));
    expect(first.status).toBe(500);
    expect(inlineRuns(event.id)).toBe(1);
    expect(await deliver(app, event)).toEqual({ status: 200, body: { received: true, handled: 1, duplicate: 0, unhandled: 0 } });
    expect(inlineRuns(event.id)).toBe(2);
    expect((await deliver(app, event)).body).toEqual({ received: true, handled: 0, duplicate: 1, unhandled: 0 });
    expect(inlineRuns(event.id)).toBe(2);
  });

  it('a duplicate arriving while the first is still running past the wait is answered 409 with Retry-After, not run', async () => {
    const { handleDelivery } = await import('../../runtime/webhooks/delivery.ts');
    const { createWebhookRouter } = await import('../../runtime/webhooks/router.ts');
    const { durableDedupeStore } = await import('../../runtime/durable/dedupe-store.ts');
    let runs = 0;
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const router = createWebhookRouter<{ 'order.paid': AcmeEvent }>({ 'order.paid': async () => void (runs++, await gate) }, { discriminator: 'type' });
    const dedupe = { store: durableDedupeStore(bindings.WEBHOOK_DEDUPE), namespace: 'acme-slow', eventId: 'id', waitMs: 100 };
    const event = paid(uniqueId('slow'));
    const first = handleDelivery(event, { router, discriminator: 'type', source: 'acme', dedupe });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await handleDelivery(event, { router, discriminator: 'type', source: 'acme', dedupe });
    expect(second.status).toBe(409);
    expect(second.status === 409 && second.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    finish();
    expect((await first).status).toBe(200);
    expect(runs).toBe(1);
  });
});
