// End to end on the real specs: load each vendor's effective document (our overlays applied),
// build the webhook model, emit webhooks.ts next to openapi-typescript's types.ts, and compile
// both with type tests under tsconfig.worker.json (strict, Web APIs only). The type tests prove
// that a handler sees its own event's object type and cannot read another's.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitWebhooks } from '../../generator/emit/webhooks.ts';
import { loadVendor } from '../../generator/load/index.ts';
import { deref, getAtPointer } from '../../generator/json-pointer.ts';
import type { WebhookModel } from '../../generator/model/types.ts';
import { buildWebhookModel } from '../../generator/model/webhooks.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Inside the project (git-ignored) so `hono` and the `svcgen/runtime/*` self-reference resolve.
const OUT = path.join(ROOT, '.svcgen-cache', 'test-webhooks');

interface Generated {
  document: Record<string, any>;
  model: WebhookModel;
}

const generated = new Map<string, Generated>();

async function generate(vendor: string): Promise<Generated> {
  const loaded = await loadVendor(vendor, { root: ROOT, download: false });
  const model = buildWebhookModel(loaded.document);
  if (!model) throw new Error(`${vendor}: no webhook model`);
  const dir = path.join(OUT, vendor);
  await mkdir(dir, { recursive: true });
  const types = astToString(await openapiTS(loaded.document as never, { silent: true }));
  await writeFile(path.join(dir, 'types.d.ts'), types);
  await writeFile(path.join(dir, 'webhooks.ts'), emitWebhooks({ vendor, webhooks: model }));
  return { document: loaded.document, model };
}

const typeTests: Record<string, string> = {
  stripe: `
import { Hono } from 'hono';
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
`,
  sendgrid: `
import { createSendGridWebhookRouter, sendGridWebhookMiddleware, verifySendGridWebhook } from './webhooks.ts';
import { Hono } from 'hono';

const router = createSendGridWebhookRouter({
  click: (event) => {
    const url: string = event.url;
    const kind: 'click' = event.event;
    return [url, kind, event.email, event.sg_event_id, event.timestamp];
  },
  bounce: (event) => event.type,
  open: (event) => {
    // @ts-expect-error an open event has no url of its own
    const url: string = event.url;
    return url;
  },
});

export async function route(body: string, headers: Record<string, string>): Promise<number> {
  const result = await verifySendGridWebhook(body, headers, 'MFkw...');
  if (!result.ok) return 0;
  const report = await router.dispatch(result.event);
  return report.handled.length + result.event.length;
}

new Hono().post('/sendgrid', sendGridWebhookMiddleware({ secret: 'key' }), (c) => c.json(c.get('webhookEvent').map((e) => e.sg_event_id)));
`,
  airwallex: `
import { airwallexWebhookMiddleware, createAirwallexWebhookRouter } from './webhooks.ts';
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
`,
};

function typecheck(files: string[]): string[] {
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.worker.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${path.relative(ROOT, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

beforeAll(async () => {
  await rm(OUT, { recursive: true, force: true });
  for (const vendor of ['stripe', 'sendgrid', 'airwallex']) generated.set(vendor, await generate(vendor));
}, 240_000);

describe('webhook models of the real specs', () => {
  it('Stripe: every enabled_events type but `*`, each typed by a derived schema except the 7 this version does not describe', () => {
    const { document, model } = generated.get('stripe')!;
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

  it('SendGrid: the eleven Event Webhook events, delivered as a batch', () => {
    const { model } = generated.get('sendgrid')!;
    expect(model.delivery).toBe('array');
    expect(model.events.map((e) => e.name)).toEqual(
      ['bounce', 'click', 'deferred', 'delivered', 'dropped', 'group_resubscribe', 'group_unsubscribe', 'open', 'processed', 'spamreport', 'unsubscribe'],
    );
  });

  it('Airwallex: payment intent, attempt, refund, transfer, conversion and deposit events', () => {
    const { model } = generated.get('airwallex')!;
    const prefixes = new Set(model.events.map((e) => e.name.replace(/\.[^.]+$/, '')));
    expect([...prefixes].sort()).toEqual(['conversion', 'deposit', 'payment_attempt', 'payment_intent', 'payout.transfer', 'refund', 'transfer']);
    for (const name of ['payment_intent.created', 'payment_intent.succeeded', 'payment_intent.cancelled', 'refund.received', 'refund.accepted', 'refund.settled', 'refund.failed', 'payout.transfer.paid', 'transfer.failed']) {
      expect(model.events.some((e) => e.name === name), name).toBe(true);
    }
  });
});

describe('generated webhooks.ts', () => {
  // One program for all vendors (compiling Stripe's types dominates the cost): the type tests, plus
  // one file that must fail, so a type test that cannot fail would show.
  let diagnostics: string[] = [];
  beforeAll(async () => {
    const files: string[] = [];
    for (const [vendor, source] of Object.entries(typeTests)) {
      const file = path.join(OUT, vendor, 'type-tests.ts');
      await writeFile(file, source);
      files.push(file, path.join(OUT, vendor, 'webhooks.ts'));
    }
    const negative = path.join(OUT, 'stripe', 'negative.ts');
    await writeFile(
      negative,
      `import { createStripeWebhookRouter } from './webhooks.ts';\ncreateStripeWebhookRouter({ 'customer.subscription.created': (event) => event.data.object.amount });\n`,
    );
    diagnostics = typecheck([...files, negative]);
  }, 240_000);

  it('compiles under tsconfig.worker.json with handlers typed per event', () => {
    expect(diagnostics.filter((d) => !d.includes('negative.ts'))).toEqual([]);
  });

  it("fails to compile when a handler reads another event's object (the type tests can fail)", () => {
    const errors = diagnostics.filter((d) => d.includes('negative.ts'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/negative\.ts:2 .*amount/);
  });

  it('runs: a generated verifier and router accept a genuine delivery', async () => {
    const { createHmac } = await import('node:crypto');
    // Typed by hand: the generated file does not exist when the project is type-checked.
    const module = (await import(path.join(OUT, 'airwallex', 'webhooks.ts'))) as {
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
