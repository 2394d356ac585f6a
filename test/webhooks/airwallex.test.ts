// Airwallex `airwallex-hmac` verifier against a self-made oracle: our own node:crypto reading of
// the documented scheme (hex HMAC-SHA256 of x-timestamp text + raw body, timestamp in
// milliseconds), written apart from the verifier but from the same reading of the docs, so it
// cannot catch a misreading of them. No independent one exists: the official @airwallex/node-sdk
// has no webhook verifier (checked below on every run), unlike stripe and @sendgrid/eventwebhook.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { verifyAirwallexHmac } from '../../runtime/webhooks.ts';
import type { RawBody } from '../../runtime/webhooks.ts';
import { PARSE_WHILE_VERIFYING_MAX } from '../../runtime/webhooks/body.ts';
import { alterText, fields, layout, mutateBody, render, secretText, utf8 } from './support/payloads.ts';
import { expectOracleAgreement, newTally, printReport, recordOracleCase } from './support/report.ts';

/** An Airwallex-like event body. */
const airwallexEventBody = fc
  .record({ id: fc.uuid(), name: fc.constantFrom('payment_intent.succeeded', 'refund.settled', 'payout.transfer.paid'), object: fields, how: layout })
  .map(({ id, name, object, how }) => render({ id, name, account_id: 'acct_x', data: { object }, created_at: '2024-01-01T00:00:00+0000', version: '2024-06-30' }, how));

const TOLERANCE = 300;
const NOW_MS = 1_800_000_000_789;
const tally = newTally();
const ORACLE_NOTE = 'self-made, our node:crypto reading of the Airwallex docs; @airwallex/node-sdk has no verifier';
afterAll(() => printReport('airwallex', tally, ORACLE_NOTE));

