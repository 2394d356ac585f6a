// A DedupeStore over the WebhookDedupe Durable Object (runtime/durable/dedupe.ts): one object per
// key, reached by name. Runs anywhere a namespace binding does; imports no `cloudflare:workers`.
import type { ClaimResult, DedupeStore } from '../webhooks/dedupe.ts';
import type { DurableNamespaceLike } from './stores.ts';

/** The RPC surface of WebhookDedupe, as a stub exposes it. */
export interface WebhookDedupeStub {
  claim(key: string, leaseMs: number): Promise<ClaimResult>;
  complete(key: string, token: string): Promise<void>;
  release(key: string, token: string): Promise<void>;
}

/** `durableDedupeStore(env.WEBHOOK_DEDUPE)`: strongly consistent (the default to choose). */
export function durableDedupeStore(namespace: DurableNamespaceLike): DedupeStore {
  const stub = (key: string) => namespace.get(namespace.idFromName(key) as never) as WebhookDedupeStub;
  // `async` turns the stubs' RPC promises into native Promises.
  return {
    claim: async (key, leaseMs) => stub(key).claim(key, leaseMs),
    complete: async (key, token) => stub(key).complete(key, token),
    release: async (key, token) => stub(key).release(key, token),
  };
}

/** Whether `value` looks like a Durable Object namespace binding. */
export function isDurableNamespace(value: unknown): value is DurableNamespaceLike {
  const candidate = value as Partial<DurableNamespaceLike> | null;
  return typeof candidate?.idFromName === 'function' && typeof candidate.get === 'function';
}

/** A store from a store or a WebhookDedupe namespace binding (`env.WEBHOOK_DEDUPE`). */
export function toDedupeStore(source: DedupeStore | DurableNamespaceLike): DedupeStore {
  return isDurableNamespace(source) ? durableDedupeStore(source) : source;
}

/** Whether `value` can serve as a dedupe source (a store, or a namespace binding). */
export function isDedupeSource(value: unknown): value is DedupeStore | DurableNamespaceLike {
  return isDurableNamespace(value) || typeof (value as Partial<DedupeStore> | null)?.claim === 'function';
}
