// svcgen diff on a change to how webhook deliveries are signed: the scheme id, a declared scheme's
// description (down to its secret's form) or the headers it reads. Code that handles events still
// compiles, but a receiver deployed before the change refuses deliveries signed after it.
import { describe, expect, it } from 'vitest';
import { diffVendor, type EffectiveVendor } from '../../../generator/diff/compare.ts';
import type { ApiModel, WebhookModel } from '../../../generator/model/types.ts';
import { STANDARD_WEBHOOKS } from '../../support/declared-schemes.ts';

const declared = STANDARD_WEBHOOKS;

function vendor(webhooks: Partial<WebhookModel> | undefined): EffectiveVendor {
  const model = {
    vendor: 'acme',
    operations: [],
    webhooks: webhooks && { scheme: 'declared', delivery: 'object', discriminator: 'type', events: [{ name: 'order.paid', schema: undefined }], toleranceSeconds: 300, ...webhooks },
  } as unknown as ApiModel;
  return { vendor: 'acme', document: { openapi: '3.1.0', paths: {} }, model };
}

const signatureChanges = (before: EffectiveVendor, after: EffectiveVendor) => diffVendor(before, after).filter((c) => c.rule === 'webhook-signature-changed');

describe('webhook-signature-changed', () => {
  const headers = { signature: 'webhook-signature', timestamp: 'webhook-timestamp' };

  it('reports a declared scheme whose secret is written another way, showing the whole description', () => {
    const moved = { ...declared, secret: { encoding: 'hex' as const } };
    const [change, ...rest] = signatureChanges(vendor({ signature: declared, headers }), vendor({ signature: moved, headers }));
    expect(rest).toEqual([]);
    expect(change).toMatchObject({ rule: 'webhook-signature-changed', classification: 'breaking', breaking: true, pointer: '/x-svcgen-webhooks/scheme' });
    expect(change!.message).toContain('"secret":{"prefix":"whsec_","encoding":"base64"}');
    expect(change!.message).toContain('"secret":{"encoding":"hex"}');
  });

  it('reports a move from a built-in scheme to a declared one by name', () => {
    const [change] = signatureChanges(vendor({ scheme: 'stripe-v1', headers: { signature: 'X-Signature' } }), vendor({ signature: declared, headers }));
    expect(change!.message).toBe("webhook signature stripe-v1 (X-Signature) → declared hmac-sha256 over '{header:webhook-id}.{timestamp}.{body}' (webhook-signature, webhook-timestamp)");
  });

  it('says nothing when only events or the tolerance change, or when webhooks come or go', () => {
    expect(signatureChanges(vendor({ signature: declared, headers }), vendor({ signature: declared, headers, toleranceSeconds: 600, events: [] }))).toEqual([]);
    expect(signatureChanges(vendor(undefined), vendor({ signature: declared, headers }))).toEqual([]);
  });
});
