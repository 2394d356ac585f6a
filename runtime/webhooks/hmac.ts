// HMAC-SHA256 keyed with a secret's UTF-8 text, as the stripe-v1 and airwallex-hmac schemes use it, on WebCrypto
// only: the key is imported once per secret and cached, which is the cost the vendors' own async
// verifiers pay on every call.
import { constantTimeEqual } from './constant-time.ts';
import { keyCache } from './key-cache.ts';
import { utf8 } from '../utf8.ts';

const cryptoKeys = keyCache((secret) =>
  crypto.subtle.importKey('raw', utf8.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
);

/**
 * Whether one of `signatures` is the MAC of `data` under one of `secrets` (a secret WebCrypto
 * refuses matches nothing). Once a secret's key is imported, the MAC is under way when this
 * returns, so the caller can do other work before awaiting it.
 */
export async function hmacMatches(secrets: readonly string[], data: Uint8Array<ArrayBuffer>, signatures: readonly Uint8Array[]): Promise<boolean> {
  for (const secret of secrets) {
    const key = cryptoKeys.ready(secret) ?? (await cryptoKeys.get(secret));
    if (!key) continue;
    const expected = new Uint8Array(await crypto.subtle.sign('HMAC', key, data));
    // Every signature is compared, even after a match, so timing says nothing about which one matched.
    let matched = false;
    for (const signature of signatures) matched = constantTimeEqual(expected, signature) || matched;
    if (matched) return true;
  }
  return false;
}
