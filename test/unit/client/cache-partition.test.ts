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
import { responseCache } from '../../../runtime/cache/response-cache.ts';
import { createVendorClientWith, type AuthStrategy, type BaseClientOptions, type VendorProfile } from '../../../runtime/client.ts';
import type { OperationMeta } from '../../../runtime/contract.ts';
import { describeErrorBody } from '../../../runtime/error-shapes.ts';
import { bearerAuth, loginAuth, testProfile } from '../policy/support.ts';

/** A GET the operation lets be cached for a minute. */
const BALANCE: OperationMeta = { id: 'GetBalance', method: 'GET', path: '/balance', resilience: 'idempotent', idempotency: { kind: 'none' }, cache: { ttlSeconds: 60 } };
const QUIET = { retry: false, rateLimit: false, breaker: false, logger: false } as const;


/** A vendor that answers each call with the credential it was signed with (header or query key). */
function vendor() {
  const seen: string[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname === '/login') {
      return Response.json({ token: `token-for-${request.headers.get('x-api-key')}`, expires_at: Math.floor(Date.now() / 1000) + 3600 }, { status: 201 });
    }
    const owner = request.headers.get('authorization') ?? url.searchParams.get('key') ?? 'nobody';
    seen.push(owner);
    return Response.json({ owner });
  };
  return { seen, fetch };
}

type Client = ReturnType<typeof createVendorClientWith>;

/** One cached store and vendor; `make` builds clients on them. */
function sharedCache() {
  const cache = responseCache(new MemoryCacheStore());
  const { seen, fetch } = vendor();
  const make = (auth: object, strategy: AuthStrategy, options: object): Client =>
    createVendorClientWith(testProfile(auth as VendorProfile['auth'], 0), { ...QUIET, ...options, cache, fetch } as BaseClientOptions, strategy, describeErrorBody);
  /** Each client's call in turn: the owner each answer names, and the calls the vendor itself answered. */
  const calls = async (...clients: Client[]) => {
    const answers: string[] = [];
    for (const client of clients) answers.push(((await client.call(BALANCE, {})) as { owner: string }).owner);
    return { answers, answeredByVendor: [...seen] };
  };
  return { make, calls };
}

describe('a response cache shared by clients with different credentials', () => {
  it('answers each API key with its own data, and shares an entry between clients with the same key', async () => {
    const { make, calls } = sharedCache();
    const strategy = fittedHeaderAuth({ bearer: bearerScheme });
    const [a, b, alsoA] = ['tenant-a-key-0001', 'tenant-b-key-0002', 'tenant-a-key-0001'].map((apiKey) => make(bearerAuth, strategy, { apiKey }));
    expect(await calls(a!, b!, alsoA!)).toEqual({
      answers: ['Bearer tenant-a-key-0001', 'Bearer tenant-b-key-0002', 'Bearer tenant-a-key-0001'],
      answeredByVendor: ['Bearer tenant-a-key-0001', 'Bearer tenant-b-key-0002'],
    });
  });

  it('answers each token-exchange login with its own data', async () => {
    const { make, calls } = sharedCache();
    const [a, b] = ['tenant-a-key-0001', 'tenant-b-key-0002'].map((apiKey) => make(loginAuth, tokenExchangeAuth, { apiKey }));
    expect(await calls(a!, b!, a!)).toEqual({
      answers: ['Bearer token-for-tenant-a-key-0001', 'Bearer token-for-tenant-b-key-0002', 'Bearer token-for-tenant-a-key-0001'],
      answeredByVendor: ['Bearer token-for-tenant-a-key-0001', 'Bearer token-for-tenant-b-key-0002'],
    });
  });

  it('answers each API key sent in the query with its own data (the signer adds it after the lookup)', async () => {
    const { make, calls } = sharedCache();
    const inQuery = { kind: 'schemes', schemes: { key: { type: 'apiKey', in: 'query', name: 'key' } }, security: [['key']], operations: {}, shorthand: 'key' };
    const strategy = schemeAuth({ apiKey: apiKeyScheme });
    const [a, b] = ['tenant-a-key-0001', 'tenant-b-key-0002'].map((apiKey) => make(inQuery, strategy, { apiKey }));
    expect(await calls(a!, b!, a!)).toEqual({
      answers: ['tenant-a-key-0001', 'tenant-b-key-0002', 'tenant-a-key-0001'],
      answeredByVendor: ['tenant-a-key-0001', 'tenant-b-key-0002'],
    });
  });

  it('keeps the answers of a client whose token comes from a function to that client', async () => {
    const { make, calls } = sharedCache();
    const strategy = schemeAuth({ bearer: accessTokenScheme });
    const [a, b] = ['tenant-a-token-01', 'tenant-b-token-02'].map((token) => make(bearerAuth, strategy, { auth: { bearer: () => token } }));
    expect(await calls(a!, b!, a!)).toEqual({
      answers: ['Bearer tenant-a-token-01', 'Bearer tenant-b-token-02', 'Bearer tenant-a-token-01'],
      answeredByVendor: ['Bearer tenant-a-token-01', 'Bearer tenant-b-token-02'],
    });
  });

  it('still shares entries between clients of an API without credentials', async () => {
    const { make, calls } = sharedCache();
    const open = { kind: 'schemes', schemes: {}, security: [], operations: {} };
    expect(await calls(make(open, noAuth, {}), make(open, noAuth, {}))).toEqual({ answers: ['nobody', 'nobody'], answeredByVendor: ['nobody'] });
  });

  it('stores no credential in a KV key or entry', async () => {
    const data = new Map<string, string>();
    const kv: KvNamespaceLike = {
      get: async (key) => data.get(key) ?? null,
      put: async (key, value) => void data.set(key, value),
    };
    const cache = responseCache(new KvCacheStore(kv));
    const client = createVendorClientWith(testProfile(bearerAuth, 0), { ...QUIET, apiKey: 'tenant-a-key-0001', cache, fetch: async () => Response.json({ ok: true }) } as BaseClientOptions, fittedHeaderAuth({ bearer: bearerScheme }), describeErrorBody);
    await client.call(BALANCE, {});
    expect(data.size).toBe(1);
    const [key, entry] = [...data][0]!;
    expect(key).toMatch(/^svcgen:acme:GetBalance:[0-9a-f]{64}$/);
    expect(`${key}${entry}`).not.toContain('tenant-a-key-0001');
  });
});
