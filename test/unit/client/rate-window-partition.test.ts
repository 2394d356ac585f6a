// Vendors that send rate-limit headers report the window of the account or key that made the
// request. Clients with different credentials sharing one limiter (the init'd Worker's
// SharedLimiter, say) must each wait on their own window: before the window was named by
// credentials, one key's exhausted window refused the other key's calls.
import { describe, expect, it } from 'vitest';
import { bearerScheme } from '../../../runtime/auth/bearer-scheme.ts';
import { fittedHeaderAuth } from '../../../runtime/auth/header-auth.ts';
import { createVendorClientWith, type BaseClientOptions, type VendorProfile } from '../../../runtime/client.ts';
import type { OperationMeta } from '../../../runtime/contract.ts';
import { describeErrorBody } from '../../../runtime/error-shapes.ts';
import { systemClock } from '../../../runtime/policy/clock.ts';
import { RateLimitError } from '../../../runtime/policy/errors.ts';
import { MemoryLimiterStore } from '../../../runtime/policy/rate-limiter.ts';
import { bearerAuth, testProfile } from '../policy/support.ts';

const SEND: OperationMeta = { id: 'SendMail', method: 'POST', path: '/mail/send', resilience: 'idempotent', idempotency: { kind: 'none' } };

/** A vendor whose window is exhausted for one key (remaining 0 for a minute) and open for every other. */
function vendor(exhausted: string) {
  const sent: string[] = [];
  const fetch = async (request: Request) => {
    const key = request.headers.get('authorization')!.slice('Bearer '.length);
    sent.push(key);
    const resetAt = String(Math.floor(Date.now() / 1000) + 60);
    return Response.json({ ok: true }, { headers: { 'x-ratelimit-remaining': key === exhausted ? '0' : '100', 'x-ratelimit-reset': resetAt } });
  };
  return { sent, fetch };
}

describe('the rate-limit window a vendor reports', () => {
  it("belongs to the credentials that were answered: one key's exhausted window does not hold back another's calls", async () => {
    const base = testProfile(bearerAuth, 0);
    const profile: VendorProfile = { ...base, policy: { ...base.policy, rateLimitHeaders: { remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset' } } };
    const limiter = new MemoryLimiterStore(systemClock);
    const { sent, fetch } = vendor('key-a-0000000001');
    const client = (apiKey: string) =>
      createVendorClientWith(profile, { apiKey, limiter, fetch, logger: false, rateLimit: { maxWaitMs: 0 } } as BaseClientOptions, fittedHeaderAuth({ bearer: bearerScheme }), describeErrorBody);
    const a = client('key-a-0000000001');
    const b = client('key-b-0000000002');
    await a.call(SEND, {});
    await b.call(SEND, {});
    await b.call(SEND, {});
    const refused = await a.call(SEND, {}).catch((e: unknown) => e);
    expect(sent).toEqual(['key-a-0000000001', 'key-b-0000000002', 'key-b-0000000002']);
    expect(refused).toBeInstanceOf(RateLimitError);
    // The window is named by a digest of the key, never by the key.
    expect((refused as RateLimitError).bucket).toMatch(/^acme:SendMail:[0-9a-f]{16}$/);
    expect(String(refused)).not.toContain('key-a-0000000001');
  });
});
