// End to end on SendGrid's real spec: the Event Webhook events, delivered as a batch, and the
// emitted webhooks.ts compiled with type tests under tsconfig.worker.json: a handler sees its own
// event's type and cannot read another's (generated.stripe.test.ts shows such a test can fail).
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWebhooks, typecheckBeside, type GeneratedWebhooks } from './support/generated-webhooks.ts';

const TYPE_TESTS = `import { createSendGridWebhookRouter, sendGridWebhookMiddleware, verifySendGridWebhook } from './webhooks.ts';
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
`;

let generated: GeneratedWebhooks;

beforeAll(async () => {
  generated = await generateWebhooks('sendgrid');
}, 240_000);

describe('webhook models of the real specs', () => {
  it('SendGrid: the eleven Event Webhook events, delivered as a batch', () => {
    const { model } = generated;
    expect(model.delivery).toBe('array');
    expect(model.events.map((e) => e.name)).toEqual(
      ['bounce', 'click', 'deferred', 'delivered', 'dropped', 'group_resubscribe', 'group_unsubscribe', 'open', 'processed', 'spamreport', 'unsubscribe'],
    );
  });
});

describe('generated webhooks.ts', () => {
  it('compiles under tsconfig.worker.json with handlers typed per event', async () => {
    expect(await typecheckBeside(generated, { 'type-tests.ts': TYPE_TESTS })).toEqual([]);
  }, 240_000);
});
