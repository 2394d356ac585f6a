import { describe, expect, it } from 'vitest';
import type { OperationMeta } from '../../../runtime/contract.ts';
import { KvCacheStore, type KvNamespaceLike } from '../../../runtime/cache/kv.ts';
import { MemoryCacheStore } from '../../../runtime/cache/memory.ts';
import { responseCache } from '../../../runtime/cache/response-cache.ts';
import { get, getCustomer, harness, ManualClock, respond } from './support.ts';

const fxRates: OperationMeta = { ...getCustomer, id: 'GetFxRates', path: '/api/v1/fx/rates/current', cache: { ttlSeconds: 30 } };
const ratesUrl = 'https://api.example.com/api/v1/fx/rates/current?buy_currency=USD';

const entry = (expiresAt: number) => ({ status: 200, headers: [['content-type', 'application/json']] as const, body: '{"rate":1.1}', expiresAt });

/** An in-memory stand-in for a KV binding that records the TTLs it was given. */
function fakeKv() {
  const data = new Map<string, string>();
  const ttls: (number | undefined)[] = [];
  const kv: KvNamespaceLike = {
    async get(key) {
      return data.get(key) ?? null;
    },
    async put(key, value, options) {
      data.set(key, value);
      ttls.push(options?.expirationTtl);
    },
  };
  return { kv, data, ttls };
}

describe('cache stores', () => {
  it('memory: serves an entry until its TTL, then drops it', async () => {
    const clock = new ManualClock();
    const store = new MemoryCacheStore({ clock });
    await store.put('k', entry(clock.now() + 30_000));
    await clock.advance(29_999);
    expect(await store.get('k')).toMatchObject({ body: '{"rate":1.1}' });
    await clock.advance(1);
    expect(await store.get('k')).toBeUndefined();
  });

  it('memory: evicts the oldest entries beyond its size', async () => {
    const store = new MemoryCacheStore({ maxEntries: 2 });
    const far = Date.now() + 60_000;
    await store.put('a', entry(far));
    await store.put('b', entry(far));
    await store.put('c', entry(far));
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('c')).toBeDefined();
  });

  it('kv: stores JSON with an expirationTtl no lower than KV allows, and enforces shorter TTLs on read', async () => {
    const clock = new ManualClock();
    const { kv, ttls } = fakeKv();
    const store = new KvCacheStore(kv, clock);
    await store.put('k', entry(clock.now() + 10_000), 10);
    await store.put('long', entry(clock.now() + 300_000), 300);
    expect(ttls).toEqual([60, 300]);
    expect(await store.get('k')).toMatchObject({ status: 200 });
    await clock.advance(10_000);
    expect(await store.get('k')).toBeUndefined();
    expect(await store.get('long')).toBeDefined();
  });

  it('kv: treats an unreadable value as a miss', async () => {
    const { kv, data } = fakeKv();
    data.set('k', 'not json');
    expect(await new KvCacheStore(kv).get('k')).toBeUndefined();
  });
});

