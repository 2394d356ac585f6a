// The webhook model reads only data: the `x-svcgen-webhooks` profile and the document. These
// fixtures are small documents shaped like each vendor's; the profiles are the project's real
// overlays where that matters (the Stripe derivation rules).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildWebhookModel } from '../../../generator/model/webhooks.ts';
import { inputError } from '../../support/input-error.ts';

type Doc = Record<string, any>;

function overlayProfile(vendor: string): Doc {
  const overlay = parse(readFileSync(new URL(`../../../specs/overlays/${vendor}/50-webhooks.yaml`, import.meta.url), 'utf8'));
  return structuredClone(overlay.actions[0].update['x-svcgen-webhooks']);
}

/** A document shaped like Stripe's: the event enum sits behind a `$ref`ed request body. */
function enumDocument(names: string[], profile: Doc = overlayProfile('stripe')): Doc {
  const object = { type: 'object', properties: { id: { type: 'string' } } };
  return {
    openapi: '3.0.0',
    paths: {
      '/v1/webhook_endpoints': {
        post: { requestBody: { $ref: '#/components/requestBodies/endpoint' } },
      },
    },
    components: {
      requestBodies: {
        endpoint: {
          content: {
            'application/x-www-form-urlencoded': {
              schema: { type: 'object', properties: { enabled_events: { type: 'array', items: { type: 'string', enum: names } } } },
            },
          },
        },
      },
      schemas: Object.fromEntries(
        ['event', 'payment_intent', 'subscription', 'issuing.card', 'issuing.authorization', 'checkout.session', 'dispute', 'refund', 'fee_refund', 'application_fee', 'source', 'source_mandate_notification', 'source_transaction', 'payment_source', 'customer', 'treasury.received_credit', 'scheduled_query_run'].map((n) => [n, object]),
      ),
    },
    'x-svcgen-webhooks': profile,
  };
}

function mapping(doc: Doc): Record<string, string | null> {
  const model = buildWebhookModel(doc)!;
  return Object.fromEntries(model.events.map((e) => [e.name, e.schema ? String(e.schema.$ref ?? 'inline') : null]));
}

describe('buildWebhookModel: events from an enum', () => {
  it('derives each event object schema with the Stripe overlay rules and overrides', () => {
    const names = [
      '*',
      'payment_intent.succeeded',
      'customer.subscription.created',
      'customer.created',
      'issuing_card.created',
      'issuing_authorization.request',
      'checkout.session.completed',
      'charge.dispute.closed',
      'charge.refund.updated',
      'application_fee.refund.updated',
      'application_fee.created',
      'customer.source.expiring',
      'source.mandate_notification',
      'source.transaction.created',
      'source.canceled',
      'sigma.scheduled_query_run.created',
      'treasury.received_credit.failed',
      'sku.created',
      'order.created',
    ];
    expect(mapping(enumDocument(names))).toEqual({
      'application_fee.created': '#/components/schemas/application_fee',
      'application_fee.refund.updated': '#/components/schemas/fee_refund',
      'charge.dispute.closed': '#/components/schemas/dispute',
      'charge.refund.updated': '#/components/schemas/refund',
      'checkout.session.completed': '#/components/schemas/checkout.session',
      'customer.created': '#/components/schemas/customer',
      'customer.source.expiring': '#/components/schemas/payment_source',
      'customer.subscription.created': '#/components/schemas/subscription',
      'issuing_authorization.request': '#/components/schemas/issuing.authorization',
      'issuing_card.created': '#/components/schemas/issuing.card',
      'order.created': null,
      'payment_intent.succeeded': '#/components/schemas/payment_intent',
      'sigma.scheduled_query_run.created': '#/components/schemas/scheduled_query_run',
      'sku.created': null,
      'source.canceled': '#/components/schemas/source',
      'source.mandate_notification': '#/components/schemas/source_mandate_notification',
      'source.transaction.created': '#/components/schemas/source_transaction',
      'treasury.received_credit.failed': '#/components/schemas/treasury.received_credit',
    });
  });

  it('carries the profile: scheme, delivery, discriminator, envelope, object path, headers, tolerance', () => {
    const model = buildWebhookModel(enumDocument(['payment_intent.created']))!;
    expect(model).toMatchObject({
      scheme: 'stripe-v1',
      delivery: 'object',
      discriminator: 'type',
      toleranceSeconds: 300,
      envelope: { $ref: '#/components/schemas/event' },
      objectPath: ['data', 'object'],
      headers: { signature: 'Stripe-Signature' },
    });
    const untyped = buildWebhookModel(enumDocument(['sku.created']))!.events[0]!;
    expect(untyped.schema).toBeUndefined();
    expect(untyped.description).toMatch(/not described/);
  });

  it('takes inline schema overrides and prefers the longest matching prefix', () => {
    const profile = overlayProfile('stripe');
    profile.eventsFrom.objectSchema.overrides['charge.*'] = 'customer';
    profile.eventsFrom.objectSchema.overrides['charge.dispute.*'] = { anyOf: [{ $ref: '#/components/schemas/dispute' }, { $ref: '#/components/schemas/refund' }] };
    const model = buildWebhookModel(enumDocument(['charge.dispute.created', 'charge.captured'], profile))!;
    expect(model.events.map((e) => [e.name, e.schema])).toEqual([
      ['charge.captured', { $ref: '#/components/schemas/customer' }],
      ['charge.dispute.created', { anyOf: [{ $ref: '#/components/schemas/dispute' }, { $ref: '#/components/schemas/refund' }] }],
    ]);
  });

  it('names the overlay pointer when an event cannot be mapped or the profile is wrong', () => {
    expect(inputError(() => buildWebhookModel(enumDocument(['widget.created']))).message).toMatch(/widget\.created.*override/);
    const badRule = overlayProfile('stripe');
    badRule.eventsFrom.objectSchema.rules[1].match = '([';
    expect(inputError(() => buildWebhookModel(enumDocument(['payment_intent.created'], badRule))).pointer).toBe('/x-svcgen-webhooks/eventsFrom/objectSchema/rules/1/match');
    const badOverride = overlayProfile('stripe');
    badOverride.eventsFrom.objectSchema.overrides['payment_intent.*'] = 'no_such_schema';
    expect(inputError(() => buildWebhookModel(enumDocument(['payment_intent.created'], badOverride))).message).toMatch(/no_such_schema/);
    const badPointer = overlayProfile('stripe');
    badPointer.eventsFrom.pointer = '/paths/nowhere';
    expect(inputError(() => buildWebhookModel(enumDocument(['payment_intent.created'], badPointer))).pointer).toBe('/x-svcgen-webhooks/eventsFrom/pointer');
    const unknownScheme = { ...overlayProfile('stripe'), scheme: 'rot13' };
    expect(inputError(() => buildWebhookModel(enumDocument([], unknownScheme))).pointer).toBe('/x-svcgen-webhooks/scheme');
    const wrongDelivery = { ...overlayProfile('stripe'), delivery: 'array' };
    expect(inputError(() => buildWebhookModel(enumDocument([], wrongDelivery))).pointer).toBe('/x-svcgen-webhooks/delivery');
    const typo = { ...overlayProfile('stripe'), tolerance: 5 };
    expect(inputError(() => buildWebhookModel(enumDocument([], typo))).message).toMatch(/invalid webhook profile/);
    const { envelope: _, ...noEnvelope } = overlayProfile('stripe');
    expect(inputError(() => buildWebhookModel(enumDocument(['payment_intent.created'], noEnvelope))).pointer).toBe('/x-svcgen-webhooks/objectPath');
  });

  it('is undefined for a document without a webhook profile', () => {
    expect(buildWebhookModel({ openapi: '3.1.0', paths: {} })).toBeUndefined();
  });
});

