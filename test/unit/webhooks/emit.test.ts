// The webhook emitter's text. Whether that text compiles against openapi-typescript's types is
// checked in test/webhooks/generated.<vendor>.test.ts (it needs the TypeScript compiler, too slow
// for unit).
import { describe, expect, it } from 'vitest';
import { emitWebhooks } from '../../../generator/emit/webhooks.ts';
import type { WebhookModel } from '../../../generator/model/types.ts';

const enveloped: WebhookModel = {
  scheme: 'stripe-v1',
  delivery: 'object',
  discriminator: 'type',
  toleranceSeconds: 300,
  envelope: { $ref: '#/components/schemas/event' },
  objectPath: ['data', 'object'],
  headers: { signature: 'Acme-Signature' },
  events: [
    { name: 'customer.subscription.created', schema: { $ref: '#/components/schemas/subscription' } },
    { name: 'issuing_card.created', schema: { $ref: '#/components/schemas/issuing.card' } },
    { name: 'payment_intent.succeeded', schema: { $ref: '#/components/schemas/payment_intent' }, description: 'A payment succeeded.' },
    { name: 'customer.source.created', schema: { anyOf: [{ $ref: '#/components/schemas/card' }, { $ref: '#/components/schemas/source' }] } },
    { name: 'sku.created', schema: undefined, description: 'Its object is not described in this version of the spec.' },
  ],
};

const batched: WebhookModel = {
  scheme: 'sendgrid-ecdsa',
  delivery: 'array',
  discriminator: 'event',
  toleranceSeconds: 120,
  namePrefix: 'MailerCo',
  headers: { signature: 'X-Sig', timestamp: 'X-Ts' },
  events: [
    { name: 'open', schema: { $ref: '#/components/schemas/Open' } },
    { name: 'click', schema: { type: 'object', required: ['url'], properties: { url: { type: 'string' }, n: { type: 'integer' } }, additionalProperties: false } },
  ],
};

describe('emitWebhooks', () => {
  const envelopedOut = emitWebhooks({ vendor: 'acme', webhooks: enveloped });

  it('types each event by name over the shared envelope, from openapi-typescript components', () => {
    expect(envelopedOut).toContain("import type { components } from './types.js';");
    expect(envelopedOut).toContain("type Event<Name extends string, Obj> = EnvelopedEvent<Schemas['event'], 'type', Name, ['data', 'object'], Obj>;");
    expect(envelopedOut).toContain("  'payment_intent.succeeded': Event<'payment_intent.succeeded', Schemas['payment_intent']>;");
    expect(envelopedOut).toContain("  'issuing_card.created': Event<'issuing_card.created', Schemas['issuing.card']>;");
    expect(envelopedOut).toContain("  'customer.source.created': Event<'customer.source.created', (Schemas['card'] | Schemas['source'])>;");
    expect(envelopedOut).toContain("  'sku.created': Event<'sku.created', { [key: string]: unknown }>;");
    expect(envelopedOut).toContain('  /** A payment succeeded. */');
  });

  it('binds the scheme chosen by id, with the profile defaults', () => {
    expect(envelopedOut).toContain('  stripeV1Scheme as scheme,');
    // The verifier is called directly, so a bundle that only verifies carries no scheme object.
    expect(envelopedOut).toContain('  verifyStripeV1 as verifyScheme,');
    expect(envelopedOut).toContain('  return verifyScheme(body, headers, secret, { ...defaults, ...options }) as Promise<VerifyResult<AcmeWebhookPayload>>;');
    expect(envelopedOut).not.toContain('verifyWithScheme');
    expect(envelopedOut).toContain("from 'svcgen/runtime/webhooks';");
    expect(envelopedOut).toContain("const defaults = { toleranceSeconds: 300, signatureHeader: 'Acme-Signature' } as const satisfies VerifyOptions;");
    expect(envelopedOut).toContain('export function verifyAcmeWebhook(');
    expect(envelopedOut).toContain('export function createAcmeWebhookRouter(');
    expect(envelopedOut).toContain('export function acmeWebhookMiddleware<E extends Env = Env>(');
    expect(envelopedOut).toContain('export type AcmeWebhookPayload = AcmeWebhookEvent;');
    expect(envelopedOut).toContain("{ ...options, discriminator: 'type' }");
  });

  it('emits batches as arrays and whole-event schemas with the name pinned', () => {
    const out = emitWebhooks({ vendor: 'mailer', webhooks: batched });
    expect(out).toContain('  sendgridEcdsaScheme as scheme,');
    expect(out).toContain("type Event<Name extends string, Ev> = NamedEvent<Ev, 'event', Name>;");
    expect(out).toContain('export type MailerCoWebhookPayload = MailerCoWebhookEvent[];');
    expect(out).toContain("  click: Event<'click', { url: string; n?: number }>;");
    expect(out).toContain("  open: Event<'open', Schemas['Open']>;");
    expect(out).toContain("const defaults = { toleranceSeconds: 120, signatureHeader: 'X-Sig', timestampHeader: 'X-Ts' } as const satisfies VerifyOptions;");
    expect(out).toContain('export function mailerCoWebhookMiddleware<');
  });

  it('is deterministic and takes the display name when the profile gives no prefix', () => {
    expect(emitWebhooks({ vendor: 'acme', webhooks: structuredClone(enveloped) })).toBe(envelopedOut);
    expect(emitWebhooks({ vendor: 'acme-pay', displayName: 'AcmePay', webhooks: enveloped })).toContain('export function verifyAcmePayWebhook(');
    expect(emitWebhooks({ vendor: 'acme-pay', webhooks: enveloped })).toContain('export function verifyAcmePayWebhook(');
  });

  it('refuses a scheme the runtime does not implement', () => {
    expect(() => emitWebhooks({ vendor: 'acme', webhooks: { ...enveloped, scheme: 'rot13' } })).toThrow(/no scheme 'rot13'/);
  });
});
