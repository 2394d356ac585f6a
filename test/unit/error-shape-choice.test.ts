// The error-body recogniser a client passes is chosen from the spec: envelope-only when every JSON
// error response is `{ error: { … } }`, the all-shapes one otherwise. The envelope recogniser must
// then read every body such a spec describes exactly as the all-shapes one does.
import { describe, expect, it } from 'vitest';
import { errorShapeOf } from '../../generator/emit/error-shape.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import { describeEnvelopeError, describeErrorBody } from '../../runtime/error-shapes.ts';

const envelopeDoc = {
  components: {
    schemas: {
      error: { type: 'object', properties: { error: { $ref: '#/components/schemas/api_errors' } } },
      api_errors: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, type: { type: 'string' } } },
      list: { type: 'object', properties: { errors: { type: 'array', items: { type: 'object' } } } },
      flat: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

function model(errorRefs: (string | undefined)[]): ApiModel {
  const responses = [
    { status: '200', mediaType: 'application/json', schema: { type: 'object' } },
    ...errorRefs.map((ref, i) => ({ status: i === 0 ? 'default' : '4XX', mediaType: 'application/json', schema: ref ? { $ref: ref } : undefined })),
  ];
  return { operations: [{ responses }] } as unknown as ApiModel;
}

describe('errorShapeOf', () => {
  it('chooses the envelope recogniser only when every JSON error response is an envelope', () => {
    expect(errorShapeOf(model(['#/components/schemas/error', '#/components/schemas/error']), envelopeDoc)).toBe('envelope');
    expect(errorShapeOf(model(['#/components/schemas/error', '#/components/schemas/list']), envelopeDoc)).toBe('any');
    expect(errorShapeOf(model(['#/components/schemas/flat']), envelopeDoc)).toBe('any');
    expect(errorShapeOf(model([undefined]), envelopeDoc)).toBe('any');
    // No error response declared: nothing tells what the bodies look like.
    expect(errorShapeOf(model([]), envelopeDoc)).toBe('any');
  });

  it('does not take an envelope whose inner error lists details', () => {
    const doc = structuredClone(envelopeDoc) as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
    doc.components.schemas.api_errors!.properties.details = { type: 'array' };
    expect(errorShapeOf(model(['#/components/schemas/error']), doc)).toBe('any');
  });
});

describe('describeEnvelopeError', () => {
  it.each([
    ['a full envelope', { error: { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds', message: 'Declined.', param: 'payment_method' } }],
    ['an envelope with a numeric code and a source', { error: { code: 42, message: 'Bad', source: 'amount' } }],
    ['an envelope without a message', { error: { error_description: 'expired', title: 'Unauthorized' } }],
    ['a string error', { error: 'not found' }],
    ['a body without an envelope', { message: 'flat message', code: 'flat_code' }],
    ['plain text', '  upstream timeout  '],
    ['empty text', ''],
    ['nothing', undefined],
    ['an array', [1, 2]],
  ])('reads %s as describeErrorBody does', (_, body) => {
    expect(describeEnvelopeError(body)).toEqual(describeErrorBody(body));
  });
});
