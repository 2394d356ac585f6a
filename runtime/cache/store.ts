// Where cached GET responses live. Implementations: MemoryCacheStore (one isolate) and
// KvCacheStore (Workers KV, shared by every isolate).

export interface CachedResponse {
  readonly status: number;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  /** The body's text, or its bytes in base64 when `encoding` says so (a body that is not UTF-8). */
  readonly body: string;
  readonly encoding?: 'base64';
  /** Epoch ms after which the entry must not be served. */
  readonly expiresAt: number;
}

export interface CacheStore {
  get(key: string): Promise<CachedResponse | undefined>;
  put(key: string, entry: CachedResponse, ttlSeconds: number): Promise<void>;
}
