// The stripe-v1 scheme written as a declared scheme: the stripe SDK signs, and the declared
// verifier is judged against the built-in verifyStripeV1 and the SDK's own constructEvent. Each case
// where the declared reading and the built-in module differ is pinned, with why no forgery passes.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { declaredScheme, verifyStripeV1, type DeclaredSignature } from '../../../runtime/webhooks.ts';
import { BODIES, expected, expectVerdict, tampered, type Expected } from './declared-oracle-support.ts';

const NOW_MS = 1_800_000_000_000 + 250;
const NOW_S = Math.floor(NOW_MS / 1000);
const at = { now: () => NOW_MS };

describe('the stripe-v1 scheme declared as data (signer: the stripe SDK; oracle: the built-in verifyStripeV1)', () => {
  const spec: DeclaredSignature = {
    algorithm: 'hmac-sha256',
    payload: '{timestamp}.{body}',
    signature: { header: 'Stripe-Signature', encoding: 'hex', prefix: 'v1=', separator: ',' },
    timestamp: { prefix: 't=', unit: 'seconds' },
  };
  const scheme = declaredScheme('stripe-v1-declared', 'object', spec);
  const sdk = new Stripe('sk_test_oracle_only_no_network');
  // The whole `whsec_…` text is the HMAC key (utf8), unlike the base64 secret of Standard Webhooks.
  const secret = `whsec_${randomBytes(18).toString('hex')}`;
  const other = `whsec_${randomBytes(18).toString('hex')}`;
  const signed = (body: string, timestamp: number, key = secret) => sdk.webhooks.generateTestHeaderString({ payload: body, secret: key, timestamp });
  const v1 = (header: string) => header.split(',').find((item) => item.startsWith('v1='))!;

  it('agrees with the built-in verifyStripeV1 on genuine and damaged headers, verdict and reason', async () => {
    let accepted = 0;
    let refused = 0;
    for (const body of BODIES) {
      const ts = NOW_S - 5;
      const genuine = signed(body, ts);
      const cases: { name: string; body: string; header: string | undefined; key: string | string[]; outcome: Expected }[] = [
        { name: 'genuine', body, header: genuine, key: secret, outcome: 'ok' },
        { name: 'v0 item beside v1', body, header: `${genuine},v0=${'0'.repeat(64)}`, key: secret, outcome: 'ok' },
        { name: 'a bogus v1 before the genuine one', body, header: `t=${ts},v1=${'ab'.repeat(32)},${v1(genuine)}`, key: secret, outcome: 'ok' },
        { name: 'v1 before t', body, header: `${v1(genuine)},t=${ts}`, key: secret, outcome: 'ok' },
        { name: 'rolled secret: signed by the other one', body, header: signed(body, ts, other), key: [secret, other], outcome: 'ok' },
        { name: 'tampered body', body: tampered(body), header: genuine, key: secret, outcome: 'signature-mismatch' },
        { name: 'wrong secret', body, header: genuine, key: other, outcome: 'signature-mismatch' },
        { name: 're-timestamped', body, header: `t=${ts + 1},${v1(genuine)}`, key: secret, outcome: 'signature-mismatch' },
        { name: 'stale by 301 s', body, header: signed(body, NOW_S - 301), key: secret, outcome: 'timestamp-out-of-tolerance' },
        { name: 'exactly 300 s old', body, header: signed(body, NOW_S - 300), key: secret, outcome: 'ok' },
        { name: '301 s in the future', body, header: signed(body, NOW_S + 301), key: secret, outcome: 'timestamp-out-of-tolerance' },
        { name: 'missing header', body, header: undefined, key: secret, outcome: 'missing-header' },
        { name: 'no t=', body, header: v1(genuine), key: secret, outcome: 'malformed-header' },
        { name: 'two t=', body, header: `t=${ts},${genuine}`, key: secret, outcome: 'malformed-header' },
        { name: 't= not a number', body, header: `t=now,${v1(genuine)}`, key: secret, outcome: 'malformed-header' },
        { name: 'no v1=', body, header: `t=${ts},v0=${'0'.repeat(64)}`, key: secret, outcome: 'malformed-header' },
      ];
      for (const c of cases) {
        const headers = c.header === undefined ? {} : { 'stripe-signature': c.header };
        const builtIn = await verifyStripeV1(c.body, headers, c.key, at);
        const ours = await scheme.verify(c.body, headers, c.key, at);
        expect({ case: c.name, ours: ours.ok ? 'ok' : ours.reason }).toEqual({ case: c.name, ours: builtIn.ok ? 'ok' : builtIn.reason });
        expectVerdict(ours, expected(c.outcome, c.body), [secret, other]);
        if (ours.ok) accepted++;
        else refused++;
      }
    }
    expect([accepted, refused]).toEqual([BODIES.length * 6, BODIES.length * 10]);
  });

  it("accepts what the SDK's constructEvent accepts on genuine, tampered, wrong-secret and stale deliveries", async () => {
    for (const body of BODIES) {
      for (const [header, key, body2] of [
        [signed(body, NOW_S - 5), secret, body],
        [signed(body, NOW_S - 5), other, body],
        [signed(body, NOW_S - 5), secret, tampered(body)],
        [signed(body, NOW_S - 301), secret, body],
      ] as const) {
        let sdkAccepts = true;
        try {
          sdk.webhooks.constructEvent(body2, header, key, 300, undefined, NOW_MS);
        } catch {
          sdkAccepts = false;
        }
        expect((await scheme.verify(body2, { 'Stripe-Signature': header }, key, at)).ok).toBe(sdkAccepts);
      }
    }
  });

  describe('where the built-in module and the declared spec differ (none lets a forgery through)', () => {
    const body = BODIES[0];
    const ts = NOW_S - 5;

    it('refuses a t= written with a leading zero, which the built-in module (like the SDK) re-renders before signing', async () => {
      const header = `t=0${ts},${v1(signed(body, ts))}`;
      expect((await verifyStripeV1(body, { 'Stripe-Signature': header }, secret, at)).ok).toBe(true);
      expectVerdict(await scheme.verify(body, { 'Stripe-Signature': header }, secret, at), { ok: false, reason: 'signature-mismatch' }, [secret]);
    });

    it('accepts uppercase hex and spaces after the commas, which the built-in module (like the SDK) refuses', async () => {
      const genuine = signed(body, ts);
      for (const header of [`t=${ts},v1=${v1(genuine).slice(3).toUpperCase()}`, `t=${ts}, ${v1(genuine)}`]) {
        expect((await verifyStripeV1(body, { 'Stripe-Signature': header }, secret, at)).ok).toBe(false);
        expectVerdict(await scheme.verify(body, { 'Stripe-Signature': header }, secret, at), { ok: true, body }, [secret]);
      }
    });

    it("calls a v1 that is not 32 bytes of hex malformed where the built-in module calls it a mismatch", async () => {
      const header = `t=${ts},v1=${'z'.repeat(64)}`;
      expect(await verifyStripeV1(body, { 'Stripe-Signature': header }, secret, at)).toMatchObject({ ok: false, reason: 'signature-mismatch' });
      expectVerdict(await scheme.verify(body, { 'Stripe-Signature': header }, secret, at), { ok: false, reason: 'malformed-header' }, [secret]);
    });

    it('reports a stale t= before a missing v1, where the built-in module reports the missing v1 first', async () => {
      const header = `t=${NOW_S - 1000},v0=${'0'.repeat(64)}`;
      expect(await verifyStripeV1(body, { 'Stripe-Signature': header }, secret, at)).toMatchObject({ ok: false, reason: 'malformed-header' });
      expectVerdict(await scheme.verify(body, { 'Stripe-Signature': header }, secret, at), { ok: false, reason: 'timestamp-out-of-tolerance' }, [secret]);
    });
  });
});
