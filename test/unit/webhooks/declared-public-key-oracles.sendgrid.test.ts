// Declared ECDSA P-256 schemes (SendGrid's event-webhook shape: DER in base64, an spki key, and
// r‖s as a raw variant): node:crypto signs, and the declared verifier is judged against
// @sendgrid/eventwebhook (ECDSA in pure JS). Each case where the verdicts differ is pinned below.
import { generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EventWebhook } from '@sendgrid/eventwebhook';
import { declaredScheme, type DeclaredSignature } from '../../../runtime/webhooks.ts';
import { BODIES, expected, expectVerdict, flipByte, tampered, type Expected } from './declared-oracle-support.ts';
import { derFromRaw } from '../../support/der.ts';

const NOW_MS = 1_800_000_000_000 + 700;
const NOW_S = Math.floor(NOW_MS / 1000);
const at = { now: () => NOW_MS };

describe('declared ECDSA P-256 scheme (oracle: @sendgrid/eventwebhook, and node:crypto for r‖s)', () => {
  const der: DeclaredSignature = {
    algorithm: 'ecdsa-p256-sha256',
    payload: '{timestamp}{body}',
    signature: { header: 'X-Event-Signature', encoding: 'base64' },
    timestamp: { header: 'X-Event-Timestamp', unit: 'seconds' },
  };
  const raw: DeclaredSignature = { ...der, signature: { ...der.signature, format: 'raw' } };
  const derScheme = declaredScheme('ecdsa-der', 'array', der);
  const rawScheme = declaredScheme('ecdsa-raw', 'array', raw);
  /** Order of the P-256 group: (r, n − s) is the other valid signature for (r, s). */
  const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

  interface Pair {
    privateKey: KeyObject;
    publicKey: KeyObject;
    /** Base64 DER SubjectPublicKeyInfo, as a dashboard shows it. */
    spki: string;
  }
  const pair = (): Pair => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    return { privateKey, publicKey, spki: publicKey.export({ type: 'spki', format: 'der' }).toString('base64') };
  };
  const key = pair();
  const other = pair();
  // Batches, as the ECDSA shape delivers them.
  const batches = BODIES.map((body) => `[${body}]`);
  const signDer = (timestamp: string, body: string, by: Pair = key) => sign('sha256', Buffer.from(timestamp + body), by.privateKey);
  const signRaw = (timestamp: string, body: string, by: Pair = key) => sign('sha256', Buffer.from(timestamp + body), { key: by.privateKey, dsaEncoding: 'ieee-p1363' });

  const eventWebhook = new EventWebhook();
  function libraryAccepts(body: string, signature: string, timestamp: string, spkis: string[]): boolean {
    return spkis.some((spki) => {
      try {
        return eventWebhook.verifySignature(eventWebhook.convertPublicKeyToECDSA(spki), body, signature, timestamp) === true;
      } catch {
        return false;
      }
    });
  }

  /** A DER signature (test/support/der.ts, independent of the runtime's parser) of r‖s, `padR` redundant zeros before r. */
  const derOf = (rs: Buffer, padR = 0): Buffer => Buffer.from(derFromRaw(rs, padR));

  const highLowSwapped = (rs: Buffer) => {
    const s = (P256_N - BigInt(`0x${rs.subarray(32).toString('hex')}`)).toString(16).padStart(64, '0');
    return Buffer.concat([rs.subarray(0, 32), Buffer.from(s, 'hex')]);
  };

  it('accepts what node:crypto signs in DER and refuses what @sendgrid/eventwebhook refuses: genuine, tampered and wrong-key deliveries', async () => {
    let accepted = 0;
    let refused = 0;
    for (const body of batches) {
      const ts = String(NOW_S - 7);
      const genuine = signDer(ts, body).toString('base64');
      const rs = signRaw(ts, body);
      const cases: { name: string; body: string; signature: string; timestamp: string; keys: string[]; outcome: Expected }[] = [
        { name: 'genuine', body, signature: genuine, timestamp: ts, keys: [key.spki], outcome: 'ok' },
        { name: 'two keys configured, the second signed', body, signature: genuine, timestamp: ts, keys: [other.spki, key.spki], outcome: 'ok' },
        { name: 'DER written here', body, signature: derOf(rs).toString('base64'), timestamp: ts, keys: [key.spki], outcome: 'ok' },
        { name: 'the other valid s (n − s)', body, signature: derOf(highLowSwapped(rs)).toString('base64'), timestamp: ts, keys: [key.spki], outcome: 'ok' },
        { name: 'redundant zero bytes before r', body, signature: derOf(rs, 2).toString('base64'), timestamp: ts, keys: [key.spki], outcome: 'ok' },
        { name: 'tampered body', body: tampered(body), signature: genuine, timestamp: ts, keys: [key.spki], outcome: 'signature-mismatch' },
        { name: 'wrong key', body, signature: genuine, timestamp: ts, keys: [other.spki], outcome: 'signature-mismatch' },
        { name: 'signed by another key', body, signature: signDer(ts, body, other).toString('base64'), timestamp: ts, keys: [key.spki], outcome: 'signature-mismatch' },
        { name: 're-timestamped', body, signature: genuine, timestamp: String(NOW_S - 6), keys: [key.spki], outcome: 'signature-mismatch' },
        { name: 'r with one bit flipped', body, signature: derOf(flipByte(rs, 20)).toString('base64'), timestamp: ts, keys: [key.spki], outcome: 'signature-mismatch' },
        { name: 'signature of another message', body, signature: signDer(ts, `${body} `).toString('base64'), timestamp: ts, keys: [key.spki], outcome: 'signature-mismatch' },
      ];
      for (const c of cases) {
        const library = libraryAccepts(c.body, c.signature, c.timestamp, c.keys);
        const headers = { 'X-Event-Signature': c.signature, 'X-Event-Timestamp': c.timestamp };
        const ours = await derScheme.verify(c.body, headers, c.keys, at);
        expect({ case: c.name, ours: ours.ok }).toEqual({ case: c.name, ours: library });
        if (c.outcome === 'ok') expect(ours).toEqual({ ok: true, event: JSON.parse(c.body) });
        else expectVerdict(ours, expected(c.outcome, c.body), []);
        if (library) accepted++;
        else refused++;
      }
    }
    expect([accepted, refused]).toEqual([batches.length * 5, batches.length * 6]);
  });

  it('refuses values that are no DER signature (raw r‖s, truncated, not base64) as malformed', async () => {
    const body = batches[0]!;
    const ts = String(NOW_S);
    const genuine = signDer(ts, body);
    for (const signature of [signRaw(ts, body).toString('base64'), genuine.subarray(0, -1).toString('base64'), '!'.repeat(96)]) {
      expect(libraryAccepts(body, signature, ts, [key.spki])).toBe(false);
      expectVerdict(await derScheme.verify(body, { 'X-Event-Signature': signature, 'X-Event-Timestamp': ts }, key.spki, at), { ok: false, reason: 'malformed-header' }, []);
    }
  });

  it('reads the public key with PEM framing and line breaks, as dashboards show it', async () => {
    const body = batches[1]!;
    const ts = String(NOW_S);
    const pem = key.publicKey.export({ type: 'spki', format: 'pem' }) as string;
    expect(pem).toContain('\n');
    const headers = { 'X-Event-Signature': signDer(ts, body).toString('base64'), 'X-Event-Timestamp': ts };
    expect((await derScheme.verify(body, headers, pem, at)).ok).toBe(true);
  });

  describe('where the library and ours differ (none lets a forgery through)', () => {
    const body = batches[2]!;

    it('refuses base64 with a character outside the alphabet, which eventwebhook (Buffer) skips', async () => {
      const ts = String(NOW_S);
      const genuine = signDer(ts, body).toString('base64');
      for (const junk of [',', ';', '.']) {
        const signature = genuine.slice(0, 20) + junk + genuine.slice(20);
        expect(libraryAccepts(body, signature, ts, [key.spki])).toBe(true);
        expectVerdict(await derScheme.verify(body, { 'X-Event-Signature': signature, 'X-Event-Timestamp': ts }, key.spki, at), { ok: false, reason: 'malformed-header' }, []);
      }
    });

    it('finds no usable key in a key followed by other text, which eventwebhook reads up to the end of the first key', async () => {
      const ts = String(NOW_S);
      const headers = { 'X-Event-Signature': signDer(ts, body).toString('base64'), 'X-Event-Timestamp': ts };
      const doubled = `${key.spki} ${other.spki}`;
      expect(libraryAccepts(body, headers['X-Event-Signature'], ts, [doubled])).toBe(true);
      expectVerdict(await derScheme.verify(body, headers, doubled, at), { ok: false, reason: 'signature-mismatch' }, [doubled]);
    });

    it('refuses a DER length in long form (0x81 before a length under 128), which eventwebhook reads as BER', async () => {
      const ts = String(NOW_S);
      const strict = signDer(ts, body);
      const longForm = Buffer.concat([Buffer.from([0x30, 0x81, strict[1]!]), strict.subarray(2)]).toString('base64');
      expect(libraryAccepts(body, longForm, ts, [key.spki])).toBe(true);
      expectVerdict(await derScheme.verify(body, { 'X-Event-Signature': longForm, 'X-Event-Timestamp': ts }, key.spki, at), { ok: false, reason: 'malformed-header' }, []);
    });

    it('refuses base64 without its = padding, which eventwebhook decodes', async () => {
      // A DER signature is 70 to 72 bytes: only a length that is no multiple of 3 has padding to drop.
      let seconds = NOW_S;
      let signature = signDer(String(seconds), body);
      while (signature.length % 3 === 0) signature = signDer(String(--seconds), body);
      const ts = String(seconds);
      const unpadded = signature.toString('base64').replace(/=+$/, '');
      expect(libraryAccepts(body, unpadded, ts, [key.spki])).toBe(true);
      expectVerdict(await derScheme.verify(body, { 'X-Event-Signature': unpadded, 'X-Event-Timestamp': ts }, key.spki, at), { ok: false, reason: 'malformed-header' }, []);
    });
  });

  it('with format raw, accepts what node:crypto signs as ieee-p1363 and refuses what node:crypto and eventwebhook refuse', async () => {
    for (const body of batches) {
      const ts = String(NOW_S - 1);
      const rs = signRaw(ts, body);
      const cases: { name: string; body: string; rs: Buffer; keys: Pair[]; outcome: Expected }[] = [
        { name: 'genuine', body, rs, keys: [key], outcome: 'ok' },
        { name: 'the other valid s (n − s)', body, rs: highLowSwapped(rs), keys: [key], outcome: 'ok' },
        { name: 'tampered body', body: tampered(body), rs, keys: [key], outcome: 'signature-mismatch' },
        { name: 'wrong key', body, rs, keys: [other], outcome: 'signature-mismatch' },
        { name: 'a flipped bit in s', body, rs: flipByte(rs, 50), keys: [key], outcome: 'signature-mismatch' },
      ];
      for (const c of cases) {
        const nodeAccepts = c.keys.some((k) => verify('sha256', Buffer.from(ts + c.body), { key: k.publicKey, dsaEncoding: 'ieee-p1363' }, c.rs));
        const libraryVerdict = libraryAccepts(c.body, derOf(c.rs).toString('base64'), ts, c.keys.map((k) => k.spki));
        expect({ case: c.name, library: libraryVerdict }).toEqual({ case: c.name, library: nodeAccepts });
        const ours = await rawScheme.verify(c.body, { 'X-Event-Signature': c.rs.toString('base64'), 'X-Event-Timestamp': ts }, c.keys.map((k) => k.spki), at);
        expect({ case: c.name, ours: ours.ok }).toEqual({ case: c.name, ours: nodeAccepts });
        if (c.outcome !== 'ok') expectVerdict(ours, expected(c.outcome, c.body), []);
      }
      // A DER value, or r‖s one byte short, is no raw signature.
      for (const wrongShape of [signDer(ts, body), rs.subarray(1)]) {
        const ours = await rawScheme.verify(body, { 'X-Event-Signature': wrongShape.toString('base64'), 'X-Event-Timestamp': ts }, key.spki, at);
        expectVerdict(ours, { ok: false, reason: 'malformed-header' }, []);
      }
    }
  });
});