describe('buildWebhookModel: events from OpenAPI webhooks', () => {
  function webhooksDocument(profile: Doc, webhooks: Doc, schemas: Doc): Doc {
    return { openapi: '3.1.0', paths: {}, webhooks, components: { schemas, requestBodies: { Shared: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } } }, 'x-svcgen-webhooks': profile };
  }

  it('reads one webhook per event (the Airwallex shape), following request-body references', () => {
    const doc = webhooksDocument(
      overlayProfile('airwallex'),
      {
        'thing.updated': { post: { description: 'Updated.', requestBody: { $ref: '#/components/requestBodies/Shared' } } },
        'thing.created': { post: { summary: 'Created.', requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } } },
      },
      { Thing: { type: 'object' } },
    );
    const model = buildWebhookModel(doc)!;
    expect(model.scheme).toBe('airwallex-hmac');
    expect(model.discriminator).toBe('name');
    expect(model.objectPath).toBeUndefined();
    expect(model.events).toEqual([
      { name: 'thing.created', schema: { $ref: '#/components/schemas/Thing' }, description: 'Created.' },
      { name: 'thing.updated', schema: { $ref: '#/components/schemas/Thing' }, description: 'Updated.' },
    ]);
  });

  it('reads a batched webhook whose items are a oneOf with a discriminator mapping (the SendGrid shape)', () => {
    const items = {
      oneOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }],
      discriminator: { propertyName: 'event', mapping: { beta: '#/components/schemas/B', alpha: '#/components/schemas/A' } },
    };
    const doc = webhooksDocument(
      overlayProfile('sendgrid'),
      { batch: { post: { requestBody: { content: { 'application/json': { schema: { type: 'array', items } } } } } } },
      { A: { type: 'object', description: 'First.' }, B: { type: 'object' } },
    );
    const model = buildWebhookModel(doc)!;
    expect(model).toMatchObject({ scheme: 'sendgrid-ecdsa', delivery: 'array', discriminator: 'event', namePrefix: 'SendGrid' });
    expect(model.events).toEqual([
      { name: 'alpha', schema: { $ref: '#/components/schemas/A' }, description: 'First.' },
      { name: 'beta', schema: { $ref: '#/components/schemas/B' } },
    ]);

    const wrongDiscriminator = structuredClone(doc);
    wrongDiscriminator.webhooks.batch.post.requestBody.content['application/json'].schema.items.discriminator.propertyName = 'type';
    expect(inputError(() => buildWebhookModel(wrongDiscriminator)).message).toMatch(/discriminator/);
    const notArray = structuredClone(doc);
    notArray.webhooks.batch.post.requestBody.content['application/json'].schema = items;
    expect(inputError(() => buildWebhookModel(notArray)).message).toMatch(/not an array/);
  });

  it('refuses an event described twice', () => {
    const profile = overlayProfile('stripe');
    const doc = enumDocument(['payment_intent.created'], profile);
    doc.webhooks = { 'payment_intent.created': { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/event' } } } } } } };
    expect(inputError(() => buildWebhookModel(doc)).message).toMatch(/described twice/);
  });
});

describe('no vendor names in the generic code', () => {
  it('neither the model nor the emitter mentions a vendor', () => {
    for (const file of ['../../../generator/model/webhooks.ts', '../../../generator/emit/webhooks.ts']) {
      const source = readFileSync(new URL(file, import.meta.url), 'utf8');
      expect(source).not.toMatch(/stripe|sendgrid|airwallex/i);
    }
  });
});
