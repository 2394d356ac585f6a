// A declared scheme that signs the URL and an urlencoded body's fields sorted by name
// (`{url}{form}`, delivery 'form'), against twilio-node's own webhook code: its
// getExpectedTwilioSignature signs and our declared verifier judges; the init'd Worker's test
// signer signs and twilio's validateRequest judges (fed the fields as Express's urlencoded parser
// gives them); both verdicts must agree on every delivery, and an accepted event is the fields as
// URLSearchParams reads them. Then the generated route's middleware, with the request's own URL.
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { describe, expect, expectTypeOf, it } from 'vitest';
import twilio from 'twilio';
import { createWebhookMiddleware, declaredScheme, type DeclaredSignature, type FormFields } from '../../../runtime/webhooks.ts';
import { signDeclared } from '../../../templates/init/test/support/signers.ts';

/** Twilio's request signature: HMAC-SHA1 of the URL then the sorted fields, base64, with the Auth Token as the key. */
const TWILIO: DeclaredSignature = {
  algorithm: 'hmac-sha1',
  payload: '{url}{form}',
  signature: { header: 'x-twilio-signature', encoding: 'base64' },
};

const URL_CALLED = 'https://hooks.example.com/twilio/sms?tenant=a%20b&x=1';

/** Form bodies that tell a sorting, decoding or repeated-name mistake apart. */
const BODIES: readonly string[] = [
  'MessageSid=SM1&From=%2B14158675310&To=%2B18005551212&Body=Hello+w%C3%B6rld+%E2%9C%93&MessageStatus=received',
  // Names out of order, one given twice (Twilio signs each distinct value once, sorted), an empty value.
  'To=%2B1800&body=lower&Body=Upper&MediaUrl=b&MediaUrl=a&MediaUrl=b&Empty=&MessageStatus=sent',
  // Reserved characters and a plus sign written as %2B beside a space written as +.
  'A=1%262%3D3&B=x+y%2Bz&C=%25%2F%3F&MessageStatus=delivered',
];

/** The fields as Express's urlencoded parser gives them to twilio-node: a repeated name as an array. */
function expressParams(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const had = out[name];
    out[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }
  return out;
}

/** The body with one field's value changed. */
function tampered(body: string): string {
  return body.replace(/MessageStatus=[a-z]+/, 'MessageStatus=failed');
}

