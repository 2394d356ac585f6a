// Declared HMAC schemes against the libraries that define them: each library signs, our declared
// verifier judges, and the library's own verify judges the same delivery (a built-in scheme written
// as a declared one: declared-oracles.*.test.ts). Each case where the verdicts differ is pinned below, with why it lets no forgery through.
import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { sign as octokitSign, verify as octokitVerify, verifyWithFallback } from '@octokit/webhooks-methods';
import { declaredScheme, type DeclaredSignature, type HeaderSource } from '../../../runtime/webhooks.ts';
import { BODIES, expected, expectVerdict, tampered, type Expected } from './declared-oracle-support.ts';
import { STANDARD_WEBHOOKS } from '../../support/declared-schemes.ts';

const NOW_MS = 1_800_000_000_000 + 250;
const NOW_S = Math.floor(NOW_MS / 1000);
const at = { now: () => NOW_MS };

describe('declared Standard Webhooks scheme (oracle: standardwebhooks)', () => {
  const spec = STANDARD_WEBHOOKS;
  const scheme = declaredScheme('standard-webhooks', 'object', spec);
  // 32 and 24 random bytes: padded and unpadded base64 secrets.
  const secrets = [`whsec_${randomBytes(32).toString('base64')}`, `whsec_${randomBytes(24).toString('base64')}`];
  const other = `whsec_${randomBytes(32).toString('base64')}`;

  // The library reads the clock itself: Date is frozen at the instant our verifier is given.
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW_MS);
  });
  afterAll(() => vi.useRealTimers());

  const signWith = (secret: string, id: string, seconds: number, body: string) => new Webhook(secret).sign(id, new Date(seconds * 1000), body);

  function libraryAccepts(secret: string, body: string, headers: Record<string, string>): boolean {
    try {
      new Webhook(secret).verify(body, headers);
      return true;
    } catch {
      return false;
    }
  }

  interface Case {
    name: string;
    body: string;
    headers: Record<string, string>;
    secret: string;
    outcome: Expected;
  }

  function cases(secret: string, signed: string): Case[] {
    const id = `msg_${randomBytes(6).toString('hex')}`;
    const ts = NOW_S - 10;
    const genuine = signWith(secret, id, ts, signed);
    const headers = { 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': genuine };
    const at = (seconds: number) => ({ 'webhook-id': id, 'webhook-timestamp': String(seconds), 'webhook-signature': signWith(secret, id, seconds, signed) });
    const without = (name: string) => Object.fromEntries(Object.entries(headers).filter(([key]) => key !== name));
    const unknownVersion = `v1a,${randomBytes(64).toString('base64')}`;
    return [
      { name: 'genuine', body: signed, headers, secret, outcome: 'ok' },
      { name: 'rotation: old then new', body: signed, headers: { ...headers, 'webhook-signature': `${signWith(other, id, ts, signed)} ${genuine}` }, secret, outcome: 'ok' },
      { name: 'rotation: new then old', body: signed, headers: { ...headers, 'webhook-signature': `${genuine} ${signWith(other, id, ts, signed)}` }, secret, outcome: 'ok' },
      { name: 'an unknown version beside v1', body: signed, headers: { ...headers, 'webhook-signature': `${unknownVersion} ${genuine}` }, secret, outcome: 'ok' },
      { name: 'tampered body', body: tampered(signed), headers, secret, outcome: 'signature-mismatch' },
      { name: 'wrong secret', body: signed, headers, secret: other, outcome: 'signature-mismatch' },
      { name: 'only the other secret signed', body: signed, headers: { ...headers, 'webhook-signature': signWith(other, id, ts, signed) }, secret, outcome: 'signature-mismatch' },
      { name: 'another webhook-id', body: signed, headers: { ...headers, 'webhook-id': `${id}x` }, secret, outcome: 'signature-mismatch' },
      { name: 're-timestamped', body: signed, headers: { ...headers, 'webhook-timestamp': String(ts + 1) }, secret, outcome: 'signature-mismatch' },
      { name: 'stale by 301 s', body: signed, headers: at(NOW_S - 301), secret, outcome: 'timestamp-out-of-tolerance' },
      { name: 'exactly 300 s old', body: signed, headers: at(NOW_S - 300), secret, outcome: 'ok' },
      { name: '301 s in the future', body: signed, headers: at(NOW_S + 301), secret, outcome: 'timestamp-out-of-tolerance' },
      { name: 'exactly 300 s ahead', body: signed, headers: at(NOW_S + 300), secret, outcome: 'ok' },
      { name: 'missing webhook-id', body: signed, headers: without('webhook-id'), secret, outcome: 'missing-header' },
      { name: 'missing webhook-timestamp', body: signed, headers: without('webhook-timestamp'), secret, outcome: 'missing-header' },
      { name: 'missing webhook-signature', body: signed, headers: without('webhook-signature'), secret, outcome: 'missing-header' },
      { name: 'no v1 item', body: signed, headers: { ...headers, 'webhook-signature': unknownVersion }, secret, outcome: 'malformed-header' },
      { name: 'truncated base64', body: signed, headers: { ...headers, 'webhook-signature': genuine.slice(0, -4) }, secret, outcome: 'malformed-header' },
      { name: 'not base64', body: signed, headers: { ...headers, 'webhook-signature': `v1,${'*'.repeat(44)}` }, secret, outcome: 'malformed-header' },
      { name: 'timestamp not a number', body: signed, headers: { ...headers, 'webhook-timestamp': 'soon' }, secret, outcome: 'malformed-header' },
    ];
  }

  it('accepts what standardwebhooks signs and refuses what its verify refuses, for the same reason on every case', async () => {
    let accepted = 0;
    let refused = 0;
    for (const secret of secrets) {
      for (const body of BODIES) {
        for (const c of cases(secret, body)) {
          const library = libraryAccepts(c.secret, c.body, c.headers);
          // Half the cases go through fetch Headers, half through a plain record.
          const headers: HeaderSource = (accepted + refused) % 2 === 0 ? new Headers(c.headers) : c.headers;
          const ours = await scheme.verify(c.body, headers, c.secret, at);
          expect({ case: c.name, ours: ours.ok }).toEqual({ case: c.name, ours: library });
          expectVerdict(ours, expected(c.outcome, c.body), [c.secret, secret, other]);
          if (library) accepted++;
          else refused++;
        }
      }
    }
    expect(accepted).toBe(2 * BODIES.length * 6);
    expect(refused).toBe(2 * BODIES.length * 14);
  });

  it('accepts with the new secret and the old one configured together, as the library does with either alone', async () => {
    const body = BODIES[0];
    const id = 'msg_rotate';
    const header = { 'webhook-id': id, 'webhook-timestamp': String(NOW_S), 'webhook-signature': signWith(secrets[1]!, id, NOW_S, body) };
    expect(libraryAccepts(secrets[1]!, body, header)).toBe(true);
    expect(libraryAccepts(secrets[0]!, body, header)).toBe(false);
    expectVerdict(await scheme.verify(body, header, [secrets[0]!, secrets[1]!], at), { ok: true, body }, secrets);
    expectVerdict(await scheme.verify(body, header, [secrets[0]!, other], at), { ok: false, reason: 'signature-mismatch' }, [...secrets, other]);
  });

  describe('where the library and ours differ (none lets a forgery through)', () => {
    const secret = secrets[0]!;
    const body = BODIES[0];
    const id = 'msg_differ';

    it('refuses a timestamp written with a leading zero, which the library re-renders before signing', async () => {
      // The library signs `${parseInt(header)}`; the sender signed the header's text. Ours signs the text as sent.
      const headers = { 'webhook-id': id, 'webhook-timestamp': `0${NOW_S}`, 'webhook-signature': signWith(secret, id, NOW_S, body) };
      expect(libraryAccepts(secret, body, headers)).toBe(true);
      expectVerdict(await scheme.verify(body, headers, secret, at), { ok: false, reason: 'signature-mismatch' }, [secret]);
    });

    it('refuses a timestamp with trailing text, which the library reads with parseInt', async () => {
      const headers = { 'webhook-id': id, 'webhook-timestamp': `${NOW_S}s`, 'webhook-signature': signWith(secret, id, NOW_S, body) };
      expect(libraryAccepts(secret, body, headers)).toBe(true);
      expectVerdict(await scheme.verify(body, headers, secret, at), { ok: false, reason: 'malformed-header' }, [secret]);
    });

    it('accepts a signature whose base64 has non-zero padding bits, which the library compares as text', async () => {
      const genuine = signWith(secret, id, NOW_S, body);
      // 32 bytes are 43 base64 digits and one '='; the last digit carries 2 unused bits.
      const last = genuine.at(-2)!;
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
      const sameBytes = genuine.slice(0, -2) + alphabet[alphabet.indexOf(last) ^ 1] + '=';
      expect(Buffer.from(sameBytes.slice(3), 'base64')).toEqual(Buffer.from(genuine.slice(3), 'base64'));
      const headers = { 'webhook-id': id, 'webhook-timestamp': String(NOW_S), 'webhook-signature': sameBytes };
      expect(libraryAccepts(secret, body, headers)).toBe(false);
      expectVerdict(await scheme.verify(body, headers, secret, at), { ok: true, body }, [secret]);
    });
  });
});

