// For every pinned vendor, the key formats its overlay declares (`secretShapes`) reach the
// generated client's profile and are scrubbed from what the client hands back: an error whose body
// echoes a key the client was not given, and the attempt event of a call cancelled with a reason
// that holds one. Keys are drawn from the overlay's own patterns, so a fourth vendor's shapes are
// checked here without a line naming it (test/unit/fourth-vendor.test.ts runs this suite over one).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScaffoldModel } from '../../../generator/scaffold/load-model.ts';
import { noAuth } from '../../../runtime/auth/no-auth.ts';
import { createVendorClientWith, type BaseClientOptions, type VendorProfile } from '../../../runtime/client.ts';
import type { OperationMeta } from '../../../runtime/contract.ts';
import { describeErrorBody } from '../../../runtime/error-shapes.ts';
import { isApiError } from '../../../runtime/errors.ts';
import type { PolicyEvent } from '../../../runtime/policy/events.ts';
import { PROJECT_ROOT, pinnedVendors } from '../../support/project.ts';

const MIRROR = path.resolve(PROJECT_ROOT, process.env.SVCGEN_SPEC_MIRROR ?? '../shared/specs');
const LOCK = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'specs', 'lock.json'), 'utf8')) as { vendors: Record<string, { files: { path: string; role: string }[] }> };
const hasMirror = (vendor: string) => LOCK.vendors[vendor]!.files.every((file) => file.role !== 'input' || existsSync(path.join(MIRROR, file.path)));

/** Not an operation of any spec: the client sends what it is given, and the fake vendor answers. */
const PROBE: OperationMeta = { id: 'Probe', method: 'GET', path: '/probe', resilience: 'idempotent', idempotency: { kind: 'none' } };
/** One attempt, no waiting: what is checked is what comes back. */
const QUIET: BaseClientOptions = { retry: false, rateLimit: false, breaker: false, logger: false };

const isProfile = (value: unknown): value is VendorProfile => typeof value === 'object' && value !== null && 'vendor' in value && 'policy' in value;

/** Every way an error ends up in a log, and the parts a handler reads. */
function renderings(error: Error & { body?: unknown; details?: unknown }): string[] {
  return [error.message, String(error), JSON.stringify(error), error.stack ?? '', JSON.stringify(error.body), JSON.stringify(error.details)];
}

const vendors = await pinnedVendors();

describe.each(vendors.filter(hasMirror))('the key shapes of %s', async (vendor) => {
  const { model, generatedDir } = await loadScaffoldModel({ root: PROJECT_ROOT, vendor });
  const module = (await import(pathToFileURL(path.join(generatedDir, 'client.ts')).href)) as Record<string, unknown>;
  const profile = Object.values(module).find(isProfile)!;
  const sources = model.secretShapes ?? [];

  it.runIf(sources.length === 0)('are absent from the client profile when the overlay declares none', () => {
    expect(profile.secretShapes).toBeUndefined();
  });
  if (sources.length === 0) return;

  // A key of each declared shape, as fast-check draws strings that match a pattern.
  const key = fc.oneof(...sources.map((source) => fc.stringMatching(new RegExp(`^(?:${source})$`))));

  it('are in the generated client profile, one global pattern per declared shape', () => {
    expect(profile.secretShapes).toHaveLength(sources.length);
    for (const shape of profile.secretShapes!) expect(shape.flags).toContain('g');
  });

  it('are scrubbed from an error whose body echoes a key the client was not given', async () => {
    await fc.assert(
      fc.asyncProperty(key, async (secret) => {
        const body = { error: { message: `Invalid API Key provided: ${secret}`, code: `bad_key_${secret}` }, errors: [{ message: `key ${secret}`, field: secret }] };
        const client = createVendorClientWith(profile, { ...QUIET, fetch: async () => Response.json(body, { status: 401 }) }, noAuth, describeErrorBody);
        const error: unknown = await client.call(PROBE, {}).catch((e: unknown) => e);
        expect(isApiError(error)).toBe(true);
        for (const text of renderings(error as Error)) expect(text).not.toContain(secret);
      }),
      { numRuns: 40 },
    );
  });

  it("are scrubbed from the attempt event of a call cancelled with a reason that holds a key", async () => {
    await fc.assert(
      fc.asyncProperty(key, async (secret) => {
        const events: PolicyEvent[] = [];
        const hang = (_request: Request, init?: RequestInit) =>
          new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
        const client = createVendorClientWith(profile, { ...QUIET, fetch: hang, onEvent: (event) => events.push(event) }, noAuth, describeErrorBody);
        const controller = new AbortController();
        const pending = client.call(PROBE, {}, { signal: controller.signal });
        controller.abort(new Error(`cancelled while holding ${secret}`));
        await expect(pending).rejects.toThrow();
        const attempt = events.find((event) => event.type === 'attempt');
        expect(attempt).toMatchObject({ error: expect.stringContaining('cancelled while holding') });
        expect(JSON.stringify(events)).not.toContain(secret);
      }),
      { numRuns: 20 },
    );
  });
});
