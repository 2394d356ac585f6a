// The corpus Prism stage's credentials: one stand-in per declared scheme under its own name (an
// access token for OAuth2 without client credentials and for OpenID Connect), the in-process token
// endpoint for OAuth2 client credentials, and the reason given for an operation the client has no
// scheme to authenticate.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { standInCredentials, STAND_IN, stubTokenEndpoints, tokenUrls, unsendableAuth } from '../../../bench/corpus/credentials.ts';
import type { AuthModel, OperationModel } from '../../../generator/model/types.ts';

const auth: AuthModel = {
  kind: 'schemes',
  schemes: {
    key: { type: 'apiKey', in: 'header', name: 'X-Key' },
    partner: { type: 'apiKey', in: 'query', name: 'partner_id' },
    token: { type: 'bearer' },
    login: { type: 'basic' },
    machine: { type: 'oauth2', tokenUrl: 'https://auth.example.test/token', scopes: [] },
    browser: { type: 'accessToken', source: 'oauth2', flows: ['implicit'] },
    oidc: { type: 'accessToken', source: 'openIdConnect', flows: [] },
  },
  security: [['key', 'partner']],
  operations: { digestOnly: [], open: [], implicitOnly: [['browser']] },
  unsupported: { digest: "http scheme 'digest'" },
};

const op = (id: string, path: string) => ({ id, path, method: 'get' }) as OperationModel;
const document = {
  security: [{ key: [], partner: [] }],
  paths: {
    '/digest': { get: { security: [{ digest: [] }] } },
    '/implicit': { get: { security: [{ browser: ['read'] }] } },
    '/open': { get: { security: [] } },
    '/keyed': { get: {} },
  },
};

describe('standInCredentials', () => {
  it('gives every sendable scheme a credential of its type, keyed by the scheme name', () => {
    expect(standInCredentials(auth)).toEqual({
      key: STAND_IN.apiKey,
      partner: STAND_IN.apiKey,
      token: STAND_IN.bearer,
      login: STAND_IN.basic,
      machine: STAND_IN.oauth2,
      browser: 'corpus-access-token',
      oidc: 'corpus-access-token',
    });
  });

  it('gives nothing for a token-exchange profile (the harness fills its login options)', () => {
    expect(standInCredentials({ kind: 'token-exchange', loginOperation: 'l', loginPath: '/l', credentialHeaders: {}, tokenField: 't', expiresAtField: 'e', refreshSkewSeconds: 60 })).toEqual({});
  });
});

describe('unsendableAuth', () => {
  it('names the reason when every accepted scheme is one the client cannot send', () => {
    expect(unsendableAuth(op('digestOnly', '/digest'), auth, document)).toBe("the client cannot send the scheme this operation requires (http scheme 'digest')");
  });

  it('says nothing for an operation without auth or with a sendable alternative (an implicit-flow access token included)', () => {
    expect(unsendableAuth(op('open', '/open'), auth, document)).toBeUndefined();
    expect(unsendableAuth(op('keyed', '/keyed'), auth, document)).toBeUndefined();
    expect(unsendableAuth(op('implicitOnly', '/implicit'), auth, document)).toBeUndefined();
  });
});

describe('stubTokenEndpoints', () => {
  let restore = () => {};
  afterEach(() => restore());

  it('answers a POST to a declared token URL with a token and passes every other request through, until restored', async () => {
    const server = createServer((_req, res) => res.end('from the server'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
    const original = globalThis.fetch;
    try {
      restore = stubTokenEndpoints(tokenUrls(auth));
      const token = await fetch(new Request('https://auth.example.test/token', { method: 'POST', body: 'grant_type=client_credentials' }));
      expect(await token.json()).toMatchObject({ access_token: STAND_IN.accessToken, expires_in: 3600 });
      expect(await (await fetch(local)).text()).toBe('from the server');
      restore();
      restore = () => {};
      expect(globalThis.fetch).toBe(original);
    } finally {
      server.close();
    }
  });

  it('matches a relative token URL (resolved by the client against its base URL, unknown here) by its path on any origin', async () => {
    const server = createServer((_req, res) => res.end('from the server'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      restore = stubTokenEndpoints(['/oauth/token']);
      const token = await fetch(new Request(`${origin}/oauth/token`, { method: 'POST', body: 'grant_type=client_credentials' }));
      expect(await token.json()).toMatchObject({ access_token: STAND_IN.accessToken });
      expect(await (await fetch(new Request(`${origin}/oauth/other`, { method: 'POST', body: '' }))).text()).toBe('from the server');
      expect(await (await fetch(`${origin}/oauth/token`)).text()).toBe('from the server');
    } finally {
      server.close();
    }
  });
});
