// Importing a key on every call is repeated work (an official SDK's async verifier does it), so each secret
// is imported once and the CryptoKey (not the secret) does the work afterwards. The promise is cached so concurrent first
// requests share one import; a failed import is forgotten so a corrected secret can be retried.

const MAX_KEYS = 64;

interface Entry {
  readonly pending: Promise<CryptoKey>;
  /** Set once the import has finished: the common case is answered without another await. */
  key?: CryptoKey;
}

export class KeyCache {
  // One map: an evicted or failed entry leaves it, so a late-finishing import never answers `ready`.
  readonly #entries = new Map<string, Entry>();
  readonly #importKey: (material: string) => Promise<CryptoKey>;

  constructor(importKey: (material: string) => Promise<CryptoKey>) {
    this.#importKey = importKey;
  }

  /** The key for `material`, or undefined when it cannot be imported. */
  async get(material: string): Promise<CryptoKey | undefined> {
    let entry = this.#entries.get(material);
    if (!entry) {
      // Oldest first out: secrets are few and long-lived, so a bound only guards against misuse.
      if (this.#entries.size >= MAX_KEYS) this.#entries.delete(this.#entries.keys().next().value!);
      entry = { pending: this.#importKey(material) };
      this.#entries.set(material, entry);
    }
    try {
      return (entry.key = await entry.pending);
    } catch {
      if (this.#entries.get(material) === entry) this.#entries.delete(material);
      return undefined;
    }
  }

  /** The key for `material` if its import has already finished; `get` otherwise. */
  ready(material: string): CryptoKey | undefined {
    return this.#entries.get(material)?.key;
  }

  get size(): number {
    return this.#entries.size;
  }
}
