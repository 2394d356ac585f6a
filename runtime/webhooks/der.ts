// ECDSA signatures travel as DER `SEQUENCE { INTEGER r, INTEGER s }`, while WebCrypto's verify
// takes the fixed-width concatenation r‖s. The parser is strict about structure (tags, lengths,
// no trailing bytes, no negative integers) and tolerant only of redundant leading zero bytes,
// which do not change the value.

/** r‖s, each left-padded to `size` bytes, or undefined when `der` is not such a signature. */
export function ecdsaDerToRaw(der: Uint8Array, size: number): Uint8Array<ArrayBuffer> | undefined {
  const seq = readElement(der, 0, 0x30);
  if (!seq || seq.end !== der.length) return undefined;
  const r = readElement(der, seq.start, 0x02);
  if (!r) return undefined;
  const s = readElement(der, r.end, 0x02);
  if (!s || s.end !== seq.end) return undefined;
  const out = new Uint8Array(2 * size);
  if (!copyUnsigned(der.subarray(r.start, r.end), out, 0, size)) return undefined;
  if (!copyUnsigned(der.subarray(s.start, s.end), out, size, size)) return undefined;
  return out;
}

interface Element {
  start: number;
  end: number;
}

function readElement(bytes: Uint8Array, offset: number, tag: number): Element | undefined {
  if (bytes[offset] !== tag) return undefined;
  let at = offset + 1;
  const first = bytes[at++];
  if (first === undefined) return undefined;
  let length = first;
  if (first & 0x80) {
    // Long form: only one length byte is plausible for a P-256/P-384 signature.
    if (first !== 0x81) return undefined;
    const next = bytes[at++];
    if (next === undefined || next < 0x80) return undefined;
    length = next;
  }
  const end = at + length;
  return end <= bytes.length ? { start: at, end } : undefined;
}

function copyUnsigned(integer: Uint8Array, out: Uint8Array, offset: number, size: number): boolean {
  if (integer.length === 0 || integer[0]! & 0x80) return false;
  let from = 0;
  while (from < integer.length - 1 && integer[from] === 0) from++;
  const digits = integer.subarray(from);
  if (digits.length > size) return false;
  out.set(digits, offset + size - digits.length);
  return true;
}
