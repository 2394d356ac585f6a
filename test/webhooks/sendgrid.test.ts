// SendGrid `sendgrid-ecdsa` verifier against the official @sendgrid/eventwebhook package (a pure-JS
// ECDSA implementation) on key pairs made here with node:crypto, and under fuzzing.
import { generateKeyPairSync, sign as nodeSign, type KeyObject } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventWebhook } from '@sendgrid/eventwebhook';
import { verifySendgridEcdsa } from '../../runtime/webhooks.ts';
import type { RawBody } from '../../runtime/webhooks.ts';
import { PARSE_WHILE_VERIFYING_MAX } from '../../runtime/webhooks/body.ts';
import { alterText, fields, mutateBody, utf8 } from './support/payloads.ts';
import { expectOracleAgreement, newTally, printReport, recordOracleCase } from './support/report.ts';
import { derFromRaw } from '../support/der.ts';

/** A SendGrid batch as SendGrid writes it: `,\r\n` between events and a trailing CRLF. */
const sendgridBatchBody = fc
  .array(
    fc.record({
      email: fc.emailAddress(),
      event: fc.constantFrom('processed', 'delivered', 'open', 'click', 'bounce'),
      sg_event_id: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 22 }),
      extra: fields,
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((events) => '[' + events.map(({ extra, ...e }) => JSON.stringify({ ...extra, ...e, timestamp: 1_700_000_000 })).join(',\r\n') + ']\r\n');

const TOLERANCE = 300;
const NOW_MS = 1_800_000_000_000 + 456;
const NOW_S = Math.floor(NOW_MS / 1000);
const SIGNATURE = 'X-Twilio-Email-Event-Webhook-Signature';
const TIMESTAMP = 'X-Twilio-Email-Event-Webhook-Timestamp';
/** Order of the P-256 group: (r, n − s) is the other valid signature for (r, s). */
const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const tally = newTally();
afterAll(() => printReport('sendgrid', tally));

interface KeyPair {
  privateKey: KeyObject;
  /** Base64 DER SubjectPublicKeyInfo, the form SendGrid shows (`MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE…`). */
  publicKey: string;
}

function keyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { privateKey, publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64') };
}

const keys = Array.from({ length: 12 }, keyPair);

/** Signs `${timestamp}${payload}` and returns r‖s (so tests can build DER variants themselves). */
function signRaw(payload: string | Uint8Array, timestamp: string, key: KeyPair): Uint8Array {
  const body = typeof payload === 'string' ? utf8(payload) : payload;
  return nodeSign('sha256', Buffer.concat([utf8(timestamp), body]), { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

function withHighLowSwapped(raw: Uint8Array): Uint8Array {
  const s = BigInt('0x' + Buffer.from(raw.subarray(32)).toString('hex'));
  const flipped = (P256_N - s).toString(16).padStart(64, '0');
  return Uint8Array.from([...raw.subarray(0, 32), ...Buffer.from(flipped, 'hex')]);
}

const eventWebhook = new EventWebhook();

function sendgridAccepts(payload: string, signature: string, timestamp: string, publicKeys: readonly string[]): boolean {
  return publicKeys.some((publicKey) => {
    try {
      return eventWebhook.verifySignature(eventWebhook.convertPublicKeyToECDSA(publicKey), payload, signature, timestamp) === true;
    } catch {
      return false;
    }
  });
}

const options = { now: () => NOW_MS, toleranceSeconds: TOLERANCE };

function headersFor(signature: string, timestamp: string): Record<string, string> {
  return { [SIGNATURE]: signature, [TIMESTAMP]: timestamp };
}

const tampers = [
  'none',
  'body-char',
  'body-truncate',
  'body-drop-crlf',
  'wrong-key',
  'signature-byte',
  'signature-other-message',
  'retimestamp',
  'rotated-keys',
  'malleated-s',
  'padded-der',
] as const;

describe('sendgrid-ecdsa agrees with @sendgrid/eventwebhook', () => {
  it('on 240 random deliveries, accepted and rejected alike', async () => {
    await fc.assert(
      fc.asyncProperty(
        sendgridBatchBody,
        fc.nat(keys.length - 1),
        fc.integer({ min: -TOLERANCE, max: TOLERANCE }),
        fc.constantFrom(...tampers),
        fc.nat(),
        async (payload, keyIndex, offset, tamper, pick) => {
          const key = keys[keyIndex]!;
          const other = keys[(keyIndex + 1 + (pick % (keys.length - 1))) % keys.length]!;
          const timestamp = String(NOW_S - offset);
          const raw = signRaw(payload, timestamp, key);
          let signature = toBase64(derFromRaw(raw));
          let body = payload;
          let sentTimestamp = timestamp;
          let publicKeys = [key.publicKey];
          switch (tamper) {
            case 'body-char':
              body = alterText(payload, pick, pick >> 3);
              break;
            case 'body-truncate':
              body = payload.slice(0, payload.length - 1 - (pick % payload.length));
              break;
            case 'body-drop-crlf':
              body = payload.replace(/\r\n$/, '');
              break;
            case 'wrong-key':
              publicKeys = [other.publicKey];
              break;
            case 'signature-byte': {
              const der = derFromRaw(raw);
              // A content byte of r or s, so the DER structure stays well formed.
              const rEnd = 4 + der[3]!;
              const contents = [...Array(der.length).keys()].filter((i) => (i >= 4 && i < rEnd) || i >= rEnd + 2);
              der[contents[pick % contents.length]!]! ^= 1 + (pick % 255);
              signature = toBase64(der);
              break;
            }
            case 'signature-other-message':
              signature = toBase64(derFromRaw(signRaw(payload + ' ', timestamp, key)));
              break;
            case 'retimestamp':
              sentTimestamp = String(Number(timestamp) + 1 + (pick % 30));
              break;
            case 'rotated-keys':
              publicKeys = pick % 2 ? [other.publicKey, key.publicKey] : [key.publicKey, other.publicKey];
              break;
            case 'malleated-s':
              signature = toBase64(derFromRaw(withHighLowSwapped(raw)));
              break;
            case 'padded-der':
              signature = toBase64(derFromRaw(raw, 1));
              break;
          }
          const oracle = sendgridAccepts(body, signature, sentTimestamp, publicKeys);
          const ours = await verifySendgridEcdsa(pick % 2 ? utf8(body) : body, headersFor(signature, sentTimestamp), publicKeys, options);
          return recordOracleCase(tally, ours, oracle, body);
        },
      ),
      { numRuns: 240 },
    );
    expectOracleAgreement(tally, { cases: 200, accepted: 40, rejected: 40 });
  });

  it('on the key and signature forms SendGrid shows (MFkw… keys, MEUC/MEYC signatures)', async () => {
    const key = keys[0]!;
    expect(key.publicKey.startsWith('MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE')).toBe(true);
    const payload = '[{"email":"a@example.com","event":"processed","sg_event_id":"x","timestamp":1}]\r\n';
    const timestamp = String(NOW_S);
    const der = nodeSign('sha256', Buffer.from(timestamp + payload), key.privateKey);
    const signature = der.toString('base64');
    // A DER SEQUENCE: base64 `ME…` (MEUC/MEYC for most signatures, shorter when r or s is small).
    expect(signature).toMatch(/^ME/);
    expect([der[0], der[1]]).toEqual([0x30, der.length - 2]);
    expect(sendgridAccepts(payload, signature, timestamp, [key.publicKey])).toBe(true);
    expect((await verifySendgridEcdsa(payload, headersFor(signature, timestamp), key.publicKey, options)).ok).toBe(true);
    const pem = `-----BEGIN PUBLIC KEY-----\n${key.publicKey.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;
    expect((await verifySendgridEcdsa(payload, headersFor(signature, timestamp), pem, options)).ok).toBe(true);
  });
});

describe('sendgrid-ecdsa under fuzzing', () => {
  const mutations = ['body-char', 'body-byte', 'truncate', 'extend', 'retimestamp', 'wrong-key', 'random-signature', 'other-body-signature', 'signature-bit'] as const;

  it('accepts every genuine delivery and no mutated one (10,000 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(
        sendgridBatchBody,
        fc.nat(keys.length - 1),
        fc.integer({ min: -TOLERANCE, max: TOLERANCE }),
        fc.constantFrom(...mutations),
        fc.nat(),
        fc.uint8Array({ minLength: 64, maxLength: 64 }),
        async (payload, keyIndex, offset, mutation, pick, randomRaw) => {
          const key = keys[keyIndex]!;
          const timestamp = String(NOW_S - offset);
          const raw = signRaw(payload, timestamp, key);
          const signature = toBase64(derFromRaw(raw));
          const genuine = await verifySendgridEcdsa(utf8(payload), headersFor(signature, timestamp), key.publicKey, options);
          if (!genuine.ok) return false;

          const body: RawBody = mutateBody(payload, mutation, pick, '\r\n') ?? payload;
          let forgedSignature = signature;
          let forgedTimestamp = timestamp;
          let publicKey = key.publicKey;
          switch (mutation) {
            case 'retimestamp':
              forgedTimestamp = String(Number(timestamp) + (pick % 2 ? 1 : -1) * (1 + (pick % 60)));
              break;
            case 'wrong-key':
              publicKey = keys[(keyIndex + 1) % keys.length]!.publicKey;
              break;
            case 'random-signature':
              forgedSignature = toBase64(derFromRaw(randomRaw));
              break;
            case 'other-body-signature':
              forgedSignature = toBase64(derFromRaw(signRaw(payload.replace(/\r\n$/, '\n'), timestamp, key)));
              break;
            case 'signature-bit': {
              const flipped = new Uint8Array(raw);
              flipped[pick % 64]! ^= 1 << (pick % 8);
              forgedSignature = toBase64(derFromRaw(flipped));
              break;
            }
          }
          const forged = await verifySendgridEcdsa(body, headersFor(forgedSignature, forgedTimestamp), publicKey, options);
          tally.fuzzRuns++;
          if (forged.ok) tally.forgedAccepted++;
          return !forged.ok;
        },
      ),
      { numRuns: 10_000 },
    );
    expect(tally.forgedAccepted).toBe(0);
  });

  it('applies the tolerance exactly, both ways', async () => {
    const key = keys[1]!;
    const payload = '[{"email":"b@example.com","event":"open","sg_event_id":"y","timestamp":1}]\r\n';
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 999 }), fc.constantFrom(-1, 0, 1), fc.boolean(), async (tolerance, ms, step, future) => {
        const distance = tolerance + step;
        fc.pre(distance >= 0);
        const timestamp = String(NOW_S + (future ? distance : -distance));
        const signature = toBase64(derFromRaw(signRaw(payload, timestamp, key)));
        const result = await verifySendgridEcdsa(payload, headersFor(signature, timestamp), key.publicKey, { now: () => NOW_S * 1000 + ms, toleranceSeconds: tolerance });
        return result.ok === distance <= tolerance && (result.ok || result.reason === 'timestamp-out-of-tolerance');
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, whatever arrives', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.uint8Array({ maxLength: 64 })), fc.string(), fc.string(), fc.oneof(fc.string(), fc.constant(keys[0]!.publicKey)), async (body, signature, timestamp, key) => {
        const result = await verifySendgridEcdsa(body, headersFor(signature, timestamp), key);
        return result.ok === false && typeof result.detail === 'string';
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('sendgrid-ecdsa specifics', () => {
  const key = keys[2]!;
  const payload = '[{"email":"c@example.com","event":"delivered","sg_event_id":"z","timestamp":1,"note":"caf\u00e9 \u{1F4E8}"},\r\n{"email":"d@example.com","event":"click","sg_event_id":"w","timestamp":2,"url":"https://x.test"}]\r\n';
  const timestamp = String(NOW_S);
  const signature = toBase64(derFromRaw(signRaw(payload, timestamp, key)));

  it('keeps the raw bytes: CRLF, non-ASCII text, re-serialisation', async () => {
    expect((await verifySendgridEcdsa(Buffer.from(payload), headersFor(signature, timestamp), key.publicKey, options)).ok).toBe(true);
    expect((await verifySendgridEcdsa(payload.replace(/\r\n/g, '\n'), headersFor(signature, timestamp), key.publicKey, options)).ok).toBe(false);
    expect((await verifySendgridEcdsa(JSON.stringify(JSON.parse(payload)), headersFor(signature, timestamp), key.publicKey, options)).ok).toBe(false);
    expect(payload.normalize('NFD')).not.toBe(payload);
    expect((await verifySendgridEcdsa(payload.normalize('NFD'), headersFor(signature, timestamp), key.publicKey, options)).ok).toBe(false);
  });

  it('signs the timestamp header text itself, not a re-rendered number', async () => {
    const padded = '0' + timestamp;
    const paddedSignature = toBase64(derFromRaw(signRaw(payload, padded, key)));
    expect((await verifySendgridEcdsa(payload, headersFor(paddedSignature, padded), key.publicKey, options)).ok).toBe(true);
    expect((await verifySendgridEcdsa(payload, headersFor(paddedSignature, timestamp), key.publicKey, options)).ok).toBe(false);
  });

  it('returns the parsed batch only when the signature matched, for bodies parsed during and after the check', async () => {
    // A body up to PARSE_WHILE_VERIFYING_MAX is parsed while the signature is checked, a larger one after it.
    for (const size of [PARSE_WHILE_VERIFYING_MAX - 100, PARSE_WHILE_VERIFYING_MAX + 100]) {
      const batch = JSON.stringify([{ event: 'open', pad: 'p'.repeat(size) }]);
      const notJson = `not json ${'p'.repeat(size)}`;
      const forged = toBase64(derFromRaw(signRaw(batch, timestamp, keys[3]!)));
      expect(await verifySendgridEcdsa(batch, headersFor(toBase64(derFromRaw(signRaw(batch, timestamp, key))), timestamp), key.publicKey, options)).toEqual({ ok: true, event: JSON.parse(batch) });
      expect(await verifySendgridEcdsa(batch, headersFor(forged, timestamp), key.publicKey, options)).toMatchObject({ ok: false, reason: 'signature-mismatch' });
      expect(await verifySendgridEcdsa(notJson, headersFor(forged, timestamp), key.publicKey, options)).toMatchObject({ ok: false, reason: 'signature-mismatch' });
      const notJsonSignature = toBase64(derFromRaw(signRaw(notJson, timestamp, key)));
      expect(await verifySendgridEcdsa(notJson, headersFor(notJsonSignature, timestamp), key.publicKey, options)).toMatchObject({ ok: false, reason: 'unparsable-body' });
    }
  });

  it('reports why a delivery was refused', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ [TIMESTAMP]: timestamp }, 'missing-header'],
      [{ [SIGNATURE]: signature }, 'missing-header'],
      [headersFor(signature, 'soon'), 'malformed-header'],
      [headersFor('%%%notbase64', timestamp), 'malformed-header'],
      [headersFor(toBase64(Uint8Array.from([0x30, 0x02, 0x02, 0x00])), timestamp), 'malformed-header'],
      [headersFor(signature, String(NOW_S - TOLERANCE - 1)), 'timestamp-out-of-tolerance'],
      [headersFor(toBase64(derFromRaw(signRaw(payload, timestamp, keys[3]!))), timestamp), 'signature-mismatch'],
    ];
    for (const [headers, reason] of cases) {
      expect(await verifySendgridEcdsa(payload, headers, key.publicKey, options)).toMatchObject({ ok: false, reason });
    }
    expect(await verifySendgridEcdsa(payload, headersFor(signature, timestamp), 'not a key', options)).toMatchObject({ ok: false, reason: 'signature-mismatch' });
    const object = '{"event":"processed"}';
    const objectSignature = toBase64(derFromRaw(signRaw(object, timestamp, key)));
    expect(await verifySendgridEcdsa(object, headersFor(objectSignature, timestamp), key.publicKey, options)).toMatchObject({ ok: false, reason: 'unparsable-body' });
  });

  it('documented divergences from the SDK: it checks no timestamp age and skips non-base64 characters', async () => {
    const old = String(NOW_S - 86_400);
    const oldSignature = toBase64(derFromRaw(signRaw(payload, old, key)));
    expect(sendgridAccepts(payload, oldSignature, old, [key.publicKey])).toBe(true);
    expect(await verifySendgridEcdsa(payload, headersFor(oldSignature, old), key.publicKey, options)).toMatchObject({ reason: 'timestamp-out-of-tolerance' });
    const noisy = signature.slice(0, 10) + '*' + signature.slice(10);
    expect(sendgridAccepts(payload, noisy, timestamp, [key.publicKey])).toBe(true);
    expect(await verifySendgridEcdsa(payload, headersFor(noisy, timestamp), key.publicKey, options)).toMatchObject({ reason: 'malformed-header' });
  });
});
