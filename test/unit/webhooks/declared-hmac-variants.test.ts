// Declared HMAC shapes no library above covers (SHA-1, SHA-512, base64url, millisecond timestamps,
// another header in the payload, a timestamp among the signature items), signed with node:crypto;
// and the specs declaredScheme refuses before any delivery arrives.
import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { declaredScheme, declaredSignatureProblem, type DeclaredSignature } from '../../../runtime/webhooks.ts';
import { BODIES, expectVerdict, tampered } from './declared-oracle-support.ts';

const NOW_MS = 1_800_000_000_000 + 999;
const NOW_S = Math.floor(NOW_MS / 1000);
const at = { now: () => NOW_MS };

describe('declared HMAC-SHA1 over the body, hex with a sha1= prefix', () => {
  const scheme = declaredScheme('hub-sha1', 'object', {
    algorithm: 'hmac-sha1',
    payload: '{body}',
    signature: { header: 'X-Hub-Signature', encoding: 'hex', prefix: 'sha1=' },
  });
  const secret = randomBytes(10).toString('hex');
  const other = randomBytes(10).toString('hex');
  const mac = (algorithm: string, key: string, body: string) => createHmac(algorithm, key).update(body).digest('hex');

  it('accepts what node:crypto signs and refuses a tampered body, a wrong secret and a SHA-256 value', async () => {
    for (const body of BODIES) {
      const header = (value: string) => ({ 'X-Hub-Signature': value });
      const genuine = `sha1=${mac('sha1', secret, body)}`;
      expectVerdict(await scheme.verify(body, header(genuine), secret), { ok: true, body }, [secret]);
      expectVerdict(await scheme.verify(body, header(genuine), [other, secret]), { ok: true, body }, [secret, other]);
      expectVerdict(await scheme.verify(tampered(body), header(genuine), secret), { ok: false, reason: 'signature-mismatch' }, [secret]);
      expectVerdict(await scheme.verify(body, header(genuine), other), { ok: false, reason: 'signature-mismatch' }, [other]);
      // A SHA-256 MAC under the same key is 32 bytes: no SHA-1 signature at all.
      expectVerdict(await scheme.verify(body, header(`sha1=${mac('sha256', secret, body)}`), secret), { ok: false, reason: 'malformed-header' }, [secret]);
    }
  });
});

