import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, redactHeaders, redactText, redactValue } from '../../../runtime/redact.ts';

const alnum = fc.stringMatching(/^[A-Za-z0-9]{16,40}$/);
// Key formats come from a vendor's profile (`secretShapes`, emitted as below); these two are made up.
const SHAPES = [/(?<![A-Za-z0-9])(?:demo_(?:live|test)_[A-Za-z0-9]{6,})/g, /(?<![A-Za-z0-9])(?:DK\.[A-Za-z0-9_-]{6,}(?:\.[A-Za-z0-9_-]+)?)/g];
const secret = fc.oneof(
  alnum.map((s) => `demo_live_${s}`),
  alnum.map((s) => `demo_test_${s}`),
  fc.tuple(alnum, alnum).map(([a, b]) => `DK.${a}.${b}`),
  fc.tuple(alnum, alnum, alnum).map(([a, b, c]) => `eyJ${a}.${b}.${c}`),
);
// Text around a secret that a message might plausibly contain.
const surrounding = fc.string({ maxLength: 20 }).map((s) => s.replace(/[A-Za-z0-9_]$/, ' '));

describe('redactText', () => {
  it('removes every recognisable secret (a JWT, a key of a shape it is given) wherever it sits', () => {
    fc.assert(
      fc.property(surrounding, secret, fc.string({ maxLength: 20 }), (before, key, after) => {
        expect(redactText(`${before}${key}${after}`, SHAPES)).not.toContain(key);
      }),
      { numRuns: 500 },
    );
  });

  it('knows no key format of its own: a shape nobody passed is left as it is', () => {
    expect(redactText('key demo_live_0123456789abcdef sent')).toBe('key demo_live_0123456789abcdef sent');
    expect(redactText('key demo_live_0123456789abcdef sent', SHAPES)).toBe(`key ${REDACTED} sent`);
  });

  it('matches a shape only where no letter or digit precedes it, so ids that contain one stay', () => {
    expect(redactText('bad_key_demo_live_0123456789 and xdemo_live_0123456789', SHAPES)).toBe(`bad_key_${REDACTED} and xdemo_live_0123456789`);
  });

  it('refuses a shape without the g flag rather than scrub only its first match', () => {
    expect(() => redactText('demo_live_0123456789 demo_live_9876543210', [/demo_live_\w+/])).toThrow(TypeError);
  });

  it('removes listed secrets of any shape, and keeps the auth scheme and label', () => {
    expect(redactText('key 9f8e7d6c5b4a sent', ['9f8e7d6c5b4a'])).toBe(`key ${REDACTED} sent`);
    expect(redactText('Authorization: Bearer abc.def-ghi')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redactText('x-api-key=abcdef123&b=2')).toBe(`x-api-key=${REDACTED}&b=2`);
    expect(redactText('{"password": "hunter22"}')).toBe(`{"password": "${REDACTED}"}`);
  });

  it('keeps a hyphenated label whole, prefix and all (x-client-id, Set-Cookie, X-API-KEY), and reads passwd as password', () => {
    expect(redactText('x-client-id: cid-123456, Set-Cookie: sid=zz9; "X-API-KEY": "k-98765" passwd=hunter22 xx-token=t-1234')).toBe(
      `x-client-id: ${REDACTED}, Set-Cookie: ${REDACTED}; "X-API-KEY": "${REDACTED}" passwd=${REDACTED} xx-token=${REDACTED}`,
    );
  });

  it('leaves ordinary ids and prose alone', () => {
    const text = 'No such customer: cus_NffrFeUfNV2Hib (request req_9aBc, task_list demo_)';
    expect(redactText(text, SHAPES)).toBe(text);
  });
});

describe('redactValue and redactHeaders', () => {
  it('blanks secret-named fields at any depth and scrubs strings, without touching the input', () => {
    const input = {
      headers: { Authorization: 'Bearer x', 'X-API-KEY': 'k', 'x-client-id': 'c' },
      nested: [{ client_secret: 'pi_1_secret_2', access_token: 't', note: 'demo_test_0123456789abcdef' }],
      amount: 10,
      empty_token: '',
    };
    const copy = structuredClone(input);
    expect(redactValue(input, SHAPES)).toEqual({
      headers: { Authorization: REDACTED, 'X-API-KEY': REDACTED, 'x-client-id': REDACTED },
      nested: [{ client_secret: REDACTED, access_token: REDACTED, note: REDACTED }],
      amount: 10,
      empty_token: '',
    });
    expect(input).toEqual(copy);
  });

  it('survives cycles', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(redactValue(a)).toEqual({ name: 'a', self: REDACTED });
  });

  it('redacts header values by name', () => {
    const headers = new Headers({ authorization: 'Bearer zzz', 'x-api-key': 'k', 'request-id': 'req_1' });
    expect(redactHeaders(headers)).toEqual({ authorization: REDACTED, 'x-api-key': REDACTED, 'request-id': 'req_1' });
  });
});
