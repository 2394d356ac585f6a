// encodeForm against stripe-node as the oracle: byte for byte on generated bodies, and what the
// real SDK puts on the wire (loopback capture). The generic encoder tests are in form.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORM_CONTENT_TYPE, encodeForm, encodeFormComponent } from '../../../runtime/encoding/form.ts';
import { captureStripe, stripeStringify } from './stripe-oracle.ts';

const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('metadata', 'items', 'expand', 'a[b]', '0', '1', ' '));
const plainNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !String(n).includes('e')),
);
const leaf = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
  plainNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: true }),
  fc.bigInt(),
);
const { value: formValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.sparseArray(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
}));
const formBody = fc.dictionary(key, formValue, { maxKeys: 6 });

describe('encodeForm matches stripe-node byte for byte', () => {
  it('on generated bodies (no exponent-form numbers)', () => {
    fc.assert(
      fc.property(formBody, (body) => {
        expect(encodeForm(body)).toBe(stripeStringify(body));
      }),
      { numRuns: 1500 },
    );
  });

  it('on lone surrogates both refuse the same way', () => {
    const body = { a: '\uD800' };
    expect(() => stripeStringify(body)).toThrow(URIError);
    expect(() => encodeForm(body)).toThrow(URIError);
  });

  it('differs only in digits for exponent-form numbers, naming the same value', () => {
    const exponentNumber = fc
      .double({ noNaN: true, noDefaultInfinity: true })
      .filter((n) => String(n).includes('e'));
    fc.assert(
      fc.property(fc.string({ maxLength: 5 }), exponentNumber, (k, n) => {
        const ours = new URLSearchParams(encodeForm({ [k]: n }));
        const theirs = new URLSearchParams(stripeStringify({ [k]: n }));
        expect([...ours.keys()]).toEqual([...theirs.keys()]);
        expect(Number(ours.get(k))).toBe(Number(theirs.get(k)));
        expect(ours.get(k)).not.toContain('e');
      }),
    );
  });

  it('and that module is what the real SDK sends (loopback capture)', async () => {
    const bodies: Record<string, unknown>[] = [
      { metadata: { order_id: '42', note: "it's (x)" }, expand: ['customer', 'invoice'] },
      { items: [{ price: 'p_1', quantity: 2 }, { price: 'p_2' }], description: '', email: null },
      { name: 'a b&c=d+é', tax: { ip_address: '127.0.0.1' }, preferred_locales: ['en', 'fr'] },
    ];
    const captured = await captureStripe(async (stripe) => {
      for (const body of bodies) await stripe.customers.create(body as never);
    });
    expect(captured).toHaveLength(bodies.length);
    captured.forEach((request, i) => {
      expect(request.contentType).toBe(FORM_CONTENT_TYPE);
      expect(request.body.toString('utf8')).toBe(encodeForm(bodies[i]));
    });
  });
});

describe('encodeFormComponent: the verbatim fast path', () => {
  // Mostly characters the fast path passes through, some that force the escaping passes.
  const text = fc.string({ unit: fc.constantFrom(...'aZ09_.~-[]', ...' !\'()*%&=+é/'), minLength: 1 });
  it('encodes keys and values as stripe-node does, whichever path a string takes', () => {
    fc.assert(
      fc.property(text, text, (key, value) => {
        expect(`${encodeFormComponent(key)}=${encodeFormComponent(value)}`).toBe(stripeStringify({ [key]: value }));
      }),
      { numRuns: 2000 },
    );
  });
});
