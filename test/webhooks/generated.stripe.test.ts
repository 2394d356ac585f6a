// End to end on Stripe's real spec: its webhook model (every enabled_events type), and the emitted
// webhooks.ts compiled with type tests under tsconfig.worker.json. The type tests prove that a
// handler sees its own event's object type and cannot read another's; a negative file that must
// fail to compile shows they can fail.
import { beforeAll, describe, expect, it } from 'vitest';
import { deref, getAtPointer } from '../../generator/json-pointer.ts';
import { generateWebhooks, typecheckBeside, type GeneratedWebhooks } from './support/generated-webhooks.ts';

const TYPE_TESTS = `import { Hono } from 'hono';
import { createStripeWebhookRouter, stripeWebhookMiddleware, verifyStripeWebhook, type StripeWebhookEventName } from './webhooks.ts';

createStripeWebhookRouter({
  'payment_intent.succeeded': (event) => {
    const amount: number = event.data.object.amount;
    const type: 'payment_intent.succeeded' = event.type;
    return [amount, type, event.id, event.created];
  },
  'issuing_card.created': (event) => event.data.object.cardholder.id,
  'checkout.session.completed': (event) => event.data.object.mode,
  'customer.subscription.created': (event) => {
    // @ts-expect-error a subscription event carries a subscription, which has no amount
    return event.data.object.amount;
  },
  'invoice.paid': (event) => {
    // @ts-expect-error an invoice event's type is pinned to its own name
    const type: 'charge.succeeded' = event.type;
    return type;
  },
  'sku.created': (event) => event.data.object['anything'],
});

createStripeWebhookRouter({
  // @ts-expect-error not an event type in this API version
  'payment_intent.exploded': () => undefined,
});

export async function route(body: ArrayBuffer, headers: Headers): Promise<StripeWebhookEventName | undefined> {
  const result = await verifyStripeWebhook(body, headers, ['whsec_old', 'whsec_new'], { toleranceSeconds: 60 });
  return result.ok ? result.event.type : undefined;
}

type Env = { Bindings: { STRIPE_WEBHOOK_SECRET: string } };
new Hono<Env>().post('/stripe', stripeWebhookMiddleware<Env>({ secret: (c) => c.env.STRIPE_WEBHOOK_SECRET }), (c) => c.text(c.get('webhookEvent').type));
`;

const NEGATIVE = `import { createStripeWebhookRouter } from './webhooks.ts';\ncreateStripeWebhookRouter({ 'customer.subscription.created': (event) => event.data.object.amount });\n`;

let generated: GeneratedWebhooks;

beforeAll(async () => {
  generated = await generateWebhooks('stripe');
}, 240_000);

describe('webhook models of the real specs', () => {
  it('Stripe: every enabled_events type but `*`, each typed by a derived schema except the 7 this version does not describe', () => {
    const { document, model } = generated;
    const pointer = '/paths/~1v1~1webhook_endpoints/post/requestBody/content/application~1x-www-form-urlencoded/schema/properties/enabled_events/items/enum';
    const names = (getAtPointer(document, pointer.replace(/^#/, '')) as string[]).filter((n) => n !== '*');
    expect(names).toHaveLength(222);
    expect(model.events.map((e) => e.name)).toEqual([...names].sort());
    const untyped = model.events.filter((e) => !e.schema).map((e) => e.name);
    expect(untyped).toEqual(['order.created', 'recipient.created', 'recipient.deleted', 'recipient.updated', 'sku.created', 'sku.deleted', 'sku.updated']);
    for (const event of model.events.filter((e) => e.schema)) {
      expect(deref(document, event.schema), event.name).toBeDefined();
    }
    const objectOf = (name: string) => model.events.find((e) => e.name === name)?.schema?.$ref;
    expect(objectOf('payment_intent.succeeded')).toBe('#/components/schemas/payment_intent');
    expect(objectOf('customer.subscription.created')).toBe('#/components/schemas/subscription');
    expect(objectOf('issuing_card.created')).toBe('#/components/schemas/issuing.card');
    expect(objectOf('checkout.session.completed')).toBe('#/components/schemas/checkout.session');
  });
});

describe('generated webhooks.ts', () => {
  let diagnostics: string[] = [];
  beforeAll(async () => {
    diagnostics = await typecheckBeside(generated, { 'type-tests.ts': TYPE_TESTS, 'negative.ts': NEGATIVE });
  }, 240_000);

  it('compiles under tsconfig.worker.json with handlers typed per event', () => {
    expect(diagnostics.filter((d) => !d.includes('negative.ts'))).toEqual([]);
  });

  it("fails to compile when a handler reads another event's object (the type tests can fail)", () => {
    const errors = diagnostics.filter((d) => d.includes('negative.ts'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/negative\.ts:2 .*amount/);
  });
});
