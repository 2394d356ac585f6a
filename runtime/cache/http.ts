import { sha256Hex } from '../sha256.ts';
import type { CachedResponse } from './store.ts';

// Turning GET responses into cache entries and back. The key hashes the URL with every request
// header and the client's credentials (its partition: a pipeline signs a request only after the
// cache lookup, so its headers do not carry them yet), so clients with different credentials or
// connected accounts never share an entry and no credential is stored in the key.

const KEPT_HEADERS = ['content-type', 'content-language'];

export async function cacheKey(vendor: string, operationId: string, request: Request, partition = ''): Promise<string> {
  let material = request.url;
  request.headers.forEach((value, name) => {
    material += `\n${name}:${value}`;
  });
  // After a blank line, which no header line can be.
  material += `\n\n${partition}`;
  return `svcgen:${vendor}:${operationId}:${await sha256Hex(material)}`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a response into an entry; the caller gets a fresh Response with the same bytes, since the
 * body is consumed. A body that is not UTF-8 (an image, a PDF) is kept as base64: read as text, its
 * bytes would come back changed, on this call and on every hit.
 */
export async function toCacheEntry(response: Response, ttlSeconds: number, now: number): Promise<[CachedResponse, Response]> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const headers: [string, string][] = [];
  for (const name of KEPT_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers.push([name, value]);
  }
  const expiresAt = now + ttlSeconds * 1000;
  let entry: CachedResponse;
  try {
    entry = { status: response.status, headers, body: utf8.decode(bytes), expiresAt };
  } catch {
    entry = { status: response.status, headers, body: toBase64(bytes), encoding: 'base64', expiresAt };
  }
  return [entry, new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers })];
}

export function fromCacheEntry(entry: CachedResponse): Response {
  const headers = new Headers(entry.headers as [string, string][]);
  headers.set('x-svcgen-cache', 'hit');
  return new Response(entry.encoding === 'base64' ? fromBase64(entry.body) : entry.body, { status: entry.status, headers });
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
