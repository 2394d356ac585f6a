// The runtime side of spec auth on a hand-written profile: what createVendorClient demands, and
// how credentials join what a request already carries (a caller's cookie, a query string).
import { describe, expect, it } from 'vitest';
import { createVendorClient, type VendorProfile } from '../../../runtime/client.ts';
import type { OperationMeta } from '../../../runtime/contract.ts';
import { apiKeyScheme } from '../../../runtime/auth/api-key.ts';
import { schemeAuth } from '../../../runtime/auth/scheme-auth.ts';
import { styledQuery } from '../../../runtime/encoding/query.ts';
import { testProfile } from '../policy/support.ts';

// No retries: these tests look at one request each.
const profile = (auth: VendorProfile['auth']): VendorProfile => testProfile(auth, 0);

const keys: VendorProfile['auth'] = {
  kind: 'schemes',
  schemes: { cookieKey: { type: 'apiKey', in: 'cookie', name: 'sid' }, queryKey: { type: 'apiKey', in: 'query', name: 'key' } },
  security: [['cookieKey', 'queryKey']],
  operations: {},
  shorthand: 'queryKey',
};

/** What the generated client of a spec with only API-key schemes passes. */
const apiKeys = schemeAuth({ apiKey: apiKeyScheme });

const meta: OperationMeta = { id: 'GetThings', method: 'GET', path: '/things', resilience: 'safe', idempotency: { kind: 'none' } };

function recorder() {
  const seen: Request[] = [];
  return { seen, fetch: async (request: Request) => (seen.push(request), Response.json({})) };
}

describe('createVendorClient with spec schemes', () => {
  it('refuses a client without any credential when every operation needs one, naming schemes and shorthand', () => {
    expect(() => createVendorClient(profile(keys), {}, apiKeys)).toThrow('acme: no credentials: pass auth: { cookieKey + queryKey } (or the apiKey option)');
  });

  it('adds a cookie key to the caller’s cookies and a query key to the query, and `auth` wins over the shorthand', async () => {
    const { seen, fetch } = recorder();
    const client = createVendorClient(profile(keys), {
      fetch,
      logger: false,
      headers: { Cookie: 'theme=dark' },
      apiKey: 'shorthand-key-1',
      auth: { cookieKey: 'cookie-key-2', queryKey: 'auth-key-3' },
    } as object, apiKeys);
    await client.call(meta, { params: { query: { limit: 2 } } });
    const url = new URL(seen[0]!.url);
    expect([...url.searchParams]).toEqual([['limit', '2'], ['key', 'auth-key-3']]);
    expect(seen[0]!.headers.get('cookie')).toBe('theme=dark; sid=cookie-key-2');
    expect(seen[0]!.headers.get('authorization')).toBeNull();
  });

  it('adds a query key without re-encoding the query the encoder wrote (delimiters, escaped delimiters, %20), replacing a key already there', async () => {
    const { seen, fetch } = recorder();
    const queryOnly: VendorProfile['auth'] = { kind: 'schemes', schemes: { queryKey: { type: 'apiKey', in: 'query', name: 'key' } }, security: [['queryKey']], operations: {}, shorthand: 'queryKey' };
    const client = createVendorClient(profile(queryOnly), { fetch, logger: false, apiKey: 'k 1/2' } as object, apiKeys);
    const styled: OperationMeta = { ...meta, query: { tags: ['pipeDelimited', false], ids: ['form', false] }, encodeQuery: styledQuery };
    await client.call(styled, { params: { query: { tags: ['a|b', 'c'], ids: ['x,y', 'z'], q: 'C++ & more', key: 'the caller’s' } } });
    const search = new URL(seen[0]!.url).search;
    // The encoder's own text, untouched: a literal | and , separate items, an escaped one is part of one.
    expect(search).toBe('?tags=a%7Cb|c&ids=x%2Cy,z&q=C%2B%2B%20%26%20more&key=k%201%2F2');
  });

  it('refuses a credential a cookie cannot carry, without echoing it', () => {
    const make = () => createVendorClient(profile(keys), { auth: { cookieKey: 'a;b-secret', queryKey: 'k' } } as object, apiKeys);
    expect(make).toThrow('acme: auth.cookieKey contains a character it cannot carry on the wire');
    expect(make).not.toThrow(/secret/);
  });
});