describe('GET caching in the pipeline', () => {
  const cached = (clock = new ManualClock()) => harness([respond(200, {}, '{"rate":1.1}'), respond(200, {}, '{"rate":1.2}')], { clock, cache: responseCache(new MemoryCacheStore({ clock }), clock) });

  it('answers from the cache within the TTL and from the vendor after it', async () => {
    const clock = new ManualClock();
    const { call, sent } = cached(clock);
    expect(await (await call(fxRates, get(ratesUrl))).json()).toEqual({ rate: 1.1 });
    const second = await call(fxRates, get(ratesUrl));
    expect(second.headers.get('x-svcgen-cache')).toBe('hit');
    expect(await second.json()).toEqual({ rate: 1.1 });
    expect(sent).toHaveLength(1);
    await clock.advance(30_000);
    expect(await (await call(fxRates, get(ratesUrl))).json()).toEqual({ rate: 1.2 });
    expect(sent).toHaveLength(2);
  });

  it('keys entries by URL and credentials', async () => {
    const { call, sent } = cached();
    await call(fxRates, get(ratesUrl, { headers: { authorization: 'Bearer a' } }));
    await call(fxRates, get(ratesUrl, { headers: { authorization: 'Bearer b' } }));
    await call(fxRates, get(`${ratesUrl}&sell_currency=EUR`, { headers: { authorization: 'Bearer a' } }));
    expect(sent).toHaveLength(3);
  });

  it('caches only operations that allow it, unless the call asks', async () => {
    const { call, sent } = cached();
    await call(getCustomer, get());
    await call(getCustomer, get());
    expect(sent).toHaveLength(2);
    await call(getCustomer, get(), { cache: { ttlSeconds: 5 } });
    await call(getCustomer, get(), { cache: true });
    expect(sent).toHaveLength(3);
  });

  it('can be bypassed per call', async () => {
    const { call, sent } = cached();
    await call(fxRates, get(ratesUrl));
    await call(fxRates, get(ratesUrl), { cache: false });
    expect(sent).toHaveLength(2);
  });

  it('does not cache failures', async () => {
    const clock = new ManualClock();
    const { call, sent } = harness([respond(404), respond(200)], { clock, cache: responseCache(new MemoryCacheStore({ clock }), clock) });
    expect((await call(fxRates, get(ratesUrl))).status).toBe(404);
    expect((await call(fxRates, get(ratesUrl))).status).toBe(200);
    expect(sent).toHaveLength(2);
  });

  it('never caches non-GET requests', async () => {
    const { call, sent } = cached();
    const post = () => new Request(ratesUrl, { method: 'POST', body: '{}' });
    await call(fxRates, post());
    await call(fxRates, post());
    expect(sent).toHaveLength(2);
  });

  it('reports each lookup as a cache event, and falls back to the pipeline TTL when the operation names none', async () => {
    const clock = new ManualClock();
    const { call, sent, events } = harness([respond(200), respond(200)], { clock, cacheTtlSeconds: 10, cache: responseCache(new MemoryCacheStore({ clock }), clock) });
    await call(getCustomer, get(), { cache: true });
    await call(getCustomer, get(), { cache: true });
    expect(events.filter((e) => e.type === 'cache').map((e) => [e.operationId, e.level, 'hit' in e && e.hit])).toEqual([
      [getCustomer.id, 'debug', false],
      [getCustomer.id, 'debug', true],
    ]);
    await clock.advance(10_000);
    await call(getCustomer, get(), { cache: true });
    expect(sent).toHaveLength(2);
  });

  it('gives back the bytes of a body that is not UTF-8, on the call that stores it and on a hit through KV', async () => {
    const clock = new ManualClock();
    const { kv, data } = fakeKv();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00, 0x80, 0xc3]);
    const image = () => new Response(png, { headers: { 'content-type': 'image/png' } });
    const { call, sent } = harness([image(), image()], { clock, cache: responseCache(new KvCacheStore(kv, clock), clock) });
    for (let i = 0; i < 2; i++) {
      const response = await call(getCustomer, get(), { cache: true });
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(png);
    }
    expect(sent).toHaveLength(1);
    expect(JSON.parse([...data.values()][0]!)).toMatchObject({ encoding: 'base64', body: btoa(String.fromCharCode(...png)) });
  });

  it('keeps a UTF-8 body as its text', async () => {
    const clock = new ManualClock();
    const { kv, data } = fakeKv();
    const { call } = harness([respond(200, {}, '{"note":"größe ✓"}')], { clock, cache: responseCache(new KvCacheStore(kv, clock), clock) });
    await call(fxRates, get(ratesUrl));
    const stored = JSON.parse([...data.values()][0]!) as Record<string, unknown>;
    expect(stored.body).toBe('{"note":"größe ✓"}');
    expect(stored).not.toHaveProperty('encoding');
    expect(await (await call(fxRates, get(ratesUrl))).json()).toEqual({ note: 'größe ✓' });
  });

  it('keeps credentials out of the cache key', async () => {
    const clock = new ManualClock();
    const { kv, data } = fakeKv();
    const { call } = harness([respond(200)], { clock, cache: responseCache(new KvCacheStore(kv, clock), clock) });
    await call(fxRates, get(ratesUrl, { headers: { authorization: 'Bearer sk_test_abc123' } }));
    const [key] = [...data.keys()];
    expect(key).toMatch(/^svcgen:test:GetFxRates:[0-9a-f]{64}$/);
  });
});