describe('declared X-Hub-Signature-256 scheme (oracle: @octokit/webhooks-methods)', () => {
  const spec: DeclaredSignature = {
    algorithm: 'hmac-sha256',
    payload: '{body}',
    signature: { header: 'X-Hub-Signature-256', encoding: 'hex', prefix: 'sha256=' },
  };
  const scheme = declaredScheme('hub-sha256', 'object', spec);
  const secret = `hub-${randomBytes(12).toString('hex')}`;
  const other = `hub-${randomBytes(12).toString('hex')}`;

  async function libraryAccepts(key: string, body: string, signature: string | undefined, more?: string[]): Promise<boolean> {
    try {
      return await verifyWithFallback(key, body, signature as string, more);
    } catch {
      // It throws on a missing signature: a refusal.
      return false;
    }
  }

  it('accepts what octokit signs and refuses what its verify refuses', async () => {
    let accepted = 0;
    let refused = 0;
    for (const body of BODIES) {
      const genuine = await octokitSign(secret, body);
      const sha1 = `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`;
      const cases: { name: string; body: string; signature: string | undefined; key: string; outcome: Expected }[] = [
        { name: 'genuine', body, signature: genuine, key: secret, outcome: 'ok' },
        { name: 'tampered body', body: tampered(body), signature: genuine, key: secret, outcome: 'signature-mismatch' },
        { name: 'wrong secret', body, signature: genuine, key: other, outcome: 'signature-mismatch' },
        { name: 'missing header', body, signature: undefined, key: secret, outcome: 'missing-header' },
        { name: 'sha1 value only', body, signature: sha1, key: secret, outcome: 'malformed-header' },
        { name: 'no prefix', body, signature: genuine.slice('sha256='.length), key: secret, outcome: 'malformed-header' },
        { name: 'truncated hex', body, signature: genuine.slice(0, -2), key: secret, outcome: 'malformed-header' },
        { name: 'odd hex length', body, signature: genuine.slice(0, -1), key: secret, outcome: 'malformed-header' },
        { name: 'not hex', body, signature: `sha256=${'z'.repeat(64)}`, key: secret, outcome: 'malformed-header' },
      ];
      for (const c of cases) {
        const library = await libraryAccepts(c.key, c.body, c.signature);
        const headers = c.signature === undefined ? {} : { 'x-hub-signature-256': c.signature };
        const ours = await scheme.verify(c.body, headers, c.key);
        expect({ case: c.name, ours: ours.ok }).toEqual({ case: c.name, ours: library });
        expectVerdict(ours, expected(c.outcome, c.body), [secret, other]);
        if (library) accepted++;
        else refused++;
      }
    }
    expect([accepted, refused]).toEqual([BODIES.length, BODIES.length * 8]);
  });

  it('accepts under either of two configured secrets, as verifyWithFallback does', async () => {
    const body = BODIES[1];
    for (const signer of [secret, other]) {
      const signature = await octokitSign(signer, body);
      expect(await libraryAccepts(secret, body, signature, [other])).toBe(true);
      expectVerdict(await scheme.verify(body, { 'X-Hub-Signature-256': signature }, [secret, other]), { ok: true, body }, [secret, other]);
    }
    const stranger = await octokitSign('not-configured', body);
    expect(await libraryAccepts(secret, body, stranger, [other])).toBe(false);
    expectVerdict(await scheme.verify(body, { 'X-Hub-Signature-256': stranger }, [secret, other]), { ok: false, reason: 'signature-mismatch' }, [secret, other]);
  });

  describe('where the library and ours differ (none lets a forgery through)', () => {
    const body = BODIES[0];

    it('accepts uppercase hex digits, which octokit compares as text', async () => {
      const genuine = await octokitSign(secret, body);
      const upper = `sha256=${genuine.slice('sha256='.length).toUpperCase()}`;
      expect(await octokitVerify(secret, body, upper)).toBe(false);
      expectVerdict(await scheme.verify(body, { 'X-Hub-Signature-256': upper }, secret), { ok: true, body }, [secret]);
    });

    it('accepts a value with surrounding spaces in a plain header record, which octokit compares as text', async () => {
      const spaced = ` ${await octokitSign(secret, body)} `;
      expect(await octokitVerify(secret, body, spaced)).toBe(false);
      expectVerdict(await scheme.verify(body, { 'X-Hub-Signature-256': spaced }, secret), { ok: true, body }, [secret]);
    });
  });
});
