// An access token from a function the caller owns (it caches and refreshes the token; the client
// keeps none of its results), accepted wherever an access token string is: access-token schemes
// and the ready-token form of OAuth2 client credentials. It is called on every attempt, so a retry
// after the caller's refresh carries the new token, and its result is checked as a token string
// is. Each new token goes to the client's token keeper (scheme-auth.ts), which scrubs the recent
// ones from errors as it does issued OAuth2 tokens. Imported only by those two scheme kinds, so a
// client whose spec declares neither bundles none of it.
import { RequestNotSentError } from '../policy/errors.ts';
import { checkText, type Placement } from './schemes.ts';

/** Fails the attempt before it is sent: the pipeline rethrows this as it is and does not retry it. */
function refuse(vendor: string, message: string): never {
  throw new RequestNotSentError(`${vendor}: ${message}`);
}

/** What the caller passes: the current access token, or a promise of it. */
export type TokenFunction = () => string | Promise<string>;

/**
 * The token each attempt already carries in its Authorization header, and which function gave
 * it, keyed by the attempt's `init` (one object per attempt): access-token schemes sent together
 * share that header, and one function given for several of them is called once per attempt.
 */
const attemptTokens = new WeakMap<object, { readonly from: TokenFunction; readonly token: string }>();

/** The credential a scheme kind's `check` keeps for a token function. */
export class TokenSource {
  readonly #vendor: string;
  readonly #fn: TokenFunction;
  /** How errors name it: `auth.<scheme>`, or the shorthand option and its scheme. */
  #label: string;
  #keep: ((token: string) => void) | undefined;
  #last: string | undefined;

  constructor(vendor: string, label: string, fn: TokenFunction) {
    this.#vendor = vendor;
    this.#label = label;
    this.#fn = fn;
  }

  /**
   * Gives the source its scheme's name and the client's token keeper. A scheme kind's `signer`
   * is the one hook handed the client's context, and scheme-auth.ts calls it for every scheme of a
   * requirement when it builds that requirement's pipeline, so before any attempt.
   */
  bind(name: string, keep: (token: string) => void): void {
    if (this.#label !== `auth.${name}`) this.#label = `${this.#label} (scheme ${name})`;
    this.#keep = keep;
  }

  /** The current token: called, checked, and kept for scrubbing when it is new. */
  async token(): Promise<string> {
    // A token never reaches an error: not the value, not the caller's own error (it may quote one).
    if (!this.#keep) refuse(this.#vendor, `${this.#label} was called before its client bound it (a bug in the client)`);
    let value: unknown;
    try {
      value = await this.#fn();
    } catch {
      refuse(this.#vendor, `${this.#label} threw instead of returning a token (its error is left out, as it may quote a credential)`);
    }
    // Worded without `token <word>`, which the pattern redactor would take for a credential.
    let token: string;
    try {
      token = checkText(this.#vendor, `the result of ${this.#label}`, value);
    } catch (error) {
      throw new RequestNotSentError((error as Error).message);
    }
    if (token !== this.#last) {
      this.#last = token;
      this.#keep(token);
    }
    return token;
  }

  /**
   * Where the token goes: `Authorization: Bearer`, on a copy of the attempt's Request (the
   * pipeline reuses its own for the next attempt). A header another access-token scheme of the
   * requirement put there this attempt must hold the same token; a different one fails the call
   * before it is sent.
   */
  readonly placement: Placement = {
    rewrite: async (request, init) => {
      const prior = init && attemptTokens.get(init);
      const token = prior?.from === this.#fn ? prior.token : await this.token();
      const value = `Bearer ${token}`;
      const current = request.headers.get('Authorization');
      if (current !== null && current !== value) {
        refuse(
          this.#vendor,
          `the result of ${this.#label} differs from the Authorization header this attempt already carries (set for another scheme sent with it, or by the call's own headers); schemes that share the header need the same token`,
        );
      }
      if (init) attemptTokens.set(init, { from: this.#fn, token });
      if (current !== null) return request;
      const headers = new Headers(request.headers);
      headers.set('Authorization', value);
      return new Request(request, { headers });
    },
  };
}
