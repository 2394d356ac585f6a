// Issued tokens kept for scrubbing errors: a refresh can overlap calls still in flight with the
// previous token, so the last few are kept, not only the current one.
const KEPT_TOKENS = 4;

/** Adds `token` to `tokens`, dropping the oldest beyond the kept few. */
export function keepToken(tokens: string[], token: string): void {
  if (tokens.push(token) > KEPT_TOKENS) tokens.shift();
}
