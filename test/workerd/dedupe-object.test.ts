// Inside workerd: the WebhookDedupe Durable Object keeps its records in durable storage (a done
// event stays done when the object's instance is evicted), and its alarm clears the record after
// the retention period.
import { env } from 'cloudflare:workers';
import { evictDurableObject, runDurableObjectAlarm } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { durableDedupeStore } from '../../runtime/durable/dedupe-store.ts';
import type { DurableNamespaceLike } from '../../runtime/durable/stores.ts';
import type { DedupeRecord } from '../../runtime/webhooks/dedupe.ts';

const namespace = (env as { WEBHOOK_DEDUPE: DurableNamespaceLike }).WEBHOOK_DEDUPE;
const stubFor = (key: string) => namespace.get(namespace.idFromName(key) as never) as { inspect(): Promise<DedupeRecord | undefined> };

describe('the WebhookDedupe Durable Object', () => {
  it('keeps a done record across eviction of its instance, and its alarm clears it', async () => {
    const store = durableDedupeStore(namespace);
    const key = `acme:evt_object_${Date.now()}`;
    const claim = await store.claim(key, 30_000);
    expect(claim.state).toBe('claimed');
    await store.complete(key, claim.state === 'claimed' ? claim.token : '');
    const stub = stubFor(key);
    expect((await stub.inspect())?.state).toBe('done');

    await evictDurableObject(stub);
    expect(await store.claim(key, 30_000)).toEqual({ state: 'done' });

    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await stub.inspect()).toBeUndefined();
    expect((await store.claim(key, 30_000)).state).toBe('claimed');
  });

  it('a lease survives eviction too: a concurrent duplicate still sees it busy', async () => {
    const store = durableDedupeStore(namespace);
    const key = `acme:evt_lease_${Date.now()}`;
    expect((await store.claim(key, 30_000)).state).toBe('claimed');
    await evictDurableObject(stubFor(key));
    const again = await store.claim(key, 30_000);
    expect(again.state).toBe('busy');
  });
});
