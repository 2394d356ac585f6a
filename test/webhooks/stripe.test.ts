// Stripe `stripe-v1` verifier against Stripe's own SDK (generateTestHeaderString signs,
// constructEvent judges) and under fuzzing: no altered, truncated, re-timestamped or forged
// delivery may pass.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Stripe from 'stripe';
import { verifyStripeV1 } from '../../runtime/webhooks.ts';
import type { RawBody } from '../../runtime/webhooks.ts';
import { PARSE_WHILE_VERIFYING_MAX } from '../../runtime/webhooks/body.ts';
import { alterText, fields, layout, mutateBody, render, secretText, utf8 } from './support/payloads.ts';
import { expectOracleAgreement, newTally, printReport, recordOracleCase } from './support/report.ts';

/** A Stripe-like event body. */
const stripeEventBody = fc
  .record({ id: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 }), type: fc.constantFrom('payment_intent.succeeded', 'customer.subscription.created', 'charge.refunded'), object: fields, how: layout })
  .map(({ id, type, object, how }) => render({ id: `evt_${id}`, object: 'event', type, created: 1_700_000_000, livemode: false, data: { object } }, how));

const stripe = new Stripe('sk_test_oracle_only_no_network');
const TOLERANCE = 300;
const NOW_MS = 1_800_000_000_000 + 123;
const NOW_S = Math.floor(NOW_MS / 1000);
const tally = newTally();
afterAll(() => printReport('stripe', tally));

function sign(payload: string, secret: string, timestamp: number): string {
  return stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
}

function v1Of(header: string): string {
  return header.split(',').find((part) => part.startsWith('v1='))!.slice(3);
}

function stripeAccepts(payload: string, header: string | undefined, secrets: readonly string[], nowMs: number): boolean {
  return secrets.some((secret) => {
    try {
      stripe.webhooks.constructEvent(payload, header as string, secret, TOLERANCE, undefined, nowMs);
      return true;
    } catch {
      return false;
    }
  });
}

/** The same bytes in each form a caller may hold them. */
function asBody(payload: string, form: number): RawBody {
  switch (form % 4) {
    case 0:
      return payload;
    case 1:
      return utf8(payload);
    case 2:
      return utf8(payload).buffer;
    default:
      return Buffer.from(payload, 'utf8');
  }
}

const tampers = [
  'none',
  'body-char',
  'body-truncate',
  'body-append-newline',
  'wrong-secret',
  'sig-digit',
  'sig-uppercase',
  'sig-truncate',
  'retimestamp',
  'extra-v0',
  'extra-v1-before',
  'only-v0',
  'no-header',
  'empty-header',
  'rotated-secrets',
  'rotated-signatures',
  'junk-items',
  'stale',
] as const;