describe('declared HMAC-SHA512, base64url items, a millisecond timestamp and a delivery id in the payload', () => {
  const spec: DeclaredSignature = {
    algorithm: 'hmac-sha512',
    payload: 'v1:{timestamp}:{header:X-Delivery-Id}:{body}',
    signature: { header: 'X-Signature', encoding: 'base64url', prefix: 'sig=', separator: ';' },
    timestamp: { header: 'X-Timestamp', unit: 'milliseconds' },
    secret: { prefix: 'sk_', encoding: 'hex' },
  };
  const scheme = declaredScheme('sha512-b64url', 'object', spec);
  const keyHex = randomBytes(32).toString('hex');
  const secret = `sk_${keyHex}`;
  const other = `sk_${randomBytes(32).toString('hex')}`;
  const sign = (ms: number, id: string, body: string, key = keyHex) => createHmac('sha512', Buffer.from(key, 'hex')).update(`v1:${ms}:${id}:${body}`).digest('base64url');
  const headers = (ms: number, id: string, signature: string) => ({ 'X-Signature': signature, 'X-Timestamp': String(ms), 'X-Delivery-Id': id });

  it('accepts what node:crypto signs, with or without base64 padding, among other items, with the secret prefix or without', async () => {
    for (const body of BODIES) {
      const ms = NOW_MS - 1234;
      const mac = sign(ms, 'dlv_1', body);
      expect(mac).not.toContain('=');
      for (const value of [`sig=${mac}`, `sig=${mac}==`, `v0=legacy; sig=${'A'.repeat(86)} ;sig=${mac}`]) {
        expectVerdict(await scheme.verify(body, headers(ms, 'dlv_1', value), secret, at), { ok: true, body }, [secret]);
      }
      expectVerdict(await scheme.verify(body, headers(ms, 'dlv_1', `sig=${mac}`), keyHex, at), { ok: true, body }, [keyHex]);
      expectVerdict(await scheme.verify(body, headers(ms, 'dlv_1', `sig=${mac}`), [other, secret], at), { ok: true, body }, [secret, other]);
    }
  });

  it('refuses tampered, re-addressed, re-timestamped and wrongly keyed deliveries as signature-mismatch', async () => {
    const body = BODIES[1];
    const ms = NOW_MS - 10;
    const mac = `sig=${sign(ms, 'dlv_2', body)}`;
    const cases: [string, Record<string, string>, string][] = [
      [tampered(body), headers(ms, 'dlv_2', mac), secret],
      [body, headers(ms, 'dlv_3', mac), secret],
      [body, headers(ms + 1, 'dlv_2', mac), secret],
      [body, headers(ms, 'dlv_2', mac), other],
    ];
    for (const [sent, h, key] of cases) expectVerdict(await scheme.verify(sent, h, key, at), { ok: false, reason: 'signature-mismatch' }, [secret, other, keyHex]);
  });

  it('reads the timestamp and the signed header values of a plain record without the spaces around them, as fetch Headers would', async () => {
    const body = BODIES[0];
    const ms = NOW_MS - 5;
    const padded = { 'X-Signature': ` sig=${sign(ms, 'dlv_5', body)} `, 'X-Timestamp': ` ${ms} `, 'X-Delivery-Id': ' dlv_5 ' };
    expectVerdict(await scheme.verify(body, padded, secret, at), { ok: true, body }, [secret]);
  });

  it('measures the window in milliseconds: 300 000 ms old passes, 300 001 ms old and a seconds value do not', async () => {
    const body = BODIES[0];
    const signed = (ms: number) => headers(ms, 'dlv_4', `sig=${sign(ms, 'dlv_4', body)}`);
    expectVerdict(await scheme.verify(body, signed(NOW_MS - 300_000), secret, at), { ok: true, body }, [secret]);
    expectVerdict(await scheme.verify(body, signed(NOW_MS + 300_000), secret, at), { ok: true, body }, [secret]);
    expectVerdict(await scheme.verify(body, signed(NOW_MS - 300_001), secret, at), { ok: false, reason: 'timestamp-out-of-tolerance' }, [secret]);
    expectVerdict(await scheme.verify(body, signed(NOW_S), secret, at), { ok: false, reason: 'timestamp-out-of-tolerance' }, [secret]);
  });

  it('refuses standard base64 (+ or /) where base64url is declared, and reports missing and renamed headers', async () => {
    const body = BODIES[2];
    let id = 0;
    let mac = sign(NOW_MS, `dlv_${id}`, body);
    while (!/[-_]/.test(mac)) mac = sign(NOW_MS, `dlv_${++id}`, body);
    const standard = Buffer.from(mac, 'base64url').toString('base64').replace(/=+$/, '');
    const h = headers(NOW_MS, `dlv_${id}`, `sig=${standard}`);
    expectVerdict(await scheme.verify(body, h, secret, at), { ok: false, reason: 'malformed-header' }, [secret]);

    const genuine = headers(NOW_MS, `dlv_${id}`, `sig=${mac}`);
    const { 'X-Delivery-Id': _, ...noId } = genuine;
    expectVerdict(await scheme.verify(body, noId, secret, at), { ok: false, reason: 'missing-header' }, [secret]);
    expectVerdict(await scheme.verify(body, { ...genuine, 'X-Signature': 'v0=legacy' }, secret, at), { ok: false, reason: 'malformed-header' }, [secret]);

    const renamed = { 'X-Sig-2': genuine['X-Signature'], 'X-Ts-2': genuine['X-Timestamp'], 'X-Delivery-Id': genuine['X-Delivery-Id'] };
    expectVerdict(await scheme.verify(body, renamed, secret, at), { ok: false, reason: 'missing-header' }, [secret]);
    const options = { ...at, signatureHeader: 'X-Sig-2', timestampHeader: 'X-Ts-2' };
    expectVerdict(await scheme.verify(body, renamed, secret, options), { ok: true, body }, [secret]);
  });

  it('answers signature-mismatch, naming no secret, when no configured secret decodes as declared', async () => {
    const body = BODIES[0];
    const h = headers(NOW_MS, 'dlv_5', `sig=${sign(NOW_MS, 'dlv_5', body)}`);
    const undecodable = 'sk_not-hex-at-all-but-secret-looking-text';
    const result = await scheme.verify(body, h, undecodable, at);
    expectVerdict(result, { ok: false, reason: 'signature-mismatch' }, [undecodable]);
    expectVerdict(await scheme.verify(body, h, [], at), { ok: false, reason: 'signature-mismatch' }, []);
  });
});

