// Signed timestamps bound how long a captured delivery can be replayed. The window is symmetric:
// a timestamp far in the future is as suspicious as an old one (the stripe-v1 scheme's SDK checks age only).
import { DEFAULT_TOLERANCE_SECONDS, type VerifyOptions } from './types.ts';

/** A non-negative decimal integer header value (1 to 20 ASCII digits), or undefined when it is anything else. */
export function parseDecimal(text: string): number | undefined {
  if (text.length === 0 || text.length > 20) return undefined;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  // Past 2^53 the sum is inexact, and such a value is no plausible timestamp anyway.
  return Number.isSafeInteger(value) ? value : undefined;
}

/**
 * Detail text when `signedAt` lies outside the window, else undefined. Both values are in `unit`
 * milliseconds (1000 for Unix seconds, 1 for milliseconds); the comparison is in that unit, so a
 * timestamp exactly `tolerance` away is still accepted. A tolerance that is not a non-negative
 * number means the default; the clock is `options.now` when given.
 */
export function outsideTolerance(signedAt: number, unitMs: 1 | 1000, options: VerifyOptions | undefined): string | undefined {
  const given = options?.toleranceSeconds;
  const tolerance = typeof given === 'number' && given >= 0 ? given : DEFAULT_TOLERANCE_SECONDS;
  if (tolerance === Infinity) return undefined;
  const now = Math.floor((options?.now ? options.now() : Date.now()) / unitMs);
  const distance = Math.abs(now - signedAt);
  if (distance <= (tolerance * 1000) / unitMs) return undefined;
  const seconds = Math.round((distance * unitMs) / 1000);
  return `signed timestamp is ${seconds} s ${signedAt < now ? 'old' : 'in the future'}; tolerance is ${tolerance} s`;
}
