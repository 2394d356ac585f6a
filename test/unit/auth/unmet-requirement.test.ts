// An operation whose every accepted alternative needs two credentials in the Authorization header
// (basic AND an OAuth2 token, as @readme/oas-examples security-multiple.json's POST /anything/and
// requires) cannot be sent as the spec asks. The model dropped such alternatives, which left the
// operation with no requirement, read like `security: []`: the client sent it without any
// credential and the server answered 401. Now the model names the unmet requirement and the call
// fails before anything is sent, with a TypeError naming the operation and the schemes.
import { describe, expect, it } from 'vitest';
import { buildApiModel } from '../../../generator/model/index.ts';
import { createVendorClient, type VendorProfile } from '../../../runtime/client.ts';
import type { OperationMeta } from '../../../runtime/contract.ts';
import { apiKeyScheme } from '../../../runtime/auth/api-key.ts';
import { basicScheme } from '../../../runtime/auth/basic.ts';
import { oauth2Scheme } from '../../../runtime/auth/oauth2.ts';
import { schemeAuth } from '../../../runtime/auth/scheme-auth.ts';
import { testProfile } from '../policy/support.ts';
import { loaded } from './hand-made-spec.ts';

const OK = { '200': { description: 'ok' } };

const document = {
  components: {
    securitySchemes: {
      key: { type: 'apiKey', in: 'header', name: 'X-Key' },
      basic: { type: 'http', scheme: 'basic' },
      cc: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.acme.test/token', scopes: {} } } },
      tls: { type: 'mutualTLS' },
    },
  },
  security: [{ key: [] }],
  paths: {
    '/both': { post: { operationId: 'postBoth', security: [{ key: [], basic: [], cc: [] }], responses: OK } },
    '/either': { post: { operationId: 'postEither', security: [{ basic: [], cc: [] }, { key: [] }], responses: OK } },
    '/tls': { post: { operationId: 'postTls', security: [{ tls: [], basic: [], cc: [] }], responses: OK } },
    '/key': { get: { operationId: 'getKey', responses: OK } },
  },
};

function schemesAuth() {
  const auth = buildApiModel(loaded(document)).auth;
  if (auth.kind !== 'schemes') throw new Error('expected spec schemes');
  return auth;
}

const meta = (id: string, path: string): OperationMeta => ({ id, method: 'POST', path, resilience: 'unsafe', idempotency: { kind: 'none' } });

describe('a requirement no request can meet', () => {
  it('the model names it, and only it: another sendable alternative or an unsupported scheme (sent through headers) is not unmet', () => {
    const auth = schemesAuth();
    expect(auth.unmet).toEqual({ postBoth: 'basic + cc + key' });
    expect(auth.operations).toEqual({ postBoth: [], postTls: [] });
  });

  it('the call fails before anything is sent, naming the operation and the schemes; the others are sent', async () => {
    const { unsupported: _unsupported, ...auth } = schemesAuth();
    const seen: string[] = [];
    const fetch = async (request: Request) => (seen.push(`${request.method} ${new URL(request.url).pathname}`), Response.json({ access_token: 't', expires_in: 60 }));
    const client = createVendorClient(
      testProfile(auth as VendorProfile['auth'], 0),
      { fetch, logger: false, auth: { key: 'k-1', basic: { username: 'u', password: 'p' }, cc: { clientId: 'id', clientSecret: 'secret' } } } as object,
      schemeAuth({ apiKey: apiKeyScheme, basic: basicScheme, oauth2: oauth2Scheme }),
    );
    const error = await client.call(meta('postBoth', '/both'), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('acme: postBoth requires basic + cc + key, which need more than one Authorization header: no request can carry them');
    expect(seen).toEqual([]);
    await client.call(meta('postEither', '/either'), {});
    expect(seen).toEqual(['POST /either']);
  });
});
