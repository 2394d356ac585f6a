import { describe, expect, it } from 'vitest';
import { parseResetAt, parseRetryAfter, parseRetryAfterMs, serverDelayMs } from '../../../runtime/policy/retry-after.ts';

const now = Date.UTC(2025, 0, 1, 12, 0, 0);

describe('Retry-After', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
  });

  it('reads an HTTP date relative to now', () => {
    expect(parseRetryAfter(new Date(now + 30_000).toUTCString(), now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 12:01:00 GMT', now)).toBe(60_000);
  });

  it('treats a date in the past as "now"', () => {
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
  });

  it('ignores garbage', () => {
    for (const value of ['soon', '-5', '', '12abc', '1e3', 'NaN', 'Wed, 99 Foo 2025']) {
      expect(parseRetryAfter(value, now), value).toBeUndefined();
    }
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('retry-after-ms', () => {
  it('reads milliseconds', () => {
    expect(parseRetryAfterMs('250')).toBe(250);
    expect(parseRetryAfterMs('12.5')).toBe(12.5);
  });

  it('ignores garbage and negatives', () => {
    for (const value of ['', 'x', '-1', 'Infinity']) expect(parseRetryAfterMs(value), value).toBeUndefined();
  });
});

describe('X-RateLimit-Reset', () => {
  it('reads Unix seconds as an absolute time', () => {
    expect(parseResetAt(String(now / 1000 + 42), now)).toBe(now + 42_000);
  });

  it('reads small numbers as seconds from now', () => {
    expect(parseResetAt('3', now)).toBe(now + 3000);
  });

  it('ignores garbage', () => {
    for (const value of ['', 'tomorrow', '-3']) expect(parseResetAt(value, now), value).toBeUndefined();
  });
});

describe('serverDelayMs', () => {
  const response = (status: number, headers: Record<string, string>) => new Response(null, { status, headers });

  it('prefers retry-after-ms over Retry-After over the reset header', () => {
    const headers = { 'retry-after-ms': '50', 'retry-after': '2', 'x-ratelimit-reset': String(now / 1000 + 9) };
    expect(serverDelayMs(response(429, headers), now, 'x-ratelimit-reset')).toBe(50);
    const { 'retry-after-ms': _, ...rest } = headers;
    expect(serverDelayMs(response(429, rest), now, 'x-ratelimit-reset')).toBe(2000);
    expect(serverDelayMs(response(429, { 'x-ratelimit-reset': String(now / 1000 + 9) }), now, 'x-ratelimit-reset')).toBe(9000);
  });

  it('uses the reset header only on a 429', () => {
    expect(serverDelayMs(response(503, { 'x-ratelimit-reset': String(now / 1000 + 9) }), now, 'x-ratelimit-reset')).toBeUndefined();
  });

  it('falls through garbage to the next header', () => {
    expect(serverDelayMs(response(503, { 'retry-after-ms': 'x', 'retry-after': '3' }), now, undefined)).toBe(3000);
  });

  it('clamps a reset in the past to 0', () => {
    expect(serverDelayMs(response(429, { 'x-ratelimit-reset': String(now / 1000 - 10) }), now, 'x-ratelimit-reset')).toBe(0);
  });
});
