// Byte plumbing for signature checks. Signatures cover the exact bytes received, so bodies are
// handled as bytes from the start and only decoded to text after the signature has matched.
import type { RawBody } from './types.ts';

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** The body's bytes, without copying when they already sit in an ordinary ArrayBuffer. */
export function bodyBytes(body: RawBody): Uint8Array<ArrayBuffer> {
  if (typeof body === 'string') return encoder.encode(body);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  // Not bytes at all (a caller passed a parsed object or nothing): no signature can match empty input.
  if (!ArrayBuffer.isView(body)) return new Uint8Array(0);
  const view = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  // WebCrypto takes only ArrayBuffer-backed views; a SharedArrayBuffer one is copied out.
  return view.buffer instanceof ArrayBuffer ? (view as Uint8Array<ArrayBuffer>) : new Uint8Array(view);
}

/** `prefix` (ASCII/UTF-8 text) followed by `body`: what HMAC/ECDSA schemes sign. */
export function prefixed(prefix: string, body: RawBody): Uint8Array<ArrayBuffer> {
  if (typeof body === 'string') return encoder.encode(prefix + body);
  const head = encoder.encode(prefix);
  const tail = bodyBytes(body);
  const out = new Uint8Array(head.length + tail.length);
  out.set(head, 0);
  out.set(tail, head.length);
  return out;
}

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
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

const HEX_PAIR = /^(?:[0-9a-f]{2})+$/;

/** Lowercase hex only: vendors send lowercase, and their SDKs compare the text case-sensitively. */
export function lowerHexToBytes(hex: string): Uint8Array<ArrayBuffer> | undefined {
  if (!HEX_PAIR.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Canonical padded base64 only; anything else is undefined rather than silently skipped. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!BASE64.test(text)) return undefined;
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
