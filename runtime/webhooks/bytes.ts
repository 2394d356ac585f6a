// Byte plumbing for signature checks. Signatures cover the exact bytes received, so bodies are
// handled as bytes from the start and only decoded to text after the signature has matched.
import type { RawBody } from './types.ts';
import { utf8 } from '../utf8.ts';

const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** The body's bytes, without copying when they already sit in an ordinary ArrayBuffer. */
export function bodyBytes(body: RawBody): Uint8Array<ArrayBuffer> {
  if (typeof body === 'string') return utf8.encode(body);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  // Not bytes at all (a caller passed a parsed object or nothing): no signature can match empty input.
  if (!ArrayBuffer.isView(body)) return new Uint8Array(0);
  const view = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  // WebCrypto takes only ArrayBuffer-backed views; a SharedArrayBuffer one is copied out.
  return view.buffer instanceof ArrayBuffer ? (view as Uint8Array<ArrayBuffer>) : new Uint8Array(view);
}

/** `prefix` (ASCII/UTF-8 text) followed by `body`: what HMAC/ECDSA schemes sign. */
export function prefixed(prefix: string, body: RawBody): Uint8Array<ArrayBuffer> {
  if (typeof body === 'string') return utf8.encode(prefix + body);
  const head = utf8.encode(prefix);
  const tail = bodyBytes(body);
  const out = new Uint8Array(head.length + tail.length);
  out.set(head, 0);
  out.set(tail, head.length);
  return out;
}

/** Body text, or undefined when the bytes are not valid UTF-8. */
export function bodyText(body: RawBody): string | undefined {
  if (typeof body === 'string') return body;
  try {
    return strictDecoder.decode(bodyBytes(body));
  } catch {
    return undefined;
  }
}

/** Lowercase hex only: vendors send lowercase, and their SDKs compare the text case-sensitively. */
export function lowerHexToBytes(hex: string): Uint8Array<ArrayBuffer> | undefined {
  // Character codes, not a regex and parseInt per pair: this runs on every delivery.
  if (hex.length === 0 || hex.length % 2 !== 0) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    const high = lowerHexDigit(hex.charCodeAt(2 * i));
    const low = lowerHexDigit(hex.charCodeAt(2 * i + 1));
    if (high < 0 || low < 0) return undefined;
    out[i] = (high << 4) | low;
  }
  return out;
}

/** 0–15 for `0`–`9` and `a`–`f`, else -1. */
function lowerHexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/**
 * Canonical padded base64 only (length a multiple of 4, `=` only as the last one or two
 * characters); anything else is undefined rather than silently skipped.
 */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (text.length % 4 !== 0) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let at = 0;
  for (let i = 0; i < text.length; i += 4) {
    // In the last quantum the padding characters count as zero bits (and write nothing).
    const last = i + 4 === text.length;
    const a = base64Value(text, i);
    const b = base64Value(text, i + 1);
    const c = last && padding === 2 ? 0 : base64Value(text, i + 2);
    const d = last && padding > 0 ? 0 : base64Value(text, i + 3);
    if ((a | b | c | d) < 0) return undefined;
    const bits = (a << 18) | (b << 12) | (c << 6) | d;
    out[at++] = bits >> 16;
    if (at < out.length) out[at++] = (bits >> 8) & 0xff;
    if (at < out.length) out[at++] = bits & 0xff;
  }
  return out;
}

/** The 6-bit value of the base64 character at `index`, or -1 when it is not in the alphabet. */
function base64Value(text: string, index: number): number {
  // Ranges rather than a lookup table: no module-level state, so a bundle whose schemes decode no base64 drops it all.
  const code = text.charCodeAt(index);
  if (code >= 65 && code <= 90) return code - 65; // A-Z
  if (code >= 97 && code <= 122) return code - 71; // a-z
  if (code >= 48 && code <= 57) return code + 4; // 0-9
  if (code === 43) return 62; // +
  if (code === 47) return 63; // /
  return -1;
}