/** Files of the installed @airwallex/node-sdk that compute or check an HMAC webhook signature. */
function sdkVerifierFiles(): string[] {
  const packageRoot = path.dirname(createRequire(import.meta.url).resolve('@airwallex/node-sdk/package.json'));
  const files = readdirSync(packageRoot, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.js'));
  return files.filter((name) => /createHmac|timingSafeEqual|x-signature|subtle\.(sign|verify)/i.test(readFileSync(path.join(packageRoot, name), 'utf8')));
}

describe('the oracle for Airwallex', () => {
  it('is self-made because the official SDK ships no webhook verifier (use it as the oracle if one appears)', () => {
    expect(sdkVerifierFiles()).toEqual([]);
  });
});

function signature(timestamp: string, body: string | Uint8Array, secret: string): string {
  return createHmac('sha256', secret).update(timestamp).update(body).digest('hex');
}

/** The scheme as documented, written with node:crypto only. */
function oracleAccepts(body: string, headers: Record<string, string>, secrets: readonly string[], nowMs: number): boolean {
  const timestamp = headers['x-timestamp'];
  const sent = headers['x-signature'];
  if (timestamp === undefined || sent === undefined || !/^\d+$/.test(timestamp) || !/^[0-9a-f]{64}$/.test(sent)) return false;
  if (Math.abs(nowMs - Number(timestamp)) > TOLERANCE * 1000) return false;
  const authentic = secrets.some((secret) => secret.length > 0 && timingSafeEqual(Buffer.from(signature(timestamp, body, secret), 'hex'), Buffer.from(sent, 'hex')));
  if (!authentic) return false;
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

const options = { now: () => NOW_MS, toleranceSeconds: TOLERANCE };

const tampers = [
  'none',
  'body-char',
  'body-truncate',
  'body-append',
  'wrong-secret',
  'signature-digit',
  'signature-uppercase',
  'retimestamp',
  'seconds-not-ms',
  'stale',
  'future',
  'rotated-secrets',
  'missing-signature',
  'missing-timestamp',
] as const;

describe('airwallex-hmac agrees with our own (self-made) HMAC computation of the documented scheme', () => {
  it('on 1,200 random deliveries, accepted and rejected alike', async () => {
    await fc.assert(
      fc.asyncProperty(
        airwallexEventBody,
        secretText('whsec_'),
        secretText('whsec_'),
        fc.integer({ min: -TOLERANCE * 1000, max: TOLERANCE * 1000 }),
        fc.constantFrom(...tampers),
        fc.nat(),
        async (payload, secret, otherSecret, offsetMs, tamper, pick) => {
          fc.pre(secret !== otherSecret);
          let timestamp = String(NOW_MS - offsetMs);
          if (tamper === 'stale') timestamp = String(NOW_MS - TOLERANCE * 1000 - 1 - (pick % 100_000));
          if (tamper === 'future') timestamp = String(NOW_MS + TOLERANCE * 1000 + 1 + (pick % 100_000));
          if (tamper === 'seconds-not-ms') timestamp = String(Math.floor(NOW_MS / 1000));
          const sig = signature(timestamp, payload, secret);
          const headers: Record<string, string> = { 'x-timestamp': timestamp, 'x-signature': sig };
          let body = payload;
          let secrets = [secret];
          switch (tamper) {
            case 'body-char':
              body = alterText(payload, pick, pick >> 3);
              break;
            case 'body-truncate':
              body = payload.slice(0, payload.length - 1 - (pick % payload.length));
              break;
            case 'body-append':
              body = payload + '\r\n';
              break;
            case 'wrong-secret':
              secrets = [otherSecret];
              break;
            case 'signature-digit': {
              const at = pick % 64;
              headers['x-signature'] = sig.slice(0, at) + (sig[at] === 'a' ? 'b' : 'a') + sig.slice(at + 1);
              break;
            }
            case 'signature-uppercase':
              fc.pre(/[a-f]/.test(sig));
              headers['x-signature'] = sig.toUpperCase();
              break;
            case 'retimestamp':
              headers['x-timestamp'] = String(Number(timestamp) + 1 + (pick % 1000));
              break;
            case 'rotated-secrets':
              secrets = pick % 2 ? [otherSecret, secret] : [secret, otherSecret];
              break;
            case 'missing-signature':
              delete headers['x-signature'];
              break;
            case 'missing-timestamp':
              delete headers['x-timestamp'];
              break;
          }
          const oracle = oracleAccepts(body, headers, secrets, NOW_MS);
          const ours = await verifyAirwallexHmac(pick % 2 ? utf8(body) : body, headers, secrets, options);
          return recordOracleCase(tally, ours, oracle, body);
        },
      ),
      { numRuns: 1200 },
    );
    expectOracleAgreement(tally, { cases: 1000, accepted: 100, rejected: 200 });
  });
});

describe('airwallex-hmac under fuzzing', () => {
  const mutations = ['body-char', 'body-byte', 'truncate', 'extend', 'retimestamp', 'wrong-secret', 'random-signature', 'other-body-signature'] as const;

  it('accepts every genuine delivery and no mutated one (10,000 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(
        airwallexEventBody,
        secretText(''),
        fc.integer({ min: -TOLERANCE * 1000, max: TOLERANCE * 1000 }),
        fc.constantFrom(...mutations),
        fc.nat(),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        async (payload, secret, offsetMs, mutation, pick, randomBytes) => {
          const timestamp = String(NOW_MS - offsetMs);
          const sig = signature(timestamp, payload, secret);
          const genuine = await verifyAirwallexHmac(utf8(payload), { 'x-timestamp': timestamp, 'x-signature': sig }, secret, options);
          if (!genuine.ok) return false;

          const body: RawBody = mutateBody(payload, mutation, pick, '\n') ?? payload;
          const headers = { 'x-timestamp': timestamp, 'x-signature': sig };
          let key = secret;
          switch (mutation) {
            case 'retimestamp':
              headers['x-timestamp'] = String(Number(timestamp) + (pick % 2 ? 1 : -1) * (1 + (pick % 60_000)));
              break;
            case 'wrong-secret':
              key = secret.slice(1);
              break;
            case 'random-signature':
              headers['x-signature'] = Buffer.from(randomBytes).toString('hex');
              break;
            case 'other-body-signature':
              headers['x-signature'] = signature(timestamp, payload + ' ', secret);
              break;
          }
          const forged = await verifyAirwallexHmac(body, headers, key, options);
          tally.fuzzRuns++;
          if (forged.ok) tally.forgedAccepted++;
          return !forged.ok;
        },
      ),
      { numRuns: 10_000 },
    );
    expect(tally.forgedAccepted).toBe(0);
  });

  it('applies the tolerance exactly, in milliseconds, both ways', async () => {
    const payload = '{"id":"e","name":"refund.settled","data":{"object":{}}}';
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom(-1, 0, 1), fc.boolean(), async (tolerance, step, future) => {
        const distance = tolerance * 1000 + step;
        fc.pre(distance >= 0);
        const timestamp = String(NOW_MS + (future ? distance : -distance));
        const headers = { 'x-timestamp': timestamp, 'x-signature': signature(timestamp, payload, 's3cret') };
        const result = await verifyAirwallexHmac(payload, headers, 's3cret', { now: () => NOW_MS, toleranceSeconds: tolerance });
        return result.ok === distance <= tolerance * 1000 && (result.ok || result.reason === 'timestamp-out-of-tolerance');
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, whatever arrives', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.uint8Array({ maxLength: 64 })), fc.string(), fc.string(), fc.oneof(fc.string(), fc.array(fc.string())), async (body, timestamp, sig, secret) => {
        const result = await verifyAirwallexHmac(body, { 'x-timestamp': timestamp, 'x-signature': sig }, secret);
        return result.ok === false && typeof result.detail === 'string';
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('airwallex-hmac specifics', () => {
  it('verifies exact bytes (Unicode, CRLF, large) and reads headers in any case', async () => {
    const payload = '{"name":"deposit.settled",\r\n"data":{"note":"Gr\u00fc\u00dfe \u{1F4B8}"}}';
    const timestamp = String(NOW_MS);
    const sig = signature(timestamp, payload, 'k');
    expect((await verifyAirwallexHmac(new TextEncoder().encode(payload).buffer, new Headers({ 'X-Timestamp': timestamp, 'X-Signature': sig }), 'k', options)).ok).toBe(true);
    expect((await verifyAirwallexHmac(payload.replace('\r\n', '\n'), { 'X-Timestamp': timestamp, 'X-Signature': sig }, 'k', options)).ok).toBe(false);
    expect((await verifyAirwallexHmac(payload.normalize('NFD'), { 'x-timestamp': timestamp, 'x-signature': sig }, 'k', options)).ok).toBe(false);
    const large = JSON.stringify({ name: 'payment_intent.succeeded', data: { object: { blob: '\u00e9'.repeat(3_000_000) } } });
    const largeSig = signature(timestamp, large, 'k');
    expect((await verifyAirwallexHmac(utf8(large), { 'x-timestamp': timestamp, 'x-signature': largeSig }, 'k', options)).ok).toBe(true);
  });

  it('refuses a timestamp in seconds: the scheme signs milliseconds', async () => {
    const payload = '{"name":"x"}';
    const seconds = String(Math.floor(NOW_MS / 1000));
    const result = await verifyAirwallexHmac(payload, { 'x-timestamp': seconds, 'x-signature': signature(seconds, payload, 'k') }, 'k', options);
    expect(result).toMatchObject({ ok: false, reason: 'timestamp-out-of-tolerance' });
  });

  it('returns a parsed event only when the signature matched, for bodies parsed during and after the MAC', async () => {
    // A body up to PARSE_WHILE_VERIFYING_MAX is parsed while the MAC is computed, a larger one after it.
    const timestamp = String(NOW_MS);
    for (const size of [PARSE_WHILE_VERIFYING_MAX - 100, PARSE_WHILE_VERIFYING_MAX + 100]) {
      const event = JSON.stringify({ name: 'x', pad: 'p'.repeat(size) });
      const notJson = `not json ${'p'.repeat(size)}`;
      const forged = { 'x-timestamp': timestamp, 'x-signature': signature(timestamp, event, 'other') };
      expect(await verifyAirwallexHmac(event, { 'x-timestamp': timestamp, 'x-signature': signature(timestamp, event, 'k') }, 'k', options)).toEqual({ ok: true, event: JSON.parse(event) });
      expect(await verifyAirwallexHmac(event, forged, 'k', options)).toMatchObject({ ok: false, reason: 'signature-mismatch' });
      expect(await verifyAirwallexHmac(notJson, forged, 'k', options)).toMatchObject({ ok: false, reason: 'signature-mismatch' });
      expect(await verifyAirwallexHmac(notJson, { 'x-timestamp': timestamp, 'x-signature': signature(timestamp, notJson, 'k') }, 'k', options)).toMatchObject({ ok: false, reason: 'unparsable-body' });
    }
  });

  it('reports why a delivery was refused, without the secret or signature', async () => {
    const payload = '{"name":"x"}';
    const timestamp = String(NOW_MS);
    const sig = signature(timestamp, payload, 'topsecret');
    const cases: [Record<string, string>, string][] = [
      [{ 'x-timestamp': timestamp }, 'missing-header'],
      [{ 'x-signature': sig }, 'missing-header'],
      [{ 'x-timestamp': '17e11', 'x-signature': sig }, 'malformed-header'],
      [{ 'x-timestamp': timestamp, 'x-signature': sig.slice(2) }, 'malformed-header'],
      [{ 'x-timestamp': timestamp, 'x-signature': signature(timestamp, payload, 'other') }, 'signature-mismatch'],
    ];
    for (const [headers, reason] of cases) {
      const result = await verifyAirwallexHmac(payload, headers, 'topsecret', options);
      expect(result).toMatchObject({ ok: false, reason });
      if (!result.ok) expect(result.detail).not.toMatch(/topsecret|[0-9a-f]{64}/);
    }
    expect(await verifyAirwallexHmac(payload, { 'x-timestamp': timestamp, 'x-signature': sig }, [], options)).toMatchObject({ ok: false, reason: 'signature-mismatch' });
  });
});