describe('declared HMAC-SHA256 with the timestamp as an item of the signature header', () => {
  const scheme = declaredScheme('ts-item', 'array', {
    algorithm: 'hmac-sha256',
    payload: '{timestamp}.{body}',
    signature: { header: 'X-Sig', encoding: 'base64', prefix: 's=', separator: ';' },
    timestamp: { prefix: 'ts=', unit: 'seconds' },
    secret: { encoding: 'base64url' },
  });
  const key = randomBytes(24);
  const secret = key.toString('base64url');
  const body = `[${BODIES[0]}]`;
  const mac = (ts: number) => createHmac('sha256', key).update(`${ts}.${body}`).digest('base64');

  it('accepts what node:crypto signs and refuses a missing, doubled, stale or re-stamped timestamp item', async () => {
    const ts = NOW_S - 2;
    expectVerdict(await scheme.verify(body, { 'X-Sig': `ts=${ts};s=${mac(ts)}` }, secret, at), { ok: true, body }, [secret]);
    expectVerdict(await scheme.verify(body, { 'X-Sig': `s=${mac(ts)}; ts=${ts}` }, secret, at), { ok: true, body }, [secret]);
    expectVerdict(await scheme.verify(body, { 'X-Sig': `s=${mac(ts)}` }, secret, at), { ok: false, reason: 'malformed-header' }, [secret]);
    expectVerdict(await scheme.verify(body, { 'X-Sig': `ts=${ts};ts=${ts};s=${mac(ts)}` }, secret, at), { ok: false, reason: 'malformed-header' }, [secret]);
    expectVerdict(await scheme.verify(body, { 'X-Sig': `ts=${NOW_S - 400};s=${mac(NOW_S - 400)}` }, secret, at), { ok: false, reason: 'timestamp-out-of-tolerance' }, [secret]);
    expectVerdict(await scheme.verify(body, { 'X-Sig': `ts=${ts + 1};s=${mac(ts)}` }, secret, at), { ok: false, reason: 'signature-mismatch' }, [secret]);
    expectVerdict(await scheme.verify(body, { 'X-Sig': `ts=${ts}` }, secret, at), { ok: false, reason: 'malformed-header' }, [secret]);
  });
});