describe("a declared URL + sorted form fields scheme (oracle: twilio-node's webhook code)", () => {
  const scheme = declaredScheme('sms', 'form', TWILIO);
  const key = randomBytes(16).toString('hex');
  const otherKey = randomBytes(16).toString('hex');
  const headers = (signature: string) => new Headers({ 'x-twilio-signature': signature, 'content-type': 'application/x-www-form-urlencoded' });

  it.each(BODIES.map((body, i) => [i, body] as const))('accepts what twilio accepts and refuses what it refuses (body %i)', async (_i, body) => {
    const twilioSigned = (b: string, url: string, k = key) => twilio.getExpectedTwilioSignature(k, url, expressParams(b));
    const cases = [
      { name: 'genuine', body, signature: twilioSigned(body, URL_CALLED), accepted: true },
      { name: 'a field altered', body: tampered(body), signature: twilioSigned(body, URL_CALLED), accepted: false },
      { name: 'a field added', body: `${body}&Extra=1`, signature: twilioSigned(body, URL_CALLED), accepted: false },
      { name: 'fields in another order', body: body.split('&').reverse().join('&'), signature: twilioSigned(body, URL_CALLED), accepted: true },
      { name: 'signed for another URL', body, signature: twilioSigned(body, 'https://hooks.example.com/twilio/other'), accepted: false },
      { name: 'another key', body, signature: twilioSigned(body, URL_CALLED, otherKey), accepted: false },
    ];
    for (const c of cases) {
      expect(twilio.validateRequest(key, c.signature, URL_CALLED, expressParams(c.body)), `twilio on ${c.name}`).toBe(c.accepted);
      const ours = await scheme.verify(c.body, headers(c.signature), key, { url: URL_CALLED });
      expect(ours.ok, `ours on ${c.name}`).toBe(c.accepted);
      if (ours.ok) expect(ours.event).toEqual(expressParams(c.body));
      else expect(ours).toMatchObject({ reason: 'signature-mismatch' });
    }
  });

  it.each(BODIES.map((body, i) => [i, body] as const))("twilio accepts what the init'd Worker's test signer signs (body %i)", async (_i, body) => {
    const { signature } = await signDeclared(TWILIO, body, key, Date.now(), { url: URL_CALLED, method: 'POST' });
    expect(twilio.validateRequest(key, signature, URL_CALLED, expressParams(body))).toBe(true);
    expect(twilio.validateRequest(key, signature, URL_CALLED, expressParams(tampered(body)))).toBe(false);
  });

  it('verifies the body as bytes as it does as text, and refuses a body that is not UTF-8', async () => {
    const body = BODIES[0]!;
    const signature = twilio.getExpectedTwilioSignature(key, URL_CALLED, expressParams(body));
    const ours = await scheme.verify(new TextEncoder().encode(body), headers(signature), key, { url: URL_CALLED });
    expect(ours).toEqual({ ok: true, event: expressParams(body) });
    const notText = await scheme.verify(Uint8Array.of(0x41, 0x3d, 0xff), headers(signature), key, { url: URL_CALLED });
    expect(notText).toMatchObject({ ok: false, reason: 'unparsable-body' });
  });

  it('keeps a field named __proto__ as an own property of the event', async () => {
    const body = '__proto__=x&MessageStatus=sent';
    // Express's parser (Node's querystring) gives an object without a prototype, so the name is a field there too.
    const signature = twilio.getExpectedTwilioSignature(key, URL_CALLED, Object.fromEntries([['__proto__', 'x'], ['MessageStatus', 'sent']]));
    const ours = await scheme.verify(body, headers(signature), key, { url: URL_CALLED });
    expect(ours.ok).toBe(true);
    if (ours.ok) expect(Object.getOwnPropertyDescriptor(ours.event, '__proto__')?.value).toBe('x');
  });

  it('the webhook middleware verifies a form delivery against the URL the request came to', async () => {
    const seen: unknown[] = [];
    const app = new Hono();
    app.post('/twilio/sms', createWebhookMiddleware(scheme, { secret: key }), (c) => {
      seen.push(c.get('webhookEvent' as never));
      return c.body(null, 204);
    });
    const body = BODIES[1]!;
    const signature = twilio.getExpectedTwilioSignature(key, URL_CALLED, expressParams(body));
    const sent = await app.request(URL_CALLED, { method: 'POST', headers: headers(signature), body });
    expect(sent.status).toBe(204);
    const elsewhere = await app.request(URL_CALLED.replace('x=1', 'x=2'), { method: 'POST', headers: headers(signature), body });
    expect(elsewhere.status).toBe(401);
    expect(seen).toEqual([expressParams(body)]);
  });

  it('types a form event as the text it arrives as, keeping the string literals the spec names', () => {
    type Declared = { MessageSid: string; MessageStatus: 'delivered' | 'failed'; ErrorCode?: number; MediaUrl?: string[]; Flag: boolean; [key: string]: unknown };
    type Received = FormFields<Declared>;
    expectTypeOf<Received['MessageStatus']>().toEqualTypeOf<'delivered' | 'failed'>();
    expectTypeOf<Received['ErrorCode']>().toEqualTypeOf<string | string[] | undefined>();
    expectTypeOf<Received['MediaUrl']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<Received['Flag']>().toEqualTypeOf<string | string[]>();
    expectTypeOf<Received['Other']>().toEqualTypeOf<string | string[]>();
    // What the verifier returns for such a body fits the type.
    const event: Received = { MessageSid: 'SM1', MessageStatus: 'failed', ErrorCode: '30003', MediaUrl: ['a', 'b'], Flag: 'true' };
    expect(event.ErrorCode).toBe('30003');
  });

  it("refuses `{form}` for a JSON delivery when the scheme is made, and `{body}` beside `{form}`", () => {
    expect(() => declaredScheme('sms', 'object', TWILIO)).toThrow("`{form}` signs the fields of an urlencoded body: it needs delivery 'form', not 'object'");
    expect(() => declaredScheme('sms', 'form', { ...TWILIO, payload: '{form}{body}' })).toThrow('must contain `{body}` or `{form}` exactly once (found 2)');
  });
});
