// Declared signature schemes inside workerd: for each shape real senders use, the init'd Worker's
// test signer (templates/init/test/support/signers.ts, WebCrypto only) signs with keys made here
// by workerd's WebCrypto, written as the shape's secret says, and the runtime's declared verifier
// accepts the delivery and refuses it altered or under another key. Node's WebCrypto is not
// workerd's (Ed25519 and ECDSA key import differ between runtimes), hence this suite.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createWebhookMiddleware } from '../../runtime/webhooks/hono.ts';
import { declaredScheme } from '../../runtime/webhooks/declared.ts';
import type { DeclaredSignature } from '../../runtime/webhooks/declared-spec.ts';
import { signDeclared } from '../../templates/init/test/support/signers.ts';
import { DECLARED_SHAPES, DELIVERY_REQUEST, URL_AND_BODY } from '../support/declared-schemes.ts';

function encode(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'hex') return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  const base64 = btoa(String.fromCharCode(...bytes));
  return encoding === 'base64url' ? base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') : base64;
}

/** The key the Worker verifies with and the key the test signs with, made by workerd's WebCrypto. */
async function keysFor(spec: DeclaredSignature): Promise<{ verify: string; sign: string }> {
  const prefix = spec.secret?.prefix ?? '';
  const encoding = spec.secret?.encoding ?? (spec.algorithm.startsWith('hmac-') ? 'utf8' : 'base64');
  if (spec.algorithm.startsWith('hmac-')) {
    const bytes = crypto.getRandomValues(new Uint8Array(32));
    const secret = prefix + (encoding === 'utf8' ? `workerd_${encode(bytes, 'base64url')}` : encode(bytes, encoding));
    return { verify: secret, sign: secret };
  }
  const ecdsa = spec.algorithm === 'ecdsa-p256-sha256';
  const algorithm: EcKeyGenParams | Algorithm = ecdsa ? { name: 'ECDSA', namedCurve: 'P-256' } : { name: 'Ed25519' };
  const pair = (await crypto.subtle.generateKey(algorithm as EcKeyGenParams, true, ['sign', 'verify'])) as CryptoKeyPair;
  const format = spec.secret?.format ?? (ecdsa ? 'spki' : 'raw');
  const publicKey = new Uint8Array((await crypto.subtle.exportKey(format, pair.publicKey)) as ArrayBuffer);
  const privateKey = new Uint8Array((await crypto.subtle.exportKey('pkcs8', pair.privateKey)) as ArrayBuffer);
  return { verify: prefix + encode(publicKey, encoding), sign: encode(privateKey, 'base64') };
}

describe.each(Object.entries(DECLARED_SHAPES))('the declared scheme %s in workerd', (name, spec) => {
  it(`verifies what the Worker's test signer signs (${spec.algorithm}) and refuses it altered or under another key`, async () => {
    const scheme = declaredScheme(name, 'object', spec);
    const keys = await keysFor(spec);
    const body = JSON.stringify({ id: 'evt_workerd_1', type: 'thing.happened' });
    const signed = await signDeclared(spec, body, keys.sign, Date.now(), DELIVERY_REQUEST);
    const headers = new Headers({ ...signed.headers, [spec.signature.header]: signed.signature });
    if (signed.timestamp !== undefined) headers.set(spec.timestamp!.header!, signed.timestamp);
    const as = DELIVERY_REQUEST;

    expect(await scheme.verify(body, headers, keys.verify, as)).toEqual({ ok: true, event: JSON.parse(body) });
    expect(await scheme.verify(new TextEncoder().encode(body), headers, keys.verify, as)).toMatchObject({ ok: true });
    expect(await scheme.verify(body.replace('evt_workerd_1', 'evt_workerd_2'), headers, keys.verify, as)).toMatchObject({ ok: false, reason: 'signature-mismatch' });
    const other = await keysFor(spec);
    expect(await scheme.verify(body, headers, other.verify, as)).toMatchObject({ ok: false, reason: 'signature-mismatch' });
  });
});

describe('the webhook middleware in workerd, for a scheme that signs the URL', () => {
  it('verifies against the URL workerd hands the request, and refuses a delivery signed for another', async () => {
    const spec = URL_AND_BODY;
    const keys = await keysFor(spec);
    const app = new Hono();
    app.post('/webhooks/declared', createWebhookMiddleware(declaredScheme('url-and-body', 'object', spec), { secret: keys.verify }), (c) => c.json({ ok: true }));
    const body = JSON.stringify({ id: 'evt_workerd_url', type: 'thing.happened' });
    const send = async (signedFor: string) => {
      const signed = await signDeclared(spec, body, keys.sign, Date.now(), { url: signedFor, method: 'POST' });
      return app.request('https://worker.test/webhooks/declared?tenant=7', { method: 'POST', body, headers: { [spec.signature.header]: signed.signature } });
    };
    expect((await send('https://worker.test/webhooks/declared?tenant=7')).status).toBe(200);
    expect((await send('https://worker.test/webhooks/declared')).status).toBe(401);
  });
});
