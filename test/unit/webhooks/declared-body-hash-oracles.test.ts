// A declared scheme whose URL carries the body's SHA-256 (`bodyHash`) and whose payload signs only
// the URL, against twilio-node's validateRequestWithBody (how Twilio signs JSON deliveries: the
// `bodySHA256` query parameter, HMAC-SHA1 of the URL): its getExpectedTwilioSignature signs and our
// declared verifier judges; the init'd Worker's test signer signs (adding the digest to the URL)
// and twilio judges; both verdicts must agree on every delivery.
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import twilio from 'twilio';
import { declaredScheme, type DeclaredSignature } from '../../../runtime/webhooks.ts';
import { declaredSignatureProblem } from '../../../runtime/webhooks/declared-spec.ts';
import { signDeclared } from '../../../templates/init/test/support/signers.ts';
import { BODIES, tampered } from './declared-oracle-support.ts';

const TWILIO_JSON: DeclaredSignature = {
  algorithm: 'hmac-sha1',
  payload: '{url}',
  signature: { header: 'x-twilio-signature', encoding: 'base64' },
  bodyHash: { query: 'bodySHA256' },
};

const ENDPOINT = 'https://hooks.example.com/twilio/events?tenant=a%20b';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const withDigest = (url: string, digest: string) => `${url}&bodySHA256=${digest}`;

describe("a declared URL-only scheme with the body's digest in the URL (oracle: twilio-node's validateRequestWithBody)", () => {
  const scheme = declaredScheme('events', 'object', TWILIO_JSON);
  const key = randomBytes(16).toString('hex');
  const otherKey = randomBytes(16).toString('hex');
  const headers = (signature: string) => new Headers({ 'x-twilio-signature': signature, 'content-type': 'application/json' });

  it.each(BODIES.map((body, i) => [i, body] as const))('accepts what twilio accepts and refuses what it refuses (body %i)', async (_i, body) => {
    const url = withDigest(ENDPOINT, sha256(body));
    const signed = (u: string, k = key) => twilio.getExpectedTwilioSignature(k, u, {});
    const cases = [
      { name: 'genuine', body, url, signature: signed(url), accepted: true },
      { name: 'body altered', body: tampered(body), url, signature: signed(url), accepted: false },
      { name: 'body altered, digest in the URL changed to match', body: tampered(body), url: withDigest(ENDPOINT, sha256(tampered(body))), signature: signed(url), accepted: false },
      { name: 'digest in capitals', body, url: withDigest(ENDPOINT, sha256(body).toUpperCase()), signature: signed(withDigest(ENDPOINT, sha256(body).toUpperCase())), accepted: false },
      { name: 'no digest in the URL', body, url: ENDPOINT, signature: signed(ENDPOINT), accepted: false },
      { name: 'another key', body, url, signature: signed(url, otherKey), accepted: false },
    ];
    for (const c of cases) {
      expect(twilio.validateRequestWithBody(key, c.signature, c.url, c.body), `twilio on ${c.name}`).toBe(c.accepted);
      const ours = await scheme.verify(c.body, headers(c.signature), key, { url: c.url });
      expect(ours.ok, `ours on ${c.name}`).toBe(c.accepted);
      if (ours.ok) expect(ours.event).toEqual(JSON.parse(c.body));
      else expect(ours).toMatchObject({ reason: 'signature-mismatch' });
    }
  });

  it.each(BODIES.map((body, i) => [i, body] as const))("twilio accepts what the init'd Worker's test signer signs, at the URL it returns (body %i)", async (_i, body) => {
    const signed = await signDeclared(TWILIO_JSON, body, key, Date.now(), { url: ENDPOINT, method: 'POST' });
    expect(signed.url).toBe(withDigest(ENDPOINT, sha256(body)));
    expect(twilio.validateRequestWithBody(key, signed.signature, signed.url!, body)).toBe(true);
    expect(twilio.validateRequestWithBody(key, signed.signature, signed.url!, tampered(body))).toBe(false);
    expect((await scheme.verify(body, headers(signed.signature), key, { url: signed.url! })).ok).toBe(true);
  });

  it('refuses a description that signs the body beside the digest, or does not sign the URL that carries it', () => {
    expect(declaredSignatureProblem({ ...TWILIO_JSON, payload: '{url}{body}' })).toEqual({ path: ['payload'], problem: "with `bodyHash` the URL carries the body's digest: sign `{url}`, not `{body}` or `{form}`" });
    expect(declaredSignatureProblem({ ...TWILIO_JSON, payload: '{header:x-id}' })).toEqual({ path: ['payload'], problem: "with `bodyHash` the URL carries the body's digest: the payload must contain `{url}`" });
    expect(declaredSignatureProblem({ ...TWILIO_JSON, bodyHash: { query: '' } })).toEqual({ path: ['bodyHash', 'query'], problem: 'names the query parameter that carries the digest: a non-empty string' });
  });
});
