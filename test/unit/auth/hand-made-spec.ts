// A hand-made OpenAPI document as the loader would hand it to the model (vendor `acme`), with a
// minimal profile: for tests that build the auth model and emit a client without a spec file.
import type { LoadedVendor } from '../../../generator/load/index.ts';

/** `document` completed with `openapi` and `info`; `auth` is the profile's auth (default: the spec's). */
export function loaded(document: Record<string, unknown>, auth?: Record<string, unknown>): LoadedVendor {
  const profile = {
    displayName: 'Acme',
    servers: [{ name: 'prod', url: 'https://api.acme.test' }],
    idempotency: { kind: 'none' },
    policy: { retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1, retryStatuses: [] }, timeoutMs: 1000, breaker: { consecutiveFailures: 1, cooldownMs: 1 }, rateLimits: { default: { ratePerSecond: 1, burst: 1 } } },
    ...(auth ? { auth } : {}),
  };
  const doc = { openapi: '3.0.3', info: { title: 'Acme', version: '1' }, ...document, 'x-svcgen': profile };
  return { vendor: 'acme', sourceFormat: 'openapi-3.0', document: doc, specs: [], overlays: [], renamed: [], componentRenames: [], fixes: [], timings: {} } as LoadedVendor;
}
