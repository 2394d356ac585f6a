// End to end on Airwallex's real spec: its webhook events by name, and the emitted webhooks.ts
// compiled with type tests under tsconfig.worker.json: a handler sees its own event's type and
// cannot read another's (generated.stripe.test.ts shows such a test can fail).
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWebhooks, typecheckBeside, type GeneratedWebhooks } from './support/generated-webhooks.ts';

const TYPE_TESTS = `import { airwallexWebhookMiddleware, createAirwallexWebhookRouter } from './webhooks.ts';
import { Hono } from 'hono';

createAirwallexWebhookRouter({
  'payment_intent.succeeded': (event) => {
    const name: 'payment_intent.succeeded' = event.name;
    return [name, event.id, event.data.object.amount, event.data.object.status];
  },
  'refund.settled': (event) => event.data.object.payment_intent_id,
  'payout.transfer.paid': (event) => event.data.amount_payer_pays,
  'deposit.settled': (event) => {
    // @ts-expect-error a deposit event's data is the deposit itself, not a wrapper
    const amount: number = event.data.object.amount;
    return amount;
  },
});

new Hono().post('/airwallex', airwallexWebhookMiddleware({ secret: 's' }), (c) => c.text(c.get('webhookEvent').name));
`;

let generated: GeneratedWebhooks;

beforeAll(async () => {
  generated = await generateWebhooks('airwallex');
}, 240_000);

describe('webhook models of the real specs', () => {
  it('Airwallex: payment intent, attempt, refund, transfer, conversion and deposit events', () => {
    const { model } = generated;
    const prefixes = new Set(model.events.map((e) => e.name.replace(/\.[^.]+$/, '')));
    expect([...prefixes].sort()).toEqual(['conversion', 'deposit', 'payment_attempt', 'payment_intent', 'payout.transfer', 'refund', 'transfer']);
    for (const name of ['payment_intent.created', 'payment_intent.succeeded', 'payment_intent.cancelled', 'refund.received', 'refund.accepted', 'refund.settled', 'refund.failed', 'payout.transfer.paid', 'transfer.failed']) {
      expect(model.events.some((e) => e.name === name), name).toBe(true);
    }
  });
});

describe('generated webhooks.ts', () => {
  it('compiles under tsconfig.worker.json with handlers typed per event', async () => {
    expect(await typecheckBeside(generated, { 'type-tests.ts': TYPE_TESTS })).toEqual([]);
  }, 240_000);

  it('runs: a generated verifier and router accept a genuine delivery', async () => {
    const { createHmac } = await import('node:crypto');
    // Typed by hand: the generated file does not exist when the project is type-checked.
    const module = (await import(path.join(generated.dir, 'webhooks.ts'))) as {
      verifyAirwallexWebhook(body: string, headers: Record<string, string>, secret: string): Promise<{ ok: boolean; event?: unknown }>;
      createAirwallexWebhookRouter(handlers: Record<string, (event: { data: { object: Record<string, unknown> } }) => void>): { dispatch(event: unknown): Promise<unknown> };
    };
    const payload = '{"id":"e1","name":"refund.settled","data":{"object":{"payment_intent_id":"pi_1"}}}';
    const timestamp = String(Date.now());
    const signature = createHmac('sha256', 'secret').update(timestamp + payload).digest('hex');
    const result = await module.verifyAirwallexWebhook(payload, { 'x-timestamp': timestamp, 'x-signature': signature }, 'secret');
    expect(result.ok).toBe(true);
    const seen: string[] = [];
    const router = module.createAirwallexWebhookRouter({ 'refund.settled': (event) => void seen.push(String(event.data.object.payment_intent_id)) });
    await router.dispatch(result.event);
    expect(seen).toEqual(['pi_1']);
  });
});
