import { systemClock, type Clock } from '../policy/clock.ts';
import type { CachedResponse, CacheStore } from './store.ts';

export interface MemoryCacheOptions {
  /** Oldest entries are dropped beyond this many. */
  maxEntries?: number;
  clock?: Clock;
}

export class MemoryCacheStore implements CacheStore {
  readonly #entries = new Map<string, CachedResponse>();
  readonly #max: number;
  readonly #clock: Clock;

  constructor(options: MemoryCacheOptions = {}) {
    this.#max = options.maxEntries ?? 1000;
    this.#clock = options.clock ?? systemClock;
  }

  async get(key: string): Promise<CachedResponse | undefined> {
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAt <= this.#clock.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  async put(key: string, entry: CachedResponse): Promise<void> {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    if (this.#entries.size > this.#max) this.#entries.delete(this.#entries.keys().next().value!);
  }
}
