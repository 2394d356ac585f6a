// Reading a server's "come back later" hints. Each parser returns a delay in ms (the reset header:
// an epoch-ms instant), or undefined when the header is absent or unreadable (garbage is ignored,
// never trusted).

/** `retry-after-ms: 1500` (a non-standard header some APIs send for sub-second precision). */
export function parseRetryAfterMs(value: string | null): number | undefined {
  if (value === null) return undefined;
  const ms = Number(value);
  return value.trim() !== '' && Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

/** `Retry-After: 120` (seconds) or `Retry-After: Wed, 21 Oct 2015 07:28:00 GMT`; a past date is 0. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  // Only accept something shaped like an HTTP date: Date.parse is lenient about bare numbers.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * `X-RateLimit-Reset`: when the window resets, as epoch ms. Some APIs send Unix seconds; a small
 * number is read as seconds from now, which is what some others send.
 */
export function parseResetAt(value: string | null, now: number): number | undefined {
  // The same plain non-negative number `retry-after-ms` holds.
  const n = parseRetryAfterMs(value);
  if (n === undefined) return undefined;
  return n > 1e9 ? n * 1000 : now + n * 1000;
}

/**
 * The delay a response asks for before the next attempt: `retry-after-ms`, then `Retry-After`,
 * then (on 429 only) the rate-limit reset header.
 */
export function serverDelayMs(response: Response, now: number, resetHeader: string | undefined): number | undefined {
  const h = response.headers;
  return (
    parseRetryAfterMs(h.get('retry-after-ms')) ??
    parseRetryAfter(h.get('retry-after'), now) ??
    (response.status === 429 && resetHeader ? resetDelay(h.get(resetHeader), now) : undefined)
  );
}

function resetDelay(value: string | null, now: number): number | undefined {
  const at = parseResetAt(value, now);
  return at === undefined ? undefined : Math.max(0, at - now);
}
