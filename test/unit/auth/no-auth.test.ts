// Generated clients call createVendorClientWith with the strategy and error describer their spec
// needs (noAuth for a spec without schemes it can send), so a bundle carries no default strategy;
// createVendorClient keeps its defaults: without a strategy it sends no credentials, and refuses a
// profile whose auth needs one.
import path from 'node:path';
import { bundleText } from '../../support/bundle-text.ts';
import { describe, expect, it } from 'vitest';
import { buildApiModel } from '../../../generator/model/index.ts';
import { emitClient } from '../../../generator/emit/client.ts';
import { noAuth } from '../../../runtime/auth/no-auth.ts';
import { createVendorClient, createVendorClientWith, type VendorProfile } from '../../../runtime/client.ts';
import type { FetchLike, OperationMeta } from '../../../runtime/contract.ts';
import { describeText } from '../../../runtime/error-shapes.ts';
import { testProfile } from '../policy/support.ts';
import { loaded } from './hand-made-spec.ts';

const RUNTIME = path.resolve(import.meta.dirname, '../../../runtime');
const REFUSAL = "acme: this API's auth needs the strategy its generated client passes (schemeAuth or tokenExchangeAuth)";

const paths = { '/things': { get: { operationId: 'listThings', responses: { '200': { description: 'ok' } } } } };
const meta: OperationMeta = { id: 'GetThings', method: 'GET', path: '/things', resilience: 'safe', idempotency: { kind: 'none' } };
const none: VendorProfile['auth'] = { kind: 'schemes', schemes: {}, security: [], operations: {} };
const bearer: VendorProfile['auth'] = { kind: 'schemes', schemes: { tok: { type: 'bearer' } }, security: [['tok']], operations: {} };

function recorder() {
  const seen: Request[] = [];
  return { seen, fetch: async (request: Request) => (seen.push(request), Response.json({ ok: true })) };
}

describe('the client of a spec without schemes', () => {
  it('is generated with noAuth through createVendorClientWith, and no scheme code', () => {
    const source = emitClient(buildApiModel(loaded({ paths })));
    expect(source).toContain("import { noAuth } from 'svcgen/runtime/auth/no-auth';");
    expect(source).toMatch(/return createVendorClientWith\(acmeProfile, options, noAuth, describe\w+\);/);
    expect(source).not.toMatch(/scheme-auth|token-exchange|createVendorClient\(/);
    const withScheme = emitClient(
      buildApiModel(loaded({ components: { securitySchemes: { tok: { type: 'http', scheme: 'bearer' } } }, security: [{ tok: [] }], paths })),
    );
    expect(withScheme).toMatch(/return createVendorClientWith\(acmeProfile, options, fittedHeaderAuth\(\{ bearer: bearerScheme \}\), describe\w+\);/);
    expect(withScheme).not.toContain('no-auth');
  });

  it('sends its calls with no credentials through noAuth, as createVendorClient does without a strategy', async () => {
    for (const create of [
      (fetch: FetchLike) => createVendorClientWith(testProfile(none, 0), { fetch, logger: false }, noAuth, describeText),
      (fetch: FetchLike) => createVendorClient(testProfile(none, 0), { fetch, logger: false }),
    ]) {
      const { seen, fetch } = recorder();
      expect(await create(fetch).call(meta, {})).toEqual({ ok: true });
      expect(seen.map((r) => r.headers.get('authorization'))).toEqual([null]);
    }
  });

  it('createVendorClient without a strategy still refuses a profile whose auth needs one', () => {
    expect(() => createVendorClient(testProfile(bearer, 0), { apiKey: 'k-123456' } as object)).toThrow(REFUSAL);
    expect(() => createVendorClient(testProfile({ ...bearer, kind: 'token-exchange' } as unknown as VendorProfile['auth'], 0), {})).toThrow(REFUSAL);
  });

  it('a bundle of createVendorClientWith carries no default strategy; one of createVendorClient does', async () => {
    const bundle = (contents: string) => bundleText(contents, RUNTIME);
    const client = JSON.stringify(path.join(RUNTIME, 'client.ts'));
    const withStrategy = await bundle(`import { createVendorClientWith } from ${client};\nexport { createVendorClientWith };`);
    expect(withStrategy).not.toContain('needs the strategy its generated client passes');
    const withDefault = await bundle(`import { createVendorClient } from ${client};\nexport { createVendorClient };`);
    expect(withDefault).toContain('needs the strategy its generated client passes');
  });
});
