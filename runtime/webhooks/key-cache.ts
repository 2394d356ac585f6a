// Importing a key on every call is repeated work (an official SDK's async verifier does it), so each secret
// is imported once and the CryptoKey (not the secret) does the work afterwards. The promise is cached so concurrent first
// requests share one import; a failed import is forgotten so a corrected secret can be retried.

const MAX_KEYS = 64;

interface Entry {
  readonly pending: Promise<CryptoKey>;
  /** Set once the import has finished: the common case is answered without another await. */
  key?: CryptoKey;
}

/** Imported keys by their material (a secret, a public key's text). */
export interface KeyCache {
  /** The key for `material`, or undefined when it cannot be imported. */
  get(material: string): Promise<CryptoKey | undefined>;
  /** The key for `material` if its import has already finished; `get` otherwise. */
  ready(material: string): CryptoKey | undefined;
  readonly size: number;
}

/** A closure rather than a class: the minifier shortens its locals, where `this.#field` names stay whole. */
export function keyCache(importKey: (material: string) => Promise<CryptoKey>): KeyCache {
  // One map: an evicted or failed entry leaves it, so a late-finishing import never answers `ready`.
  const entries = new Map<string, Entry>();
  return {
    async get(material) {
      let entry = entries.get(material);
      if (!entry) {
        // Oldest first out: secrets are few and long-lived, so a bound only guards against misuse.
        if (entries.size >= MAX_KEYS) entries.delete(entries.keys().next().value!);
        entry = { pending: importKey(material) };
        entries.set(material, entry);
      }
      try {
        return (entry.key = await entry.pending);
      } catch {
        if (entries.get(material) === entry) entries.delete(material);
        return undefined;
      }
    },
    ready: (material) => entries.get(material)?.key,
    get size() {
      return entries.size;
    },
  };
}

/** The class this module exported before keyCache: `new KeyCache(importKey)` still works (keyCache is a plain function returning the cache). */
export const KeyCache = keyCache as unknown as new (importKey: (material: string) => Promise<CryptoKey>) => KeyCache;
