// Exactly-once processing in the runtime, on the in-memory store (the reference the Durable
// Object applies the same rules as; the workerd suite runs the object itself): the claim rules,
// runOnce under 100 concurrent callers, per-event dispatch of batched deliveries, the Queue
// consumer's ack/retry decisions, and the KV store's best-effort behaviour.
import { describe, expect, it, vi } from 'vitest';
import { decideClaim, MemoryDedupeStore } from '../../../runtime/webhooks/dedupe.ts';
import { dispatchOnce, eventKey, runOnce } from '../../../runtime/webhooks/dedupe-dispatch.ts';
import { KvDedupeStore } from '../../../runtime/webhooks/dedupe-kv.ts';
import { consumeWebhookBatch } from '../../../runtime/webhooks/queue.ts';
import { createWebhookRouter } from '../../../runtime/webhooks/router.ts';

describe('the claim rules', () => {
  it('claims a new key, answers busy during the lease, done after completion, and claims again after a release or an expired lease', async () => {
    let now = 1_000;
    const store = new MemoryDedupeStore({ now: () => now });
    const first = await store.claim('k', 5_000);
    expect(first.state).toBe('claimed');
    expect(await store.claim('k', 5_000)).toEqual({ state: 'busy', retryAfterMs: 5_000 });
    await store.release('k', 'not-the-token');
    expect((await store.claim('k', 5_000)).state).toBe('busy');
    await store.release('k', first.state === 'claimed' ? first.token : '');
    const second = await store.claim('k', 5_000);
    expect(second.state).toBe('claimed');
    now += 5_001; // the holder died: its lease expires and a redelivery takes over
    const third = await store.claim('k', 5_000);
    expect(third.state).toBe('claimed');
    await store.complete('k', second.state === 'claimed' ? second.token : ''); // the stale holder cannot complete
    expect((await store.claim('k', 5_000)).state).toBe('busy');
    await store.complete('k', third.state === 'claimed' ? third.token : '');
    expect(await store.claim('k', 5_000)).toEqual({ state: 'done' });
  });

  it('decideClaim never reopens a done record', () => {
    expect(decideClaim({ state: 'done', at: 0 }, 10 ** 12, 1, 't')).toEqual({ result: { state: 'done' } });
  });
});

describe('runOnce', () => {
  it('100 concurrent callers with one key: the work runs once, the rest see it done', async () => {
    const store = new MemoryDedupeStore();
    let runs = 0;
    const work = async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 30));
      return 'ok';
    };
    const results = await Promise.all(Array.from({ length: 100 }, () => runOnce(store, 'evt', work, { pollMs: 5 })));
    expect(runs).toBe(1);
    expect(results.filter((r) => r.status === 'ran')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(99);
  });

  it('a throwing run releases the claim and rethrows; a waiting duplicate then runs it', async () => {
    const store = new MemoryDedupeStore();
    const ran: string[] = [];
    const failing = runOnce(store, 'evt', async () => {
      ran.push('first');
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('boom');
    });
    const waiting = runOnce(store, 'evt', async () => void ran.push('second'), { pollMs: 5 });
    await expect(failing).rejects.toThrow('boom');
    expect((await waiting).status).toBe('ran');
    expect(ran).toEqual(['first', 'second']);
    expect((await runOnce(store, 'evt', async () => void ran.push('third'))).status).toBe('duplicate');
  });

  it('gives up waiting after waitMs with in-progress and the remaining lease', async () => {
    const store = new MemoryDedupeStore();
    await store.claim('evt', 60_000);
    const result = await runOnce(store, 'evt', async () => 'never', { waitMs: 30, pollMs: 10 });
    expect(result.status).toBe('in-progress');
    expect(result.status === 'in-progress' && result.retryAfterMs).toBeGreaterThan(59_000);
  });
});