describe('stripe-v1 agrees with the official stripe SDK', () => {
  it('on 1,200 random deliveries, accepted and rejected alike', async () => {
    await fc.assert(
      fc.asyncProperty(
        stripeEventBody,
        secretText('whsec_'),
        secretText('whsec_'),
        fc.integer({ min: -TOLERANCE, max: TOLERANCE }),
        fc.constantFrom(...tampers),
        fc.nat(),
        fc.nat(),
        async (payload, secret, otherSecret, offset, tamper, pick, form) => {
          fc.pre(secret !== otherSecret);
          let timestamp = NOW_S - offset;
          if (tamper === 'stale') timestamp = NOW_S - TOLERANCE - 1 - (pick % 10_000);
          let header: string | undefined = sign(payload, secret, timestamp);
          let body = payload;
          let ourSecrets: string[] = [secret];
          const sig = v1Of(header);
          const otherSig = v1Of(sign(payload, otherSecret, timestamp));
          switch (tamper) {
            case 'body-char':
              body = alterText(payload, pick, pick >> 3);
              break;
            case 'body-truncate':
              body = payload.slice(0, payload.length - 1 - (pick % payload.length));
              break;
            case 'body-append-newline':
              body = payload + '\n';
              break;
            case 'wrong-secret':
              ourSecrets = [otherSecret];
              break;
            case 'sig-digit':
              header = `t=${timestamp},v1=${alterHex(sig, pick)}`;
              break;
            case 'sig-uppercase':
              header = `t=${timestamp},v1=${sig.toUpperCase()}`;
              fc.pre(sig !== sig.toUpperCase());
              break;
            case 'sig-truncate':
              header = `t=${timestamp},v1=${sig.slice(0, 63 - (pick % 63))}`;
              break;
            case 'retimestamp':
              header = `t=${timestamp + 1 + (pick % 5)},v1=${sig}`;
              break;
            case 'extra-v0':
              header = `${header},v0=${otherSig}`;
              break;
            case 'extra-v1-before':
              header = `t=${timestamp},v1=${otherSig},v1=${sig}`;
              break;
            case 'only-v0':
              header = `t=${timestamp},v0=${sig}`;
              break;
            case 'no-header':
              header = undefined;
              break;
            case 'empty-header':
              header = '';
              break;
            case 'rotated-secrets':
              ourSecrets = pick % 2 ? [otherSecret, secret] : [secret, otherSecret];
              break;
            case 'rotated-signatures':
              header = `t=${timestamp},v1=${otherSig},v1=${sig},v1=${otherSig}`;
              break;
            case 'junk-items':
              // Empty items, items without '=' and unknown keys: skipped by the SDK's split and by ours.
              header = pick % 2 ? `,${header},,v0,x=y=z,` : `x,=,${header},`;
              break;
          }
          const oracle = stripeAccepts(body, header, ourSecrets, NOW_MS);
          const headers: Record<string, string> = header === undefined ? {} : { 'Stripe-Signature': header };
          const ours = await verifyStripeV1(asBody(body, form), headers, ourSecrets, { now: () => NOW_MS, toleranceSeconds: TOLERANCE });
          return recordOracleCase(tally, ours, oracle, body);
        },
      ),
      { numRuns: 1200 },
    );
    expectOracleAgreement(tally, { cases: 1000, accepted: 200, rejected: 200 });
  });

  it('at the tolerance boundary on the past side (the side both check)', async () => {
    await fc.assert(
      fc.asyncProperty(stripeEventBody, fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 999 }), fc.boolean(), async (payload, tolerance, ms, over) => {
        const timestamp = NOW_S - tolerance - (over ? 1 : 0);
        const header = sign(payload, 'whsec_boundary', timestamp);
        const nowMs = NOW_S * 1000 + ms;
        let oracle: boolean;
        try {
          stripe.webhooks.constructEvent(payload, header, 'whsec_boundary', tolerance === 0 ? 0.5 : tolerance, undefined, nowMs);
          oracle = true;
        } catch {
          oracle = false;
        }
        const ours = await verifyStripeV1(payload, { 'stripe-signature': header }, 'whsec_boundary', { now: () => nowMs, toleranceSeconds: tolerance });
        return ours.ok === !over && oracle === !over;
      }),
      { numRuns: 300 },
    );
  });
});

function alterHex(hex: string, pick: number): string {
  const at = pick % hex.length;
  const digits = '0123456789abcdef';
  const next = digits[(digits.indexOf(hex[at]!) + 1 + (pick % 15)) % 16]!;
  return hex.slice(0, at) + next + hex.slice(at + 1);
}

