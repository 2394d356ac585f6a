// Static bearer keys (an API's secret key). The key may come from a function so a
// Worker can read it from its environment per request, or rotate it without a new client.

import type { FetchLike } from '../contract.ts';

export type BearerKey = string | (() => string | Promise<string>);

async function resolveKey(key: BearerKey): Promise<string> {
  const value = typeof key === 'function' ? await key() : key;
  // Say what is wrong without ever echoing the value.
  if (typeof value !== 'string' || value === '') throw new TypeError('bearer key is missing or empty');
  if (/[\r\n]/.test(value)) throw new TypeError('bearer key contains a line break');
  return value;
}

/**
 * Wraps `fetch` so every request carries `Authorization: Bearer <key>`, replacing any it had. The
 * attempt's `init` (its signal, its buffered body) goes on with the request: dropped, a timeout
 * could no longer cancel the request it started.
 */
export function withBearerAuth(fetch: FetchLike, key: BearerKey): FetchLike {
  return async (request, init) => {
    const value = await resolveKey(key);
    const headers = new Headers(request.headers);
    headers.set('Authorization', `Bearer ${value}`);
    return fetch(new Request(request, { headers }), init);
  };
}
