// Discriminated request bodies in the contract harness (test/contract/discriminator-branches.ts).
// Two branches told apart only by the discriminator's value both accept any body as JSON Schema
// reads them, so Prism (ajv, which ignores `discriminator`) answered 'must match exactly one
// schema in oneOf' to every body (@readme/oas-examples discriminators.json 3/10). Oracles: Prism
// on the document as written and on the harness's document, and the corpus Prism stage.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { prismStage } from '../../../bench/corpus/prism.ts';
import { buildApiModel } from '../../../generator/model/index.ts';
import type { LoadedVendor } from '../../../generator/load/index.ts';
import { sampleInput } from '../../support/sample-input.ts';
import type { PrismServer } from '../../support/prism.ts';
import { harnessPrism, plainAndFixedPrism, requestProblems } from './harness-prism.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/discriminator-branches/openapi.json', import.meta.url));
const document = () => JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;

const post = (url: string, path: string, body: unknown) => fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('discriminated request bodies', () => {
  const plain = plainAndFixedPrism('discriminator-plain', document());
  const harness = harnessPrism('discriminator-harness', document);

  it('Prism on the document as written refuses even a body the discriminator names', async () => {
    const server: PrismServer = plain.plain;
    expect(await requestProblems(await post(server.url, '/implicit', { kind: 'Cat', lives: 9 }))).toEqual([expect.stringContaining('must match exactly one schema in oneOf')]);
    expect(await requestProblems(await post(server.url, '/inherited', { kind: 'Wolf', howls: true }))).toEqual([expect.stringContaining('must match exactly one schema in oneOf')]);
  });

  it('on the harness document, the branch the value names is checked, and a wrong body still fails', async () => {
    expect(await requestProblems(await post(harness.url, '/implicit', { kind: 'Cat', lives: 9 }))).toEqual([]);
    expect(await requestProblems(await post(harness.url, '/mapped', { kind: 'dog', barks: true }))).toEqual([]);
    expect(await requestProblems(await post(harness.url, '/implicit', { kind: 'Cat', lives: 'nine' }))).not.toEqual([]);
    expect(await requestProblems(await post(harness.url, '/implicit', { kind: 'Cow' }))).not.toEqual([]);
    expect(await requestProblems(await post(harness.url, '/mapped', { kind: 'Cat' }))).not.toEqual([]);
    // The discriminator of the parent both branches extend (allOf).
    expect(await requestProblems(await post(harness.url, '/inherited', { kind: 'Wolf', howls: true }))).toEqual([]);
    expect(await requestProblems(await post(harness.url, '/inherited', { kind: 'Wolf', howls: 'loud' }))).not.toEqual([]);
  });

  it('the sampler gives the discriminator the name of the branch it builds', () => {
    const doc = document();
    const loaded = { vendor: 'acme', sourceFormat: 'openapi-3.0', document: doc, specs: [], overlays: [], renamed: [], componentRenames: [], fixes: [], timings: {} } as unknown as LoadedVendor;
    const model = buildApiModel({ ...loaded, document: { ...doc, 'x-svcgen': { displayName: 'Acme', servers: [{ name: 'prod', url: 'https://api.example.test' }], idempotency: { kind: 'none' }, policy: { retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1, retryStatuses: [] }, timeoutMs: 1000, breaker: { consecutiveFailures: 1, cooldownMs: 1 }, rateLimits: { default: { ratePerSecond: 1, burst: 1 } } } } } } as LoadedVendor);
    const body = (id: string) => sampleInput(model.operations.find((op) => op.id === id)!, doc).body;
    expect(body('postImplicit')).toMatchObject({ kind: 'Cat' });
    expect(body('postMapped')).toMatchObject({ kind: 'cat' });
    expect(body('postInherited')).toMatchObject({ kind: 'Lion' });
  });

  it('the Prism stage passes every operation through the generated client', async () => {
    const outcome = await prismStage({ id: 'fixture/discriminator-branches', file: FIXTURE, display: 'test/fixtures/discriminator-branches/openapi.json', bytes: statSync(FIXTURE).size });
    expect(outcome).toEqual({ passed: 3, total: 3, causes: [], failures: [] });
  }, 300_000);
});
