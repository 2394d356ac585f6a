// The per-delivery parsers (hex, base64, decimal timestamps, a signature header's items) are
// hand-written loops for speed; each must accept exactly what the simple regex-based reference
// accepts and decode it to the same value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, lowerHexToBytes } from '../../../runtime/webhooks/bytes.ts';
import { parseDecimal } from '../../../runtime/webhooks/timestamp.ts';

function referenceHex(hex: string): number[] | undefined {
  return /^(?:[0-9a-f]{2})+$/.test(hex) ? [...Buffer.from(hex, 'hex')] : undefined;
}

function referenceBase64(text: string): number[] | undefined {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return undefined;
  return [...atob(text)].map((c) => c.charCodeAt(0));
}

function referenceDecimal(text: string): number | undefined {
  if (!/^[0-9]{1,20}$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

const asArray = (bytes: Uint8Array | undefined) => (bytes ? [...bytes] : undefined);
/** Strings mostly made of the characters a parser cares about, so valid inputs come up often. */
const textOver = (alphabet: string, maxLength: number) => fc.array(fc.constantFrom(...alphabet), { maxLength }).map((chars) => chars.join(''));
const RUNS = { numRuns: 3000 };

describe('hot-path parsers agree with their regex references', () => {
  it('lowercase hex', () => {
    fc.assert(fc.property(fc.oneof(textOver('0123456789abcdefABg ', 70), fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b).toString('hex')), fc.string()), (hex) => {
      expect(asArray(lowerHexToBytes(hex))).toEqual(referenceHex(hex));
    }), RUNS);
  });

  it('canonical padded base64', () => {
    const valid = fc.uint8Array({ maxLength: 80 }).map((b) => Buffer.from(b).toString('base64'));
    const mutated = fc.tuple(valid, fc.nat(), fc.constantFrom('=', ' ', '\n', '-', '_', 'A', '\u00e9', '')).map(([text, at, c]) => {
      const i = text.length === 0 ? 0 : at % text.length;
      return text.slice(0, i) + c + text.slice(i + 1);
    });
    fc.assert(fc.property(fc.oneof(valid, mutated, textOver('AZaz09+/= ', 12), fc.string()), (text) => {
      expect(asArray(base64ToBytes(text))).toEqual(referenceBase64(text));
    }), RUNS);
  });

  it('decimal timestamps, up to the largest safe integer', () => {
    const edges = ['9007199254740991', '9007199254740992', '00000000000000000001', '000000000000000000001', '99999999999999999999', '0', '', '+1', '-1', '1e3', '1.0', ' 1', '\u0661'];
    for (const text of edges) expect(parseDecimal(text)).toBe(referenceDecimal(text));
    fc.assert(fc.property(fc.oneof(textOver('0123456789', 22), textOver('0123456789 -+.e', 8), fc.string()), (text) => {
      expect(parseDecimal(text)).toBe(referenceDecimal(text));
    }), RUNS);
  });
});
