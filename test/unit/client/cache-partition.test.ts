// A response cache shared by clients with different credentials (one KV namespace for a
// multi-tenant Worker, say) must never answer one client with another's data. The cache is looked
// up before the transport signs the request, so the request's headers do not carry the
// credentials yet: each auth strategy gives its client a partition that the cache key hashes in.
// Before it did, the second client here read the first one's answer.
import { describe, expect, it } from 'vitest';
import { accessTokenScheme } from '../../../runtime/auth/access-token.ts';
import { apiKeyScheme } from '../../../runtime/auth/api-key.ts';
import { bearerScheme } from '../../../runtime/auth/bearer-scheme.ts';
import { fittedHeaderAuth } from '../../../runtime/auth/header-auth.ts';
import { noAuth } from '../../../runtime/auth/no-auth.ts';
import { schemeAuth } from '../../../runtime/auth/scheme-auth.ts';
import { tokenExchangeAuth } from '../../../runtime/auth/token-exchange.ts';
import { KvCacheStore, type KvNamespaceLike } from '../../../runtime/cache/kv.ts';
import { MemoryCacheStore } from '../../../runtime/cache/memory.ts';
import { responseCache, type ResponseCache } from '../../../runtime/cache/response-cache.ts';
import { createVendorClientWith, type AuthStrategy, type BaseClientOptions, type VendorProfile } from '../../../runtime/client.ts';
import type { OperationMeta } from '../../../runtime/contract.ts';
import { describeErrorBody } from '../../../runtime/error-shapes.ts';
import { testProfile } from '../policy/support.ts';

/** A GET the operation lets be cached for a minute. */
const BALANCE: OperationMeta = { id: 'GetBalance', method: 'GET', path: '/balance', resilience: 'idempotent', idempotency: { kind: 'none' }, cache: { ttlSeconds: 60 } };
const QUIET = { retry: false, rateLimit: false, breaker: false, logger: false } as const;

const bearer = { kind: 'schemes', schemes: { bearer: { type: 'bearer' } }, security: [['bearer']], operations: {}, shorthand: 'bearer' };
const login = { kind: 'token-exchange', loginOperation: 'Login', loginPath: '/login', credentialHeaders: { 'x-api-key': 'apiKey' }, tokenField: 'token', expiresAtField: 'expires_at', refreshSkewSeconds: 60 };

/** A vendor that answers each call with the credential it was signed with, and counts the calls it answers. */
function vendor() {
  const seen: string[] = [];
  const fetch = async (request: Request) => {
    if (new URL(request.url).pathname === '/login') {
      return Response.json({ token: `token-for-${request.headers.get('x-api-key')}`, expires_at: Math.floor(Date.now() / 1000) + 3600 }, { status: 201 });
    }
    const owner = request.headers.get('authorization') ?? 'nobody';
    seen.push(owner);
    return Response.json({ owner });
  };
  return { seen, fetch };
}

function clientOf(auth: object, strategy: AuthStrategy, cache: ResponseCache, options: BaseClientOptions, fetch: BaseClientOptions['fetch']) {
  const profile: VendorProfile = testProfile(auth as VendorProfile['auth'], 0);
  return createVendorClientWith(profile, { ...QUIET, ...options, cache, fetch }, strategy, describeErrorBody);
}

