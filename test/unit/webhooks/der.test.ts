// DER → r‖s conversion, checked against node:crypto, which verifies raw (IEEE P1363) signatures
// independently of our parser.
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ecdsaDerToRaw } from '../../../runtime/webhooks/der.ts';

describe('ecdsaDerToRaw', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

  it('turns node DER signatures into r‖s that node accepts as P1363', () => {
    for (let i = 0; i < 200; i++) {
      const message = Buffer.from(`message ${i}`);
      const der = sign('sha256', message, privateKey);
      const raw = ecdsaDerToRaw(der, 32);
      expect(raw).toHaveLength(64);
      expect(verify('sha256', message, { key: publicKey, dsaEncoding: 'ieee-p1363' }, raw!)).toBe(true);
    }
  });

  it('left-pads short integers and strips redundant zero bytes', () => {
    const r = [0x00, 0x00, 0x01];
    const s = [0x00, 0x80];
    const der = Uint8Array.from([0x30, 4 + r.length + s.length, 0x02, r.length, ...r, 0x02, s.length, ...s]);
    const raw = ecdsaDerToRaw(der, 32)!;
    expect(raw[31]).toBe(1);
    expect(raw[63]).toBe(0x80);
    expect(raw.slice(0, 31).every((b) => b === 0)).toBe(true);
  });

  it('rejects anything that is not exactly SEQUENCE { INTEGER, INTEGER }', () => {
    const good = [...sign('sha256', Buffer.from('x'), privateKey)];
    const bad: number[][] = [
      [],
      [0x30],
      [0x31, ...good.slice(1)],
      [...good, 0x00],
      good.slice(0, -1),
      [0x30, good[1]! + 1, ...good.slice(2)],
      [0x30, 0x06, 0x02, 0x01, 0x80, 0x02, 0x01, 0x01],
      [0x30, 0x05, 0x02, 0x00, 0x02, 0x01, 0x01],
      [0x30, 0x06, 0x04, 0x01, 0x01, 0x02, 0x01, 0x01],
      [0x30, 0x26, 0x02, 0x21, 0x01, ...Array(32).fill(1), 0x02, 0x01, 0x01],
      [0x30, 0x82, 0x00, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01],
    ];
    for (const bytes of bad) expect(ecdsaDerToRaw(Uint8Array.from(bytes), 32)).toBeUndefined();
  });
});
