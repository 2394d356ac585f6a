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
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(material)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return `svcgen:${vendor}:${operationId}:${hex}`;
}

/** Reads a response into an entry; the caller gets a fresh Response since the body is consumed. */
export async function toCacheEntry(response: Response, ttlSeconds: number, now: number): Promise<[CachedResponse, Response]> {
  const body = await response.text();
  const headers: [string, string][] = [];
  for (const name of KEPT_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers.push([name, value]);
  }
  const entry: CachedResponse = { status: response.status, headers, body, expiresAt: now + ttlSeconds * 1000 };
  return [entry, new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })];
}

export function fromCacheEntry(entry: CachedResponse): Response {
  const headers = new Headers(entry.headers as [string, string][]);
  headers.set('x-svcgen-cache', 'hit');
  return new Response(entry.body, { status: entry.status, headers });
}
