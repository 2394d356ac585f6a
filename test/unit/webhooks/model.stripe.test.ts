// The webhook model on Stripe's overlay profile: events from the enum of a `$ref`ed request body,
// object schemas derived by the overlay's rules and overrides, and the errors a wrong profile gets.
// The fixture document is small and shaped like Stripe's; the profile is the project's real overlay.
import { describe, expect, it } from 'vitest';
import { buildWebhookModel } from '../../../generator/model/webhooks.ts';
import { inputError } from '../../support/input-error.ts';
import { overlayProfile, type Doc } from './model-fixtures.ts';

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
});

describe('buildWebhookModel: events from an enum and from OpenAPI webhooks', () => {
  it('refuses an event described twice', () => {
    const profile = overlayProfile('stripe');
    const doc = enumDocument(['payment_intent.created'], profile);
    doc.webhooks = { 'payment_intent.created': { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/event' } } } } } } };
    expect(inputError(() => buildWebhookModel(doc)).message).toMatch(/described twice/);
  });
});
