// Key material is imported into WebCrypto once per secret,
// and the cache must not turn a bad secret into a permanent failure or a thrown error.
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyAirwallexHmac, verifySendgridEcdsa, verifyStripeV1 } from '../../../runtime/webhooks.ts';
import { KeyCache, keyCache } from '../../../runtime/webhooks/key-cache.ts';

afterEach(() => vi.restoreAllMocks());

describe('key cache', () => {
  it('imports a stripe-v1 secret into WebCrypto once, concurrent first verifications included', async () => {
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    const secret = `whsec_${crypto.randomUUID()}`;
    const payload = JSON.stringify({ id: 'evt', blob: 'x'.repeat(2048) });
    const t = Math.floor(Date.now() / 1000);
    const header = `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${payload}`).digest('hex')}`;
    const results = await Promise.all(Array.from({ length: 10 }, () => verifyStripeV1(payload, { 'stripe-signature': header }, secret)));
    for (let i = 0; i < 10; i++) results.push(await verifyStripeV1(payload, { 'stripe-signature': header }, secret));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(importKey).toHaveBeenCalledTimes(1);
  });

  it('imports each rotated secret once', async () => {
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    const secrets = [`a-${crypto.randomUUID()}`, `b-${crypto.randomUUID()}`];
    const payload = '{"name":"x"}';
    const ts = String(Date.now());
    const sig = createHmac('sha256', secrets[1]!).update(ts + payload).digest('hex');
    for (let i = 0; i < 10; i++) expect((await verifyAirwallexHmac(payload, { 'x-timestamp': ts, 'x-signature': sig }, secrets)).ok).toBe(true);
    expect(importKey).toHaveBeenCalledTimes(2);
  });

  it('forgets a key that failed to import, so a later call retries', async () => {
    let calls = 0;
    const cache = keyCache(async (material) => {
      calls++;
      if (calls === 1) throw new Error(`cannot import ${material}`);
      return {} as CryptoKey;
    });
    expect(await cache.get('k')).toBeUndefined();
    expect(await cache.get('k')).toBeDefined();
    expect(await cache.get('k')).toBeDefined();
    expect(calls).toBe(2);
  });

  it('stays bounded when misused with endless distinct secrets', async () => {
    const cache = keyCache(async () => ({}) as CryptoKey);
    for (let i = 0; i < 500; i++) await cache.get(`secret-${i}`);
    expect(cache.size).toBeLessThanOrEqual(64);
    // An evicted key is not answered from the finished imports either.
    expect(cache.ready('secret-0')).toBeUndefined();
    expect(cache.ready('secret-499')).toBeDefined();
  });

  it('is still built with new KeyCache, as when it was a class', async () => {
    const key = {} as CryptoKey;
    const cache = new KeyCache(async () => key);
    expect(await cache.get('k')).toBe(key);
    expect(cache.ready('k')).toBe(key);
    expect(cache.size).toBe(1);
  });

  it('answers ready() only once an import has finished, and never for a failed one', async () => {
    let release!: (key: CryptoKey) => void;
    const key = {} as CryptoKey;
    const cache = keyCache((material) => (material === 'bad' ? Promise.reject(new Error('no')) : new Promise<CryptoKey>((resolve) => (release = resolve))));
    const pending = cache.get('good');
    expect(cache.ready('good')).toBeUndefined();
    release(key);
    expect(await pending).toBe(key);
    expect(cache.ready('good')).toBe(key);
    expect(await cache.get('bad')).toBeUndefined();
    expect(cache.ready('bad')).toBeUndefined();
  });

  it('answers a malformed sendgrid-ecdsa key with a reason instead of throwing', async () => {
    const signature = Buffer.from([0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01]).toString('base64');
    const headers = { 'x-twilio-email-event-webhook-signature': signature, 'x-twilio-email-event-webhook-timestamp': String(Math.floor(Date.now() / 1000)) };
    for (const key of ['MFkw', 'not base64 at all', Buffer.from('not a key').toString('base64')]) {
      const result = await verifySendgridEcdsa('[]', headers, key);
      expect(result).toMatchObject({ ok: false, reason: 'signature-mismatch' });
      if (!result.ok) expect(result.detail).toMatch(/verification key/);
    }
  });

  it('answers nonsense from a misconfigured caller with a reason instead of throwing', async () => {
    const verifiers = [verifyStripeV1, verifyAirwallexHmac, verifySendgridEcdsa];
    for (const verify of verifiers) {
      for (const [body, headers, secret] of [
        [undefined, {}, 'k'],
        ['{}', undefined, 'k'],
        [{ parsed: true }, { 'stripe-signature': 't=1,v1=00', 'x-signature': '00', 'x-timestamp': '1' }, 'k'],
        ['{}', { 'stripe-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}` }, undefined],
      ] as const) {
        const result = await verify(body as never, headers as never, secret as never);
        expect(result.ok).toBe(false);
      }
    }
  });
});
