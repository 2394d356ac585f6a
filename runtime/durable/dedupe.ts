/// <reference path="./cloudflare-workers.d.ts" />
// The strongly consistent webhook dedupe store: one Durable Object per event key
// (`idFromName(key)`), so every isolate and every region asks the same single-threaded object,
// and its answer survives eviction because the record is in the object's storage. A Durable
// Object delivers no new call while a storage read or write of the current one is in flight
// (its input gate), and no answer leaves before its write is durable (its output gate), so the
// read-decide-write of a claim is atomic. A done record is kept for DEDUPE_RETENTION_MS (vendors
// retry for up to a few days), then an alarm deletes the object's storage. Workers-only.
//
// wrangler.jsonc:
//   "durable_objects": { "bindings": [{ "name": "WEBHOOK_DEDUPE", "class_name": "WebhookDedupe" }] },
//   "migrations": [{ "tag": "v1", "new_sqlite_classes": ["WebhookDedupe"] }]
// and export it from the Worker's entry: `export { WebhookDedupe } from 'svcgen/runtime/durable/dedupe'`.

import { DurableObject } from 'cloudflare:workers';
import { decideClaim, holdsLease, newLeaseToken, type ClaimResult, type DedupeRecord } from '../webhooks/dedupe.ts';

/** How long a done record is kept: longer than any vendor's redelivery window (documented windows reach 3 days). */
export const DEDUPE_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** The slice of `DurableObjectState` used here. */
interface DedupeState {
  readonly storage: {
    get<T>(key: string): Promise<T | undefined>;
    put<T>(key: string, value: T): Promise<void>;
    delete(key: string): Promise<boolean>;
    deleteAll(): Promise<void>;
    setAlarm(scheduledTime: number): Promise<void>;
  };
}

const RECORD = 'record';

export class WebhookDedupe extends DurableObject {
  get #storage(): DedupeState['storage'] {
    return (this.ctx as DedupeState).storage;
  }

  async claim(_key: string, leaseMs: number): Promise<ClaimResult> {
    const now = Date.now();
    const { result, next } = decideClaim(await this.#storage.get<DedupeRecord>(RECORD), now, leaseMs, newLeaseToken());
    if (next) {
      await this.#storage.put(RECORD, next);
      // A holder that dies leaves an expired lease; the alarm still clears the object one day.
      await this.#storage.setAlarm(now + leaseMs + DEDUPE_RETENTION_MS);
    }
    return result;
  }

  async complete(_key: string, token: string): Promise<void> {
    if (!holdsLease(await this.#storage.get<DedupeRecord>(RECORD), token)) return;
    const at = Date.now();
    await this.#storage.put<DedupeRecord>(RECORD, { state: 'done', at });
    await this.#storage.setAlarm(at + DEDUPE_RETENTION_MS);
  }

  async release(_key: string, token: string): Promise<void> {
    if (holdsLease(await this.#storage.get<DedupeRecord>(RECORD), token)) await this.#storage.delete(RECORD);
  }

  /** What the object holds, for tests and operators. */
  async inspect(): Promise<DedupeRecord | undefined> {
    return this.#storage.get<DedupeRecord>(RECORD);
  }

  async alarm(): Promise<void> {
    await this.#storage.deleteAll();
  }
}
