// The webhook model on SendGrid's overlay profile: a batched webhook whose items are a oneOf with
// a discriminator mapping.
import { describe, expect, it } from 'vitest';
import { buildWebhookModel } from '../../../generator/model/webhooks.ts';
import { inputError } from '../../support/input-error.ts';
import { overlayProfile, webhooksDocument } from './model-fixtures.ts';

describe('buildWebhookModel: events from OpenAPI webhooks', () => {
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
});