describe('a response cache shared by clients with different credentials', () => {
  it('answers each API key with its own data, and shares an entry between clients with the same key', async () => {
    const cache = responseCache(new MemoryCacheStore());
    const { seen, fetch } = vendor();
    const strategy = fittedHeaderAuth({ bearer: bearerScheme });
    const a = clientOf(bearer, strategy, cache, { apiKey: 'tenant-a-key-0001' } as BaseClientOptions, fetch);
    const b = clientOf(bearer, strategy, cache, { apiKey: 'tenant-b-key-0002' } as BaseClientOptions, fetch);
    const alsoA = clientOf(bearer, strategy, cache, { apiKey: 'tenant-a-key-0001' } as BaseClientOptions, fetch);
    expect(await a.call(BALANCE, {})).toEqual({ owner: 'Bearer tenant-a-key-0001' });
    expect(await b.call(BALANCE, {})).toEqual({ owner: 'Bearer tenant-b-key-0002' });
    expect(await alsoA.call(BALANCE, {})).toEqual({ owner: 'Bearer tenant-a-key-0001' });
    expect(seen).toEqual(['Bearer tenant-a-key-0001', 'Bearer tenant-b-key-0002']);
  });

  it('answers each token-exchange login with its own data', async () => {
    const cache = responseCache(new MemoryCacheStore());
    const { seen, fetch } = vendor();
    const a = clientOf(login, tokenExchangeAuth, cache, { apiKey: 'tenant-a-key-0001' } as BaseClientOptions, fetch);
    const b = clientOf(login, tokenExchangeAuth, cache, { apiKey: 'tenant-b-key-0002' } as BaseClientOptions, fetch);
    expect(await a.call(BALANCE, {})).toEqual({ owner: 'Bearer token-for-tenant-a-key-0001' });
    expect(await b.call(BALANCE, {})).toEqual({ owner: 'Bearer token-for-tenant-b-key-0002' });
    expect(await a.call(BALANCE, {})).toEqual({ owner: 'Bearer token-for-tenant-a-key-0001' });
    expect(seen).toEqual(['Bearer token-for-tenant-a-key-0001', 'Bearer token-for-tenant-b-key-0002']);
  });

  it('answers each API key sent in the query with its own data (the signer adds it after the lookup)', async () => {
    const cache = responseCache(new MemoryCacheStore());
    const seen: string[] = [];
    const fetch = async (request: Request) => {
      const key = new URL(request.url).searchParams.get('key') ?? 'none';
      seen.push(key);
      return Response.json({ owner: key });
    };
    const inQuery = { kind: 'schemes', schemes: { key: { type: 'apiKey', in: 'query', name: 'key' } }, security: [['key']], operations: {}, shorthand: 'key' };
    const strategy = schemeAuth({ apiKey: apiKeyScheme });
    const a = clientOf(inQuery, strategy, cache, { apiKey: 'tenant-a-key-0001' } as BaseClientOptions, fetch);
    const b = clientOf(inQuery, strategy, cache, { apiKey: 'tenant-b-key-0002' } as BaseClientOptions, fetch);
    expect(await a.call(BALANCE, {})).toEqual({ owner: 'tenant-a-key-0001' });
    expect(await b.call(BALANCE, {})).toEqual({ owner: 'tenant-b-key-0002' });
    expect(await a.call(BALANCE, {})).toEqual({ owner: 'tenant-a-key-0001' });
    expect(seen).toEqual(['tenant-a-key-0001', 'tenant-b-key-0002']);
  });

  it('keeps the answers of a client whose token comes from a function to that client', async () => {
    const cache = responseCache(new MemoryCacheStore());
    const { seen, fetch } = vendor();
    const strategy = schemeAuth({ bearer: accessTokenScheme });
    const a = clientOf(bearer, strategy, cache, { auth: { bearer: () => 'tenant-a-token-01' } } as BaseClientOptions, fetch);
    const b = clientOf(bearer, strategy, cache, { auth: { bearer: () => 'tenant-b-token-02' } } as BaseClientOptions, fetch);
    expect(await a.call(BALANCE, {})).toEqual({ owner: 'Bearer tenant-a-token-01' });
    expect(await b.call(BALANCE, {})).toEqual({ owner: 'Bearer tenant-b-token-02' });
    expect(await a.call(BALANCE, {})).toEqual({ owner: 'Bearer tenant-a-token-01' });
    expect(seen).toEqual(['Bearer tenant-a-token-01', 'Bearer tenant-b-token-02']);
  });

  it('still shares entries between clients of an API without credentials', async () => {
    const cache = responseCache(new MemoryCacheStore());
    const { seen, fetch } = vendor();
    const open = { kind: 'schemes', schemes: {}, security: [], operations: {} };
    const a = clientOf(open, noAuth, cache, {}, fetch);
    const b = clientOf(open, noAuth, cache, {}, fetch);
    expect(await a.call(BALANCE, {})).toEqual({ owner: 'nobody' });
    expect(await b.call(BALANCE, {})).toEqual({ owner: 'nobody' });
    expect(seen).toEqual(['nobody']);
  });

  it('stores no credential in a KV key or entry', async () => {
    const data = new Map<string, string>();
    const kv: KvNamespaceLike = {
      get: async (key) => data.get(key) ?? null,
      put: async (key, value) => void data.set(key, value),
    };
    const cache = responseCache(new KvCacheStore(kv));
    const a = clientOf(bearer, fittedHeaderAuth({ bearer: bearerScheme }), cache, { apiKey: 'tenant-a-key-0001' } as BaseClientOptions, async () => Response.json({ ok: true }));
    await a.call(BALANCE, {});
    expect(data.size).toBe(1);
    const [key, entry] = [...data][0]!;
    expect(key).toMatch(/^svcgen:acme:GetBalance:[0-9a-f]{64}$/);
    expect(`${key}${entry}`).not.toContain('tenant-a-key-0001');
  });
});