describe('dispatchOnce', () => {
  type Events = { delivered: { event: 'delivered'; sg: string }; open: { event: 'open'; sg: string } };
  const batch = [
    { event: 'delivered', sg: 'a' },
    { event: 'open', sg: 'b' },
    { event: 'delivered', sg: 'c' },
  ] as const;

  it('deduplicates each event of a batched delivery by its own id: a retried batch runs only what failed', async () => {
    const store = new MemoryDedupeStore();
    const seen: string[] = [];
    let failOpen = true;
    const router = createWebhookRouter<Events>(
      {
        delivered: (e) => void seen.push(e.sg),
        open: (e) => {
          if (failOpen) throw new Error('open handler down');
          seen.push(e.sg);
        },
      },
      { discriminator: 'event' },
    );
    const options = { store, namespace: 'mail', eventId: 'sg' };
    const observed: string[] = [];
    await expect(dispatchOnce(router, [...batch], 'event', { ...options, observe: (r) => observed.push(`${r.outcome}:${r.name}${r.detail ? `:${r.detail}` : ''}`) })).rejects.toThrow(
      'open handler down',
    );
    expect(seen).toEqual(['a']);
    expect(observed).toEqual(['handled:delivered', 'failed:open:Error']);
    failOpen = false;
    const report = await dispatchOnce(router, [...batch], 'event', options);
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(report).toMatchObject({ handled: ['open', 'delivered'], duplicate: ['delivered'], inProgress: [] });
    const again = await dispatchOnce(router, [...batch], 'event', options);
    expect(again).toMatchObject({ handled: [], duplicate: ['delivered', 'open', 'delivered'] });
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('events without a handler are dispatched (onUnhandled) without a claim', async () => {
    const store = new MemoryDedupeStore();
    const claim = vi.spyOn(store, 'claim');
    const onUnhandled = vi.fn();
    const router = createWebhookRouter<Events>({}, { discriminator: 'event', onUnhandled });
    const report = await dispatchOnce(router, { event: 'open', sg: 'x' }, 'event', { store, namespace: 'mail', eventId: 'sg' });
    expect(report.unhandled).toEqual(['open']);
    expect(onUnhandled).toHaveBeenCalledTimes(1);
    expect(claim).not.toHaveBeenCalled();
  });

  it('keys by namespace and id, or by the SHA-256 of the JSON text when the id is missing', async () => {
    expect(await eventKey({ id: 'evt_1' }, { namespace: 'acme', eventId: 'id' })).toBe('acme:evt_1');
    expect(await eventKey({ id: 7 }, { namespace: 'acme', eventId: 'id' })).toBe('acme:7');
    const hashed = await eventKey({ type: 'x' }, { namespace: 'acme', eventId: 'id' });
    expect(hashed).toMatch(/^acme:sha256:[0-9a-f]{64}$/);
    expect(await eventKey({ type: 'x' }, { namespace: 'acme', eventId: 'id' })).toBe(hashed);
    expect(await eventKey({ type: 'y' }, { namespace: 'acme', eventId: 'id' })).not.toBe(hashed);
    expect(await eventKey({ nested: { id: 'a' } }, { namespace: 'n', eventId: (e) => (e as { nested: { id: string } }).nested.id })).toBe('n:a');
  });
});

describe('consumeWebhookBatch', () => {
  type Events = { paid: { type: 'paid'; id: string } };
  const message = (id: string) => ({ body: { type: 'paid' as const, id }, ack: vi.fn(), retry: vi.fn() });

  it('acks handled and duplicate messages, retries a throwing one, and retries with a delay one another consumer holds', async () => {
    const store = new MemoryDedupeStore();
    const seen: string[] = [];
    const router = createWebhookRouter<Events>(
      {
        paid: (e) => {
          if (e.id === 'bad') throw new Error('no');
          seen.push(e.id);
        },
      },
      { discriminator: 'type' },
    );
    await store.claim('q:held', 30_000);
    const [ok, dup, bad, held] = [message('ok'), message('ok'), message('bad'), message('held')];
    const report = await consumeWebhookBatch({ messages: [ok, dup, bad, held] }, router, { discriminator: 'type', dedupe: { store, namespace: 'q', eventId: 'id' } });
    expect(report).toEqual({ acked: 2, retried: 2 });
    expect(seen).toEqual(['ok']);
    expect([ok.ack.mock.calls.length, dup.ack.mock.calls.length, bad.ack.mock.calls.length, held.ack.mock.calls.length]).toEqual([1, 1, 0, 0]);
    expect(bad.retry).toHaveBeenCalledWith();
    expect(held.retry).toHaveBeenCalledWith({ delaySeconds: 30 });
  });
});

describe('KvDedupeStore (best-effort)', () => {
  function fakeKv() {
    const data = new Map<string, { value: string; ttl: number | undefined }>();
    return {
      data,
      get: async (key: string) => (data.has(key) ? JSON.parse(data.get(key)!.value) : null),
      put: async (key: string, value: string, options?: { expirationTtl?: number }) => void data.set(key, { value, ttl: options?.expirationTtl }),
      delete: async (key: string) => void data.delete(key),
    };
  }

  it('applies the same rules on a consistent KV, with TTLs KV accepts (at least 60 s)', async () => {
    const kv = fakeKv();
    const store = new KvDedupeStore(kv, { retentionSeconds: 10 });
    const claim = await store.claim('evt', 1_000);
    expect(claim.state).toBe('claimed');
    expect(kv.data.get('dedupe:evt')!.ttl).toBe(60);
    expect((await store.claim('evt', 1_000)).state).toBe('busy');
    await store.release('evt', claim.state === 'claimed' ? claim.token : '');
    const again = await store.claim('evt', 1_000);
    await store.complete('evt', again.state === 'claimed' ? again.token : '');
    expect(kv.data.get('dedupe:evt')!.ttl).toBe(60);
    expect(await store.claim('evt', 1_000)).toEqual({ state: 'done' });
  });

  it('is only best-effort: two claims that read before either write both win (why the Durable Object is the default)', async () => {
    const kv = fakeKv();
    const store = new KvDedupeStore(kv);
    const [a, b] = await Promise.all([store.claim('race', 1_000), store.claim('race', 1_000)]);
    expect([a.state, b.state]).toEqual(['claimed', 'claimed']);
  });
});
