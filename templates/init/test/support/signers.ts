// Real signatures for the webhook schemes svcgen verifies, made with WebCrypto so they run inside
// workerd like the Worker does. Each returns the signature header's value and, for schemes that
// sign a separate timestamp header, that header's value. `at` is milliseconds since the epoch.
export interface Signed {
  signature: string;
  timestamp?: string;
}

export type Signer = (body: string, key: string, at: number) => Promise<Signed>;

const encoder = new TextEncoder();

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function base64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

async function hmacSha256(secret: string, message: string): Promise<ArrayBuffer> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return crypto.subtle.sign('HMAC', key, encoder.encode(message));
}

/** WebCrypto's ECDSA signature is r‖s; the vendors' headers carry ASN.1 DER. */
function derFromRaw(raw: Uint8Array): Uint8Array {
  const integer = (part: Uint8Array) => {
    let start = 0;
    while (start < part.length - 1 && part[start] === 0) start++;
    const trimmed = part.slice(start);
    return trimmed[0]! & 0x80 ? Uint8Array.of(0x02, trimmed.length + 1, 0, ...trimmed) : Uint8Array.of(0x02, trimmed.length, ...trimmed);
  };
  const r = integer(raw.slice(0, 32));
  const s = integer(raw.slice(32));
  return Uint8Array.of(0x30, r.length + s.length, ...r, ...s);
}

export const signers: Record<string, Signer> = {
  // `t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">`
  'stripe-v1': async (body, secret, at) => {
    const t = Math.floor(at / 1000);
    return { signature: `t=${t},v1=${hex(await hmacSha256(secret, `${t}.${body}`))}` };
  },
  // hex HMAC-SHA256 of timestamp (milliseconds) + body
  'airwallex-hmac': async (body, secret, at) => {
    const timestamp = String(at);
    return { signature: hex(await hmacSha256(secret, timestamp + body)), timestamp };
  },
  // base64 DER ECDSA P-256 / SHA-256 of timestamp (seconds) + body
  'sendgrid-ecdsa': async (body, pkcs8, at) => {
    const timestamp = String(Math.floor(at / 1000));
    const key = await crypto.subtle.importKey('pkcs8', fromBase64(pkcs8), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
    const raw = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, encoder.encode(timestamp + body)));
    return { signature: base64(derFromRaw(raw)), timestamp };
  },
};
