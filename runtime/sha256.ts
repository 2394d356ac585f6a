// The SHA-256 of a text, in lowercase hex: what cache keys, rate-limit window names and event keys
// are made of when what they stand for must not be stored or is too long to be a key.

import { utf8 } from './utf8.ts';

export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(text)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
