// HMAC-SHA256 keyed with a secret's UTF-8 text, as the stripe-v1 and airwallex-hmac schemes use it, on WebCrypto
// only: the key is imported once per secret and cached, which is the cost the vendors' own async
// verifiers pay on every call.
import { utf8 } from './bytes.ts';
import { KeyCache } from './key-cache.ts';

const cryptoKeys = new KeyCache((secret) =>
  crypto.subtle.importKey('raw', utf8(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
);

/** The MAC of `data` under `secret`, or undefined when WebCrypto refuses the key. */
export async function hmacSha256(secret: string, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array | undefined> {
  const key = cryptoKeys.ready(secret) ?? (await cryptoKeys.get(secret));
  if (!key) return undefined;
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, data));
}
