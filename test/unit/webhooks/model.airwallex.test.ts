// The webhook model on Airwallex's overlay profile: one OpenAPI webhook per event.
import { describe, expect, it } from 'vitest';
import { buildWebhookModel } from '../../../generator/model/webhooks.ts';
import { inputError } from '../../support/input-error.ts';
import { overlayProfile, webhooksDocument } from './model-fixtures.ts';

describe('buildWebhookModel: events from OpenAPI webhooks', () => {
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
});
