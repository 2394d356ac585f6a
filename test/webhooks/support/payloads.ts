// Payload generators: the pieces of realistic event bodies (free-form fields, layouts) with the
// formatting variety that breaks verifiers which re-serialise (key order, spacing, CRLF, non-ASCII
// text, escapes). Each vendor's test file builds its own event shape from them.
import fc from 'fast-check';

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 24 }),
);

const scalar = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));

/** Free-form object fields, values of every JSON type. */
export const fields = fc.dictionary(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 }), fc.oneof(scalar, fc.array(scalar, { maxLength: 4 })), {
  maxKeys: 8,
});

export type Layout = 'compact' | 'pretty-lf' | 'pretty-crlf';
export const layout = fc.constantFrom<Layout>('compact', 'pretty-lf', 'pretty-crlf');

export function render(value: unknown, how: Layout): string {
  if (how === 'compact') return JSON.stringify(value);
  const pretty = JSON.stringify(value, null, 2);
  return how === 'pretty-crlf' ? pretty.replace(/\n/g, '\r\n') : pretty;
}

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