describe('declaredScheme refuses an inconsistent spec with a TypeError naming the path', () => {
  const hmac: DeclaredSignature = { algorithm: 'hmac-sha256', payload: '{body}', signature: { header: 'X-Sig', encoding: 'hex' } };
  const withTs = (timestamp: DeclaredSignature['timestamp'], signature: Partial<DeclaredSignature['signature']> = {}): DeclaredSignature => ({
    ...hmac,
    payload: '{timestamp}.{body}',
    signature: { ...hmac.signature, ...signature },
    timestamp,
  });
  const cases: [string, DeclaredSignature, string[], RegExp][] = [
    ['two {body}', { ...hmac, payload: '{body}.{body}' }, ['payload'], /exactly once \(found 2\)/],
    ['no {body}', { ...hmac, payload: 'static' }, ['payload'], /exactly once \(found 0\)/],
    ['{timestamp} without a timestamp', { ...hmac, payload: '{timestamp}.{body}' }, ['payload'], /needs a `timestamp`/],
    ['an unknown placeholder', { ...hmac, payload: '{nonce}.{body}' }, ['payload'], /unknown placeholder in '\{nonce\}\.'/],
    ['a placeholder in the wrong case', { ...hmac, payload: '{Body}' }, ['payload'], /found 0/],
    ['a header placeholder without a name', { ...hmac, payload: '{header:}{body}' }, ['payload'], /unknown placeholder/],
    ['a timestamp both in a header and an item', withTs({ header: 'X-Ts', prefix: 't=', unit: 'seconds' }, { separator: ',' }), ['timestamp'], /exactly one/],
    ['a timestamp nowhere', withTs({ unit: 'seconds' }), ['timestamp'], /exactly one/],
    ['a timestamp item without a separator', withTs({ prefix: 't=', unit: 'seconds' }), ['timestamp', 'prefix'], /separator/],
    ['the same prefix for timestamp and signature', withTs({ prefix: 'v1=', unit: 'seconds' }, { prefix: 'v1=', separator: ',' }), ['timestamp', 'prefix'], /neither of which starts the other/],
    ['a timestamp prefix that starts the signature prefix', withTs({ prefix: 'ts', unit: 'seconds' }, { prefix: 'ts1=', separator: ',' }), ['timestamp', 'prefix'], /neither of which starts the other/],
    ['a header placeholder naming a blank', { ...hmac, payload: '{header: }.{body}' }, ['payload'], /does not name an HTTP header/],
    ['a header placeholder naming no HTTP header', { ...hmac, payload: '{header:a b}.{body}' }, ['payload'], /does not name an HTTP header/],
    ['a signature header that is no HTTP header name', { ...hmac, signature: { ...hmac.signature, header: 'x sig' } }, ['signature', 'header'], /not an HTTP header name/],
    ['a timestamp header that is no HTTP header name', withTs({ header: 'x:ts', unit: 'seconds' }), ['timestamp', 'header'], /not an HTTP header name/],
    ['a signature format on an HMAC', { ...hmac, signature: { ...hmac.signature, format: 'raw' } }, ['signature', 'format'], /only ECDSA/],
    ['a key format on an HMAC secret', { ...hmac, secret: { format: 'raw' } }, ['secret', 'format'], /no key format/],
    ['a raw ECDSA key', { algorithm: 'ecdsa-p256-sha256', payload: '{body}', signature: { header: 'X-Sig', encoding: 'base64' }, secret: { format: 'raw' } }, ['secret', 'format'], /spki/],
    ['a utf8 public key', { algorithm: 'ed25519', payload: '{body}', signature: { header: 'X-Sig', encoding: 'hex' }, secret: { encoding: 'utf8' } }, ['secret', 'encoding'], /hex, base64 or base64url/],
  ];

  for (const [name, spec, path, problem] of cases) {
    it(`${name}: ${path.join('.')}`, () => {
      expect(declaredSignatureProblem(spec)).toEqual({ path, problem: expect.stringMatching(problem) });
      expect(() => declaredScheme('bad-spec', 'object', spec)).toThrow(TypeError);
      expect(() => declaredScheme('bad-spec', 'object', spec)).toThrow(`webhook scheme 'bad-spec': ${path.join('.')}: `);
    });
  }

  it('makes a scheme from a consistent spec, naming its headers', () => {
    const scheme = declaredScheme('fine', 'array', withTs({ header: 'X-Ts', unit: 'milliseconds' }));
    expect(scheme).toMatchObject({ id: 'fine', delivery: 'array', headers: { signature: 'X-Sig', timestamp: 'X-Ts' } });
    expect(declaredScheme('fine-item', 'object', withTs({ prefix: 't=', unit: 'seconds' }, { separator: ',' })).headers).toEqual({ signature: 'X-Sig' });
  });
});
