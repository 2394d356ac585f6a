// Payload generators: realistic event bodies with the formatting variety that breaks verifiers
// which re-serialise (key order, spacing, CRLF, non-ASCII text, escapes).
import fc from 'fast-check';

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 24 }),
);

const scalar = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));

const fields = fc.dictionary(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 }), fc.oneof(scalar, fc.array(scalar, { maxLength: 4 })), {
  maxKeys: 8,
});

export type Layout = 'compact' | 'pretty-lf' | 'pretty-crlf';
export const layout = fc.constantFrom<Layout>('compact', 'pretty-lf', 'pretty-crlf');

export function render(value: unknown, how: Layout): string {
  if (how === 'compact') return JSON.stringify(value);
  const pretty = JSON.stringify(value, null, 2);
  return how === 'pretty-crlf' ? pretty.replace(/\n/g, '\r\n') : pretty;
}

/** A Stripe-like event body. */
export const stripeEventBody = fc
  .record({ id: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 }), type: fc.constantFrom('payment_intent.succeeded', 'customer.subscription.created', 'charge.refunded'), object: fields, how: layout })
  .map(({ id, type, object, how }) => render({ id: `evt_${id}`, object: 'event', type, created: 1_700_000_000, livemode: false, data: { object } }, how));

/** An Airwallex-like event body. */
export const airwallexEventBody = fc
  .record({ id: fc.uuid(), name: fc.constantFrom('payment_intent.succeeded', 'refund.settled', 'payout.transfer.paid'), object: fields, how: layout })
  .map(({ id, name, object, how }) => render({ id, name, account_id: 'acct_x', data: { object }, created_at: '2024-01-01T00:00:00+0000', version: '2024-06-30' }, how));

/** A SendGrid batch as SendGrid writes it: `,\r\n` between events and a trailing CRLF. */
export const sendgridBatchBody = fc
  .array(
    fc.record({
      email: fc.emailAddress(),
      event: fc.constantFrom('processed', 'delivered', 'open', 'click', 'bounce'),
      sg_event_id: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 22 }),
      extra: fields,
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((events) => '[' + events.map(({ extra, ...e }) => JSON.stringify({ ...extra, ...e, timestamp: 1_700_000_000 })).join(',\r\n') + ']\r\n');

/** A printable-ASCII secret like the ones vendors issue. */
export const secretText = (prefix: string) =>
  fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'), minLength: 8, maxLength: 40 }).map((s) => prefix + s);

/** `text` with one UTF-16 unit changed (never equal to the input). */
export function alterText(input: string, index: number, replacement: number): string {
  const at = index % input.length;
  let code = replacement % 0x7f;
  if (code < 0x20) code += 0x20;
  if (input.charCodeAt(at) === code) code = code === 0x41 ? 0x42 : 0x41;
  return input.slice(0, at) + String.fromCharCode(code) + input.slice(at + 1);
}

/** `bytes` with one byte changed (never equal to the input). */
export function alterBytes(input: Uint8Array, index: number, xor: number): Uint8Array {
  const out = new Uint8Array(input);
  out[index % out.length]! ^= (xor % 255) + 1;
  return out;
}

export const utf8 = (s: string) => new TextEncoder().encode(s);

/** The body tamperings every vendor's fuzz applies; other mutations leave the body alone. */
export type BodyMutation = 'body-char' | 'body-byte' | 'truncate' | 'extend';

/** The tampered body for a body mutation (`extension` is what 'extend' appends), else undefined. */
export function mutateBody(payload: string, mutation: string, pick: number, extension: string): string | Uint8Array | undefined {
  switch (mutation as BodyMutation) {
    case 'body-char':
      return alterText(payload, pick, pick >> 4);
    case 'body-byte': {
      const bytes = utf8(payload);
      bytes[pick % bytes.length]! ^= 1 << (pick % 8);
      return bytes;
    }
    case 'truncate':
      return payload.slice(0, pick % payload.length);
    case 'extend':
      return payload + extension;
    default:
      return undefined;
  }
}
