// Declared schemes that sign the request's URL (`{url}`) or method (`{method}`), against the SDKs
// of vendors that sign that way: Square's WebhooksHelper (URL + body) and HubSpot's Signature (v3:
// method + URL + body + timestamp). Where an SDK can sign, it signs and our declared verifier
// judges; where it can only verify (Square's), it judges what the init'd Worker's test signer
// signs, and both verdicts must agree on every delivery. Then the webhook middleware: it verifies
// against the URL the request came to, or the one it is configured with.
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { WebhooksHelper } from 'square';
import { Signature } from '@hubspot/api-client/lib/src/utils/signature.js';
import { createWebhookMiddleware, declaredScheme, type DeclaredSignature } from '../../../runtime/webhooks.ts';
import { signDeclared } from '../../../templates/init/test/support/signers.ts';
import { REQUEST_LINE_BODY_TIMESTAMP, URL_AND_BODY } from '../../support/declared-schemes.ts';
import { BODIES, expectVerdict, tampered } from './declared-oracle-support.ts';

const NOTIFICATION_URL = 'https://hooks.example.com/webhooks/square?tenant=a%20b&x=1';

describe('a declared URL + body scheme (oracle: square WebhooksHelper)', () => {
  const scheme = declaredScheme('url-and-body', 'object', URL_AND_BODY);
  const key = randomBytes(16).toString('base64url');
  const otherKey = randomBytes(16).toString('base64url');
  const header = URL_AND_BODY.signature.header;

  async function signed(body: string, url: string, signingKey = key): Promise<string> {
    return (await signDeclared(URL_AND_BODY, body, signingKey, Date.now(), { url, method: 'POST' })).signature;
  }

  it.each(BODIES.map((body, i) => [i, body] as const))('accepts what Square accepts, and refuses what it refuses (body %i)', async (_i, body) => {
    const cases: { name: string; body: string; signature: string; url: string; squareAccepts: boolean }[] = [
      { name: 'genuine', body, signature: await signed(body, NOTIFICATION_URL), url: NOTIFICATION_URL, squareAccepts: true },
      { name: 'body altered', body: tampered(body), signature: await signed(body, NOTIFICATION_URL), url: NOTIFICATION_URL, squareAccepts: false },
      { name: 'signed for another URL', body, signature: await signed(body, 'https://hooks.example.com/webhooks/other'), url: NOTIFICATION_URL, squareAccepts: false },
      // The URL is signed as text: the same resource written without its query string is another payload.
      { name: 'query string dropped', body, signature: await signed(body, NOTIFICATION_URL.split('?')[0]!), url: NOTIFICATION_URL, squareAccepts: false },
      { name: 'another key', body, signature: await signed(body, NOTIFICATION_URL, otherKey), url: NOTIFICATION_URL, squareAccepts: false },
    ];
    for (const c of cases) {
      const square = await WebhooksHelper.verifySignature({ requestBody: c.body, signatureHeader: c.signature, signatureKey: key, notificationUrl: c.url });
      expect(square, `square on ${c.name}`).toBe(c.squareAccepts);
      const ours = await scheme.verify(c.body, { [header]: c.signature }, key, { url: c.url });
      expectVerdict(ours, c.squareAccepts ? { ok: true, body: c.body } : { ok: false, reason: 'signature-mismatch' }, [key]);
    }
  });

  it('throws, naming the option, when the caller gives no URL: a deployment error, not a forged delivery', async () => {
    const body = BODIES[0];
    const signature = await signed(body, NOTIFICATION_URL);
    await expect(scheme.verify(body, { [header]: signature }, key)).rejects.toThrow(/signs the URL the delivery was sent to: pass it as options\.url/);
  });
});

