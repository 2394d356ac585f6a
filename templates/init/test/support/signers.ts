// Real signatures for the webhook schemes svcgen verifies, made with WebCrypto so they run inside
// workerd like the Worker does. Each returns the signature header's value and, for schemes that
// sign a separate timestamp header, that header's value. `at` is milliseconds since the epoch.
export interface Signed {
  signature: string;
  timestamp?: string;
  /** Other headers the signed payload covers (a declared scheme's `{header:Name}`), with their values. */
  headers?: Record<string, string>;
  /** The URL to send the delivery to, when the scheme carries the body's digest in it (`bodyHash`). */
  url?: string;
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

/** A signature scheme declared in the vendor's webhook profile (svcgen's `DeclaredSignature`). */
export interface DeclaredSignature {
  algorithm: 'hmac-sha1' | 'hmac-sha256' | 'hmac-sha512' | 'ecdsa-p256-sha256' | 'ed25519';
  payload: string;
  signature: { header: string; encoding: 'hex' | 'base64' | 'base64url'; prefix?: string; separator?: string; format?: 'der' | 'raw' };
  timestamp?: { header?: string; prefix?: string; unit: 'seconds' | 'milliseconds' };
  secret?: { prefix?: string; encoding?: 'utf8' | 'hex' | 'base64' | 'base64url'; format?: 'spki' | 'raw' };
  bodyHash?: { query: string };
}

function encode(bytes: Uint8Array, encoding: 'hex' | 'base64' | 'base64url'): string {
  if (encoding === 'hex') return hex(bytes.buffer as ArrayBuffer);
  const text = base64(bytes);
  return encoding === 'base64' ? text : text.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decode(text: string, encoding: 'utf8' | 'hex' | 'base64' | 'base64url'): Uint8Array<ArrayBuffer> {
  // Copied: the Workers types give TextEncoder's output an ArrayBufferLike, which importKey refuses.
  if (encoding === 'utf8') return new Uint8Array(encoder.encode(text));
  if (encoding === 'hex') {
    const bytes = new Uint8Array(text.length / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
    return bytes;
  }
  const standard = text.replace(/-/g, '+').replace(/_/g, '/');
  return fromBase64(standard.padEnd(Math.ceil(standard.length / 4) * 4, '='));
}

const HMAC_HASH = { 'hmac-sha1': 'SHA-1', 'hmac-sha256': 'SHA-256', 'hmac-sha512': 'SHA-512' } as const;

/** A fresh HMAC secret written the way `spec` reads one (its prefix and encoding). */
export function declaredSecret(spec: DeclaredSignature): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const encoding = spec.secret?.encoding ?? 'utf8';
  return `${spec.secret?.prefix ?? ''}${encoding === 'utf8' ? `test_${encode(bytes, 'base64url')}` : encode(bytes, encoding)}`;
}

/**
 * A form body's fields as `{form}` signs them: sorted by name, each name then its value, a repeated
 * name once per distinct value in sorted order. Written here, not imported from svcgen's runtime,
 * so the tests sign independently of the verifier they test.
 */
function sortedFields(body: string): string {
  const fields = new Map<string, Set<string>>();
  new URLSearchParams(body).forEach((value, name) => fields.set(name, (fields.get(name) ?? new Set()).add(value)));
  return [...fields.keys()]
    .sort()
    .map((name) => [...fields.get(name)!].sort().map((value) => name + value).join(''))
    .join('');
}

/** The request a delivery is sent as, for schemes that sign its URL or method. */
export interface SignedRequest {
  readonly url: string;
  readonly method: string;
}

/**
 * Signs as `spec` declares: the payload template filled in (`{header:Name}` gets a fresh value,
 * returned among the headers to send; `{url}` and `{method}` come from `request`, the URL with the
 * body's digest added for `bodyHash`, returned to send to; `{form}` is the urlencoded body's
 * fields, sorted), the signature in
 * its header form, the timestamp in its own header or as an item of the signature header. `key` is
 * the HMAC secret as the Worker holds it, or a base64 PKCS#8 private key for the public-key algorithms.
 */
export async function signDeclared(spec: DeclaredSignature, body: string, key: string, at: number, request?: SignedRequest): Promise<Signed> {
  const timestamp = spec.timestamp ? String(spec.timestamp.unit === 'milliseconds' ? at : Math.floor(at / 1000)) : undefined;
  const headers: Record<string, string> = {};
  if (spec.bodyHash && request) {
    // The body's digest goes into the URL, which the payload then signs.
    const digest = hex(await crypto.subtle.digest('SHA-256', encoder.encode(body)));
    request = { ...request, url: `${request.url}${request.url.includes('?') ? '&' : '?'}${spec.bodyHash.query}=${digest}` };
  }
  const payload = spec.payload.replace(/\{(body|form|timestamp|url|method|header:[^{}]+)\}/g, (_, name: string) => {
    if (name === 'body') return body;
    if (name === 'form') return sortedFields(body);
    if (name === 'timestamp') return timestamp!;
    if (name === 'url' || name === 'method') {
      if (!request) throw new Error(`the scheme signs the request's ${name}: pass the request to signDeclared`);
      return request[name];
    }
    const header = name.slice('header:'.length).trim();
    return (headers[header] ??= `msg_${crypto.randomUUID()}`);
  });
  const data = encoder.encode(payload);
  let raw: Uint8Array;
  if (spec.algorithm.startsWith('hmac-')) {
    const secret = spec.secret?.prefix && key.startsWith(spec.secret.prefix) ? key.slice(spec.secret.prefix.length) : key;
    const hash = HMAC_HASH[spec.algorithm as keyof typeof HMAC_HASH];
    const hmacKey = await crypto.subtle.importKey('raw', decode(secret, spec.secret?.encoding ?? 'utf8'), { name: 'HMAC', hash }, false, ['sign']);
    raw = new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, data));
  } else if (spec.algorithm === 'ecdsa-p256-sha256') {
    const privateKey = await crypto.subtle.importKey('pkcs8', fromBase64(key), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
    raw = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, data));
    if ((spec.signature.format ?? 'der') === 'der') raw = derFromRaw(raw);
  } else {
    const privateKey = await crypto.subtle.importKey('pkcs8', fromBase64(key), { name: 'Ed25519' }, false, ['sign']);
    raw = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, privateKey, data));
  }
  const value = `${spec.signature.prefix ?? ''}${encode(raw, spec.signature.encoding)}`;
  const inHeader = spec.timestamp?.prefix !== undefined;
  const signed: Signed = { signature: inHeader ? `${spec.timestamp!.prefix}${timestamp}${spec.signature.separator}${value}` : value, headers };
  if (spec.bodyHash && request) signed.url = request.url;
  if (timestamp !== undefined && !inHeader) signed.timestamp = timestamp;
  return signed;
}
