// ECDSA signatures in ASN.1 DER, written here independently of the runtime's decoder
// (runtime/webhooks/der.ts), for tests that hand verifiers signatures in the form vendors send.

/** `SEQUENCE { INTEGER r, INTEGER s }` of the 64-byte r‖s, both minimal; `padR` adds redundant zero bytes before r. */
export function derFromRaw(raw: Uint8Array, padR = 0): Uint8Array {
  const integer = (bytes: Uint8Array, pad: number) => {
    let from = 0;
    while (from < bytes.length - 1 && bytes[from] === 0) from++;
    const digits = [...bytes.subarray(from)];
    if (digits[0]! & 0x80) digits.unshift(0);
    for (let i = 0; i < pad; i++) digits.unshift(0);
    return [0x02, digits.length, ...digits];
  };
  const body = [...integer(raw.subarray(0, 32), padR), ...integer(raw.subarray(32), 0)];
  return Uint8Array.from([0x30, body.length, ...body]);
}