describe('a declared method + URL + body + timestamp scheme (oracle: @hubspot/api-client Signature v3)', () => {
  const spec: DeclaredSignature = REQUEST_LINE_BODY_TIMESTAMP;
  const scheme = declaredScheme('request-line', 'object', spec);
  const clientSecret = randomBytes(18).toString('hex');
  const url = 'https://hooks.example.com/hubspot/events?portal=42';
  const headersOf = (signature: string, timestamp: number) => ({ [spec.signature.header]: signature, [spec.timestamp!.header!]: String(timestamp) });

  function hubspotSigns(method: string, signedUrl: string, body: string, timestamp: number): string {
    return Signature.getSignature(method, 'v3', { signature: '', clientSecret, requestBody: body, url: signedUrl, timestamp });
  }

  function hubspotAccepts(signature: string, method: string, signedUrl: string, body: string, timestamp: number): boolean {
    try {
      return Signature.isValid({ signatureVersion: 'v3', signature, clientSecret, requestBody: body, url: signedUrl, method, timestamp });
    } catch {
      // The SDK throws on a timestamp older than its window: a refusal.
      return false;
    }
  }

  it.each(BODIES.map((body, i) => [i, body] as const))("verifies HubSpot's own signature, and agrees with its verdict on altered deliveries (body %i)", async (_i, body) => {
    const now = Date.now();
    const genuine = hubspotSigns('POST', url, body, now);
    const cases = [
      { name: 'genuine', body, method: 'POST', url, timestamp: now, expected: 'ok' as const },
      { name: 'body altered', body: tampered(body), method: 'POST', url, timestamp: now, expected: 'signature-mismatch' as const },
      { name: 'another method', body, method: 'PUT', url, timestamp: now, expected: 'signature-mismatch' as const },
      { name: 'another URL', body, method: 'POST', url: url.replace('42', '43'), timestamp: now, expected: 'signature-mismatch' as const },
      { name: 'another timestamp', body, method: 'POST', url, timestamp: now - 1, expected: 'signature-mismatch' as const },
    ];
    for (const c of cases) {
      expect(hubspotAccepts(genuine, c.method, c.url, c.body, c.timestamp), `hubspot on ${c.name}`).toBe(c.expected === 'ok');
      const ours = await scheme.verify(c.body, headersOf(genuine, c.timestamp), clientSecret, { url: c.url, method: c.method, now: () => now });
      expectVerdict(ours, c.expected === 'ok' ? { ok: true, body: c.body } : { ok: false, reason: c.expected }, [clientSecret]);
    }
  });

  it('signs as HubSpot does: the SDK accepts what the Worker test signer signs', async () => {
    const body = BODIES[1];
    const at = Date.now();
    const signed = await signDeclared(spec, body, clientSecret, at, { url, method: 'POST' });
    expect(signed.timestamp).toBe(String(at));
    expect(hubspotAccepts(signed.signature, 'POST', url, body, at)).toBe(true);
    expect(hubspotAccepts(signed.signature, 'POST', url, tampered(body), at)).toBe(false);
  });

  it('takes POST as the method when the caller names none, as the SDK does', async () => {
    const body = BODIES[0];
    const now = Date.now();
    const signature = hubspotSigns('POST', url, body, now);
    expect(await scheme.verify(body, headersOf(signature, now), clientSecret, { url })).toEqual({ ok: true, event: JSON.parse(body) });
  });

  it('refuses a delivery signed outside the window, as the SDK does', async () => {
    const body = BODIES[0];
    const stale = Date.now() - 3_600_000;
    const signature = hubspotSigns('POST', url, body, stale);
    expect(hubspotAccepts(signature, 'POST', url, body, stale)).toBe(false);
    expect(await scheme.verify(body, headersOf(signature, stale), clientSecret, { url })).toMatchObject({ ok: false, reason: 'timestamp-out-of-tolerance' });
  });
});

describe('the webhook middleware with a scheme that signs the URL', () => {
  const scheme = declaredScheme('url-and-body', 'object', URL_AND_BODY);
  const key = randomBytes(16).toString('base64url');
  const body = BODIES[0];

  function app(options: { url?: string } = {}) {
    const hono = new Hono();
    hono.post('/webhooks/square', createWebhookMiddleware(scheme, { secret: key, ...options }), (c) => c.json({ ok: true }));
    return hono;
  }

  async function post(hono: Hono, requestUrl: string, signedUrl: string) {
    const signed = await signDeclared(URL_AND_BODY, body, key, Date.now(), { url: signedUrl, method: 'POST' });
    return hono.request(requestUrl, { method: 'POST', body, headers: { [URL_AND_BODY.signature.header]: signed.signature } });
  }

  it("verifies against the URL the request came to, and answers 401 when it was signed for another", async () => {
    const hono = app();
    expect((await post(hono, 'https://worker.example/webhooks/square?x=1', 'https://worker.example/webhooks/square?x=1')).status).toBe(200);
    const elsewhere = await post(hono, 'https://worker.example/webhooks/square', 'https://public.example/webhooks/square');
    expect(elsewhere.status).toBe(401);
    expect(await elsewhere.json()).toEqual({ error: 'signature-mismatch' });
  });

  it('verifies against the configured URL when one is given (a proxy or custom domain in front of the Worker)', async () => {
    const hono = app({ url: 'https://public.example/webhooks/square' });
    expect((await post(hono, 'https://worker.example/webhooks/square', 'https://public.example/webhooks/square')).status).toBe(200);
    expect((await post(hono, 'https://worker.example/webhooks/square', 'https://worker.example/webhooks/square')).status).toBe(401);
  });
});
