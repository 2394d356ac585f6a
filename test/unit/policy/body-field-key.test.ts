// A body-field idempotency key through the client: the operation's metadata names the key code
// (as generated operations.js does), the client fills the field once per call, every retry sends
// the same body, and the caller's key wins. Metadata without it neither fills nor trusts a key.
import { describe, expect, it } from 'vitest';
import { createVendorClient } from '../../../runtime/client.ts';
import type { OperationMeta } from '../../../runtime/contract.ts';
import { bodyFieldKey } from '../../../runtime/policy/body-field-key.ts';
import { testProfile } from './support.ts';

const profile = testProfile({ kind: 'schemes', schemes: {}, security: [], operations: {} }, 2);

const keyed: OperationMeta = {
  id: 'CreateTransfer',
  method: 'POST',
  path: '/transfers',
  resilience: 'unsafe',
  idempotency: { kind: 'body-field', field: 'request_id' },
  bodyKey: bodyFieldKey,
};

/** Answers 503 until `failures` attempts were made, then 200; records each body sent. */
function transport(failures: number) {
  const bodies: string[] = [];
  const fetch = async (request: Request) => {
    bodies.push(await request.text());
    return Response.json({}, { status: bodies.length <= failures ? 503 : 200 });
  };
  return { bodies, fetch };
}

describe('body-field idempotency keys', () => {
  it('fills the field once per call and sends the same key on every retry', async () => {
    const { bodies, fetch } = transport(2);
    const client = createVendorClient(profile, { fetch, logger: false });
    await client.call(keyed, { body: { amount: 10 } });
    expect(bodies).toHaveLength(3);
    const key = (JSON.parse(bodies[0]!) as { request_id: string }).request_id;
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(bodies)).toEqual(new Set([JSON.stringify({ amount: 10, request_id: key })]));
  });

  it('takes the call option idempotencyKey, and keeps a key the body already has', async () => {
    const { bodies, fetch } = transport(0);
    const client = createVendorClient(profile, { fetch, logger: false });
    await client.call(keyed, { body: { amount: 10 } }, { idempotencyKey: 'k-1' });
    await client.call(keyed, { body: { amount: 10, request_id: 'mine' } }, { idempotencyKey: 'k-2' });
    expect(bodies).toEqual([JSON.stringify({ amount: 10, request_id: 'k-1' }), JSON.stringify({ amount: 10, request_id: 'mine' })]);
  });

  it('without the key code on the metadata, fills nothing and does not resend an unsafe call after a 5xx', async () => {
    const { bodies, fetch } = transport(1);
    const client = createVendorClient(profile, { fetch, logger: false });
    const { bodyKey: _, ...bare } = keyed;
    await expect(client.call(bare, { body: { amount: 10 } })).rejects.toMatchObject({ status: 503 });
    expect(bodies).toEqual([JSON.stringify({ amount: 10 })]);
  });
});
