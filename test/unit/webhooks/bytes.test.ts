import { describe, expect, it } from 'vitest';
import { base64ToBytes, bodyBytes, bodyText, lowerHexToBytes, prefixed } from '../../../runtime/webhooks/bytes.ts';
import { constantTimeEqual } from '../../../runtime/webhooks/constant-time.ts';

describe('webhook byte helpers', () => {
  it('decodes lowercase hex only', () => {
    expect([...lowerHexToBytes('00ff10')!]).toEqual([0, 255, 16]);
    for (const bad of ['0', 'FF', '0g', 'ab ', ' ab', '']) expect(lowerHexToBytes(bad)).toBeUndefined();
  });

  it('decodes canonical padded base64 only', () => {
    expect(Buffer.from(base64ToBytes('aGVsbG8=')!).toString()).toBe('hello');
    expect(base64ToBytes('')?.length).toBe(0);
    for (const bad of ['aGVsbG8', 'aGVs bG8=', 'aGVsbG8*', '=aGV', 'a===']) expect(base64ToBytes(bad)).toBeUndefined();
  });

  it('takes bodies as strings, buffers and views without changing a byte', () => {
    const text = 'caf\u00e9\r\n\u{1F600}';
    const expected = [...Buffer.from(text, 'utf8')];
    const pooled = Buffer.concat([Buffer.from('junk'), Buffer.from(text), Buffer.from('tail')]).subarray(4, 4 + expected.length);
    for (const body of [text, Buffer.from(text), new TextEncoder().encode(text).buffer, pooled, new DataView(new TextEncoder().encode(text).buffer)]) {
      expect([...bodyBytes(body)]).toEqual(expected);
      expect([...prefixed('12.', body)]).toEqual([...Buffer.from('12.'), ...expected]);
    }
    expect(bodyText(Uint8Array.from([0xff]))).toBeUndefined();
  });

  it('compares equal-length arrays byte by byte and unequal lengths as different', () => {
    expect(constantTimeEqual(Uint8Array.from([1, 2]), Uint8Array.from([1, 2]))).toBe(true);
    expect(constantTimeEqual(Uint8Array.from([1, 2]), Uint8Array.from([1, 3]))).toBe(false);
    expect(constantTimeEqual(Uint8Array.from([1, 2]), Uint8Array.from([1, 2, 0]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array(0), new Uint8Array(0))).toBe(true);
  });
});
