// Declared Ed25519 schemes: node:crypto signs, and our declared verifier is judged against an
// independent verifier of the same shape, discord-interactions' verifyKey (WebCrypto). Each case
// where the verdicts differ is pinned below: everywhere the library is the more lenient, reading
// malformed text as a valid signature. The ECDSA shapes are in declared-public-key-oracles.*.test.ts.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyKey } from 'discord-interactions';
import { declaredScheme, type DeclaredSignature } from '../../../runtime/webhooks.ts';
import { BODIES, expected, expectVerdict, flipByte, tampered, type Expected } from './declared-oracle-support.ts';

const NOW_MS = 1_800_000_000_000 + 700;
const NOW_S = Math.floor(NOW_MS / 1000);
const at = { now: () => NOW_MS };

describe('declared Ed25519 scheme (oracle: discord-interactions verifyKey)', () => {
  const spec: DeclaredSignature = {
    algorithm: 'ed25519',
    payload: '{timestamp}{body}',
    signature: { header: 'X-Signature-Ed25519', encoding: 'hex' },
    timestamp: { header: 'X-Signature-Timestamp', unit: 'seconds' },
    secret: { encoding: 'hex', format: 'raw' },
  };
  const scheme = declaredScheme('ed25519-interactions', 'object', spec);

  interface Pair {
    privateKey: KeyObject;
    /** The raw 32-byte public key in hex, as a developer portal shows it. */
    publicHex: string;
  }
  const pair = (): Pair => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    // An Ed25519 SPKI is a 12-byte header and the raw key.
    return { privateKey, publicHex: publicKey.export({ type: 'spki', format: 'der' }).subarray(12).toString('hex') };
  };
  const key = pair();
  const other = pair();
  const signHex = (timestamp: string, body: string, by: Pair = key) => sign(null, Buffer.from(timestamp + body), by.privateKey).toString('hex');

  const libraryAccepts = (body: string, signature: string | undefined, timestamp: string | undefined, publicHex: string) =>
    verifyKey(body, signature as string, timestamp as string, publicHex);

  it('accepts what node:crypto signs and refuses what verifyKey refuses: genuine, tampered, wrong-key and damaged deliveries', async () => {
    let accepted = 0;
    let refused = 0;
    for (const body of BODIES) {
      const ts = String(NOW_S - 3);
      const genuine = signHex(ts, body);
      const cases: { name: string; body: string; signature?: string; timestamp?: string; keys: string[]; outcome: Expected }[] = [
        { name: 'genuine', body, signature: genuine, timestamp: ts, keys: [key.publicHex], outcome: 'ok' },
        { name: 'uppercase hex', body, signature: genuine.toUpperCase(), timestamp: ts, keys: [key.publicHex], outcome: 'ok' },
        { name: 'uppercase public key', body, signature: genuine, timestamp: ts, keys: [key.publicHex.toUpperCase()], outcome: 'ok' },
        { name: 'two keys configured, the second signed', body, signature: genuine, timestamp: ts, keys: [other.publicHex, key.publicHex], outcome: 'ok' },
        { name: 'tampered body', body: tampered(body), signature: genuine, timestamp: ts, keys: [key.publicHex], outcome: 'signature-mismatch' },
        { name: 'wrong key', body, signature: genuine, timestamp: ts, keys: [other.publicHex], outcome: 'signature-mismatch' },
        { name: 'signed by another key', body, signature: signHex(ts, body, other), timestamp: ts, keys: [key.publicHex], outcome: 'signature-mismatch' },
        { name: 're-timestamped', body, signature: genuine, timestamp: String(NOW_S - 2), keys: [key.publicHex], outcome: 'signature-mismatch' },
        { name: 'one signature byte flipped', body, signature: flipByte(Buffer.from(genuine, 'hex'), 17).toString('hex'), timestamp: ts, keys: [key.publicHex], outcome: 'signature-mismatch' },
        { name: 'truncated signature', body, signature: genuine.slice(0, -2), timestamp: ts, keys: [key.publicHex], outcome: 'malformed-header' },
        { name: 'missing signature', body, timestamp: ts, keys: [key.publicHex], outcome: 'missing-header' },
        { name: 'missing timestamp', body, signature: genuine, keys: [key.publicHex], outcome: 'missing-header' },
      ];
      for (const c of cases) {
        let library = false;
        for (const k of c.keys) library ||= await libraryAccepts(c.body, c.signature, c.timestamp, k);
        const headers: Record<string, string> = {};
        if (c.signature !== undefined) headers['X-Signature-Ed25519'] = c.signature;
        if (c.timestamp !== undefined) headers['X-Signature-Timestamp'] = c.timestamp;
        const ours = await scheme.verify(c.body, headers, c.keys, at);
        expect({ case: c.name, ours: ours.ok }).toEqual({ case: c.name, ours: library });
        expectVerdict(ours, expected(c.outcome, c.body), []);
        if (library) accepted++;
        else refused++;
      }
    }
    expect([accepted, refused]).toEqual([BODIES.length * 4, BODIES.length * 8]);
  });

  it('refuses a stale timestamp, which verifyKey (checking no time) accepts, and accepts it when the window is disabled', async () => {
    const body = BODIES[0];
    const ts = String(NOW_S - 301);
    const headers = { 'X-Signature-Ed25519': signHex(ts, body), 'X-Signature-Timestamp': ts };
    expect(await libraryAccepts(body, headers['X-Signature-Ed25519'], ts, key.publicHex)).toBe(true);
    expectVerdict(await scheme.verify(body, headers, key.publicHex, at), { ok: false, reason: 'timestamp-out-of-tolerance' }, []);
    expectVerdict(await scheme.verify(body, headers, key.publicHex, { ...at, toleranceSeconds: Infinity }), { ok: true, body }, []);
  });

  describe('where the library and ours differ (none lets a forgery through)', () => {
    const body = BODIES[2];

    it("refuses hex that verifyKey's per-pair parseInt reads leniently: a non-hex digit, a sign, a dropped leading zero", async () => {
      // verifyKey splits the hex into pairs and parses each with parseInt(pair, 16), which skips a
      // leading sign or space and stops at a non-hex digit: `5g`, `+5` and ` 5` all read as 0x05,
      // and an odd-length text ends with a one-digit byte.
      let ts = NOW_S;
      let genuine = signHex(String(ts), body);
      const lastHasZero = () => genuine.at(-2) === '0';
      const zeroPair = () => [...genuine.matchAll(/0[0-9a-f]/g)].find((m) => m.index % 2 === 0);
      while (!lastHasZero() || !zeroPair()) genuine = signHex(String(--ts), body);
      const pair = zeroPair()!;
      const replace = (by: string) => genuine.slice(0, pair.index) + by + genuine.slice(pair.index + 2);
      const digit = pair[0][1]!;
      for (const lax of [replace(`${digit}g`), replace(`+${digit}`), replace(` ${digit}`), genuine.slice(0, -2) + genuine.at(-1)]) {
        expect(await libraryAccepts(body, lax, String(ts), key.publicHex)).toBe(true);
        const ours = await scheme.verify(body, { 'X-Signature-Ed25519': lax, 'X-Signature-Timestamp': String(ts) }, key.publicHex, at);
        expectVerdict(ours, { ok: false, reason: 'malformed-header' }, []);
      }
    });

    it('refuses a signed timestamp that is not a decimal number, which verifyKey signs and accepts as any text', async () => {
      const ts = 'yesterday';
      const signature = signHex(ts, body);
      expect(await libraryAccepts(body, signature, ts, key.publicHex)).toBe(true);
      const ours = await scheme.verify(body, { 'X-Signature-Ed25519': signature, 'X-Signature-Timestamp': ts }, key.publicHex, { toleranceSeconds: Infinity });
      expectVerdict(ours, { ok: false, reason: 'malformed-header' }, []);
    });
  });
});