describe('stripe-v1 under fuzzing', () => {
  const mutations = ['body-char', 'body-byte', 'truncate', 'extend', 'retimestamp', 'wrong-secret', 'random-signature', 'other-body-signature'] as const;

  it('accepts every genuine delivery and no mutated one (10,000 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(
        stripeEventBody,
        secretText('whsec_'),
        fc.integer({ min: -TOLERANCE, max: TOLERANCE }),
        fc.constantFrom(...mutations),
        fc.nat(),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        async (payload, secret, offset, mutation, pick, randomBytes) => {
          const timestamp = NOW_S - offset;
          const header = sign(payload, secret, timestamp);
          const options = { now: () => NOW_MS, toleranceSeconds: TOLERANCE };
          const genuine = await verifyStripeV1(utf8(payload), { 'Stripe-Signature': header }, secret, options);
          if (!genuine.ok) return false;

          const body: RawBody = mutateBody(payload, mutation, pick, ' ') ?? payload;
          let forgedHeader = header;
          let key = secret;
          switch (mutation) {
            case 'retimestamp': {
              const shifted = timestamp + (pick % 2 ? 1 : -1) * (1 + (pick % 60));
              forgedHeader = `t=${shifted},v1=${v1Of(header)}`;
              break;
            }
            case 'wrong-secret':
              key = secret + 'x';
              break;
            case 'random-signature':
              forgedHeader = `t=${timestamp},v1=${Buffer.from(randomBytes).toString('hex')}`;
              break;
            case 'other-body-signature':
              forgedHeader = sign(payload + ' ', secret, timestamp);
              break;
          }
          const forged = await verifyStripeV1(body, { 'Stripe-Signature': forgedHeader }, key, options);
          tally.fuzzRuns++;
          if (forged.ok) tally.forgedAccepted++;
          return !forged.ok && (forged.reason === 'signature-mismatch' || forged.reason === 'timestamp-out-of-tolerance');
        },
      ),
      { numRuns: 10_000 },
    );
    expect(tally.forgedAccepted).toBe(0);
  });

  it('never throws, whatever arrives', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.uint8Array({ maxLength: 64 })),
        fc.oneof(fc.string(), fc.constant('t=1,v1=zz'), fc.array(fc.string(), { maxLength: 3 })),
        fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 })),
        async (body, header, secret) => {
          const result = await verifyStripeV1(body, { 'stripe-signature': header }, secret);
          return result.ok === false && typeof result.detail === 'string';
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('stripe-v1 specifics', () => {
  const secret = 'whsec_specifics';
  const options = { now: () => NOW_MS };

  it('verifies the exact bytes: Unicode forms, CRLF and large bodies', async () => {
    // CRLF between members (outside strings, where JSON allows it) and non-ASCII text.
    const composed = '{"name":"Zo\u00e9 \u{1F600}",\r\n"note":"caf\u00e9"}';
    const header = sign(composed, secret, NOW_S);
    for (const form of [0, 1, 2, 3]) {
      expect((await verifyStripeV1(asBody(composed, form), { 'Stripe-Signature': header }, secret, options)).ok).toBe(true);
    }
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(await verifyStripeV1(decomposed, { 'Stripe-Signature': header }, secret, options)).toMatchObject({ ok: false, reason: 'signature-mismatch' });
    expect((await verifyStripeV1(composed.replace('\r\n', '\n'), { 'Stripe-Signature': header }, secret, options)).ok).toBe(false);
    const reserialised = JSON.stringify(JSON.parse(composed), null, 1);
    expect((await verifyStripeV1(reserialised, { 'Stripe-Signature': header }, secret, options)).ok).toBe(false);

    const large = JSON.stringify({ id: 'evt_large', blob: 'x\u00e9'.repeat(2_000_000) });
    const largeHeader = sign(large, secret, NOW_S);
    expect((await verifyStripeV1(utf8(large), { 'Stripe-Signature': largeHeader }, secret, options)).ok).toBe(true);
    expect((await verifyStripeV1(large.slice(0, -2) + '"}', { 'Stripe-Signature': largeHeader }, secret, options)).ok).toBe(true);
    expect((await verifyStripeV1(large.slice(0, -3) + 'y"}', { 'Stripe-Signature': largeHeader }, secret, options)).ok).toBe(false);
  });

  it('agrees with the SDK on bodies from tiny to several blocks of the hash', async () => {
    for (const size of [63, 64, 65, 8191, 8192, 8193, 40960]) {
      const frame = '{"id":"evt_size","pad":""}';
      const payload = frame.replace('""', `"${'p'.repeat(size - frame.length)}"`);
      expect(utf8(payload).length).toBe(size);
      const header = sign(payload, secret, NOW_S);
      for (const [body, label] of [[payload, 'genuine'], [payload.replace('pp', 'pq'), 'altered']] as const) {
        const ours = await verifyStripeV1(utf8(body), { 'Stripe-Signature': header }, secret, options);
        expect(ours.ok, `${label} body of ${size} bytes`).toBe(stripeAccepts(body, header, [secret], NOW_MS));
        expect(ours.ok).toBe(label === 'genuine');
      }
    }
  });

  it('accepts a body that is a view into a larger buffer (Node pools small Buffers)', async () => {
    const payload = '{"id":"evt_view"}';
    const pool = Buffer.alloc(4096, 0x7b);
    const offset = pool.write(payload, 100, 'utf8');
    const view = pool.subarray(100, 100 + offset);
    const header = sign(payload, secret, NOW_S);
    expect((await verifyStripeV1(view, { 'Stripe-Signature': header }, secret, options)).ok).toBe(true);
  });

  it('returns a parsed event only when a signature matched, for bodies parsed during and after the MAC', async () => {
    // A body up to PARSE_WHILE_VERIFYING_MAX is parsed while the MAC is computed, a larger one after it.
    for (const size of [PARSE_WHILE_VERIFYING_MAX - 100, PARSE_WHILE_VERIFYING_MAX + 100]) {
      const event = JSON.stringify({ id: 'evt_parse', pad: 'p'.repeat(size) });
      const notJson = `not json ${'p'.repeat(size)}`;
      const forgedHeader = sign(event, 'whsec_other', NOW_S);
      expect(await verifyStripeV1(event, { 'Stripe-Signature': sign(event, secret, NOW_S) }, secret, options)).toEqual({ ok: true, event: JSON.parse(event) });
      expect(await verifyStripeV1(event, { 'Stripe-Signature': forgedHeader }, secret, options)).toMatchObject({ ok: false, reason: 'signature-mismatch' });
      expect(await verifyStripeV1(notJson, { 'Stripe-Signature': forgedHeader }, secret, options)).toMatchObject({ ok: false, reason: 'signature-mismatch' });
      expect(await verifyStripeV1(notJson, { 'Stripe-Signature': sign(notJson, secret, NOW_S) }, secret, options)).toMatchObject({ ok: false, reason: 'unparsable-body' });
    }
  });

  it('reports why a delivery was refused, with no secret or signature in the detail', async () => {
    const payload = '{"id":"evt_1"}';
    const header = sign(payload, secret, NOW_S);
    const sig = v1Of(header);
    const cases: [Record<string, string>, string][] = [
      [{}, 'missing-header'],
      [{ 'Stripe-Signature': `v1=${sig}` }, 'malformed-header'],
      [{ 'Stripe-Signature': `t=${NOW_S}` }, 'malformed-header'],
      [{ 'Stripe-Signature': `t=abc,v1=${sig}` }, 'malformed-header'],
      [{ 'Stripe-Signature': `t=${NOW_S},t=${NOW_S},v1=${sig}` }, 'malformed-header'],
      [{ 'Stripe-Signature': `t=${NOW_S - 301},v1=${sig}` }, 'timestamp-out-of-tolerance'],
      [{ 'Stripe-Signature': `t=${NOW_S},v1=${'0'.repeat(64)}` }, 'signature-mismatch'],
    ];
    for (const [headers, reason] of cases) {
      const result = await verifyStripeV1(payload, headers, secret, options);
      expect(result).toMatchObject({ ok: false, reason });
      if (!result.ok) {
        expect(result.detail).not.toContain(secret);
        expect(result.detail).not.toContain(sig);
      }
    }
    const notJson = 'not json';
    expect(await verifyStripeV1(notJson, { 'Stripe-Signature': sign(notJson, secret, NOW_S) }, secret, options)).toMatchObject({ ok: false, reason: 'unparsable-body' });
    expect(await verifyStripeV1('[]', { 'Stripe-Signature': sign('[]', secret, NOW_S) }, secret, options)).toMatchObject({ ok: false, reason: 'unparsable-body' });
  });

  it('documented divergence: a timestamp more than the tolerance in the future is refused (the SDK checks age only)', async () => {
    const payload = '{"id":"evt_future"}';
    const header = sign(payload, secret, NOW_S + TOLERANCE + 1);
    expect(stripeAccepts(payload, header, [secret], NOW_MS)).toBe(true);
    expect(await verifyStripeV1(payload, { 'Stripe-Signature': header }, secret, options)).toMatchObject({ ok: false, reason: 'timestamp-out-of-tolerance' });
    const atEdge = sign(payload, secret, NOW_S + TOLERANCE);
    expect((await verifyStripeV1(payload, { 'Stripe-Signature': atEdge }, secret, options)).ok).toBe(true);
  });

  it('reads the header from fetch Headers and from records in any case', async () => {
    const payload = '{"id":"evt_h"}';
    const header = sign(payload, secret, NOW_S);
    for (const headers of [new Headers({ 'Stripe-Signature': header }), { 'stripe-signature': header }, { 'STRIPE-SIGNATURE': [header] }]) {
      expect((await verifyStripeV1(payload, headers, secret, options)).ok).toBe(true);
    }
    expect(await verifyStripeV1(payload, { 'stripe-signature': [header, header] }, secret, options)).toMatchObject({ ok: false, reason: 'malformed-header' });
  });
});
