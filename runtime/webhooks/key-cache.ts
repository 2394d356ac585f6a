// Importing a key on every call is repeated work (an official SDK's async verifier does it), so each secret
// is imported once and the CryptoKey (not the secret) does the work afterwards. The promise is cached so concurrent first
// requests share one import; a failed import is forgotten so a corrected secret can be retried.

const MAX_KEYS = 64;

export class KeyCache {
  readonly #keys = new Map<string, Promise<CryptoKey>>();
  /** Keys whose import has finished: the common case is answered without another await. */
  readonly #ready = new Map<string, CryptoKey>();
  readonly #importKey: (material: string) => Promise<CryptoKey>;

  constructor(importKey: (material: string) => Promise<CryptoKey>) {
    this.#importKey = importKey;
  }

  /** The key for `material`, or undefined when it cannot be imported. */
  async get(material: string): Promise<CryptoKey | undefined> {
    let pending = this.#keys.get(material);
    if (!pending) {
      // Oldest first out: secrets are few and long-lived, so a bound only guards against misuse.
      if (this.#keys.size >= MAX_KEYS) {
        const oldest = this.#keys.keys().next().value!;
        this.#keys.delete(oldest);
        this.#ready.delete(oldest);
      }
      pending = this.#importKey(material);
      this.#keys.set(material, pending);
    }
    try {
      const key = await pending;
      if (this.#keys.get(material) === pending) this.#ready.set(material, key);
      return key;
    } catch {
      if (this.#keys.get(material) === pending) this.#keys.delete(material);
      return undefined;
    }
  }

  /** The key for `material` if its import has already finished; `get` otherwise. */
  ready(material: string): CryptoKey | undefined {
    return this.#ready.get(material);
  }

  get size(): number {
    return this.#keys.size;
  }
}
