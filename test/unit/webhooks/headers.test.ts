import { describe, expect, it } from 'vitest';
import { readHeader, requireHeader } from '../../../runtime/webhooks/headers.ts';

describe('webhook header reading', () => {
  it('finds a header in fetch Headers and in records of any key case', () => {
    expect(readHeader(new Headers({ 'X-Signature': 'a' }), 'x-signature')).toBe('a');
    expect(readHeader({ 'X-Signature': 'a' }, 'x-signature')).toBe('a');
    expect(readHeader({ 'x-signature': ['a'] }, 'X-Signature')).toBe('a');
    expect(readHeader({ constructor: 'x' }, 'x-signature')).toBeUndefined();
    expect(readHeader({}, 'constructor')).toBeUndefined();
  });

  it('tells a missing header from a repeated one', () => {
    expect(requireHeader({}, 'x-signature')).toMatchObject({ ok: false, reason: 'missing-header' });
    expect(requireHeader({ 'x-signature': '' }, 'x-signature')).toMatchObject({ ok: false, reason: 'missing-header' });
    expect(requireHeader({ 'x-signature': ['a', 'b'] }, 'x-signature')).toMatchObject({ ok: false, reason: 'malformed-header' });
    expect(requireHeader({ 'x-signature': 'a' }, 'x-signature')).toBe('a');
  });
});
