// Header scheme kinds (basic, bearer) are signed by scheme-auth.ts itself; the kinds that rewrite
// requests or obtain tokens bring request-signing.ts. A client passing header kinds alone bundles
// none of that module, and still refuses two header schemes of one requirement that would share
// a header with different values.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { basicScheme } from '../../../runtime/auth/basic.ts';
import { bearerScheme } from '../../../runtime/auth/bearer-scheme.ts';
import { schemeAuth } from '../../../runtime/auth/scheme-auth.ts';
import { createVendorClient, type VendorProfile } from '../../../runtime/client.ts';
import type { OperationMeta } from '../../../runtime/contract.ts';
import { testProfile } from '../policy/support.ts';
import { bundleText } from '../../support/bundle-text.ts';

const AUTH = path.resolve(import.meta.dirname, '../../../runtime/auth');

/** The bundle (not minified, so names survive) of a client strategy over the given kind modules. */
function bundle(kinds: Record<string, [module: string, name: string]>): Promise<string> {
  const imports = Object.values(kinds).map(([module, name]) => `import { ${name} } from ${JSON.stringify(path.join(AUTH, module))};`);
  const entry = Object.entries(kinds).map(([type, [, name]]) => `${type}: ${name}`);
  return bundleText(`import { schemeAuth } from ${JSON.stringify(path.join(AUTH, 'scheme-auth.ts'))};\n${imports.join('\n')}\nexport const auth = schemeAuth({ ${entry.join(', ')} });`, AUTH);
}

describe('what a scheme strategy bundles', () => {
  it('basic and bearer kinds bundle no request rewriting or token signing; an API-key kind brings it', async () => {
    const header = await bundle({ basic: ['basic.ts', 'basicScheme'], bearer: ['bearer-scheme.ts', 'bearerScheme'] });
    expect(header).toContain('function withHeaders(');
    expect(header).not.toContain('request-signing.ts');
    expect(header).not.toContain('function withSchemeCredentials(');
    expect(header).not.toContain('KEPT_TOKENS');
    const apiKey = await bundle({ apiKey: ['api-key.ts', 'apiKeyScheme'], bearer: ['bearer-scheme.ts', 'bearerScheme'] });
    expect(apiKey).toContain('request-signing.ts');
    expect(apiKey).toContain('function withSchemeCredentials(');
    expect(apiKey).toContain('KEPT_TOKENS');
  });
});

describe('header kinds signed by scheme-auth alone', () => {
  const meta: OperationMeta = { id: 'GetThings', method: 'GET', path: '/things', resilience: 'safe', idempotency: { kind: 'none' } };
  const both: VendorProfile['auth'] = {
    kind: 'schemes',
    schemes: { user: { type: 'basic' }, tok: { type: 'bearer' } },
    security: [['user', 'tok']],
    operations: { GetOne: [['tok']] },
  };
  const strategy = schemeAuth({ basic: basicScheme, bearer: bearerScheme });

  it('refuses a requirement whose two schemes would send different Authorization headers', () => {
    const make = () => createVendorClient(testProfile(both, 0), { auth: { user: { username: 'u', password: 'p' }, tok: 't-123456' } } as object, strategy);
    expect(make).toThrow('acme: this operation sends user and tok in one Authorization header; give them the same token');
  });

  it('sends the one header scheme an operation selects, on every attempt, scrubbed from errors', async () => {
    const seen: (string | null)[] = [];
    let calls = 0;
    const fetch = async (request: Request) => {
      seen.push(request.headers.get('authorization'));
      return ++calls === 1 ? Response.json({ error: 'busy' }, { status: 503 }) : Response.json({ error: 'no t-123456 here' }, { status: 400 });
    };
    const client = createVendorClient(testProfile({ ...both, security: [['tok']] }, 1), { fetch, logger: false, auth: { tok: 't-123456' } } as object, strategy);
    const error = await client.call({ ...meta, id: 'GetOne' }, {}).catch((e: unknown) => e as Error);
    expect(seen).toEqual(['Bearer t-123456', 'Bearer t-123456']);
    expect(JSON.stringify(error)).not.toContain('t-123456');
  });
});
