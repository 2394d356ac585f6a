// The auth model: securitySchemes and security requirements read from the document, the profile
// adding only what the spec lacks, and client option names that cannot collide.
import { describe, expect, it } from 'vitest';
import type { LoadedVendor } from '../../../generator/load/index.ts';
import { buildApiModel } from '../../../generator/model/index.ts';
import { emitClient } from '../../../generator/emit/client.ts';
import { inputError } from '../../support/input-error.ts';

const OK = { '200': { description: 'ok' } };

function profile(extra: Record<string, unknown> = {}) {
  return {
    displayName: 'Acme',
    servers: [{ name: 'prod', url: 'https://api.acme.test' }],
    idempotency: { kind: 'none' },
    policy: {
      retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1, retryStatuses: [] },
      timeoutMs: 1000,
      breaker: { consecutiveFailures: 1, cooldownMs: 1 },
      rateLimits: { default: { ratePerSecond: 1, burst: 1 } },
    },
    ...extra,
  };
}

function loaded(document: Record<string, unknown>, extra: Record<string, unknown> = {}): LoadedVendor {
  const doc = { openapi: '3.0.3', info: { title: 'Acme', version: '1' }, ...document, 'x-svcgen': profile(extra) };
  return { vendor: 'acme', sourceFormat: 'openapi-3.0', document: doc, specs: [], overlays: [], renamed: [], componentRenames: [], fixes: [], timings: {} } as LoadedVendor;
}

const privatePaths = { '/things': { get: { operationId: 'listThings', responses: OK } } };
const paths = {
  '/things': { get: { operationId: 'listThings', responses: OK }, post: { operationId: 'createThing', security: [], responses: OK } },
  '/open': { get: { operationId: 'openThing', security: [{}, { key: [] }], responses: OK } },
};

function schemesOf(model: ReturnType<typeof buildApiModel>) {
  if (model.auth.kind !== 'schemes') throw new Error('expected spec schemes');
  return model.auth;
}

describe('auth model from the spec', () => {
  it('reads the root requirement (OR of AND sets) and each operation that differs, `security: []` included', () => {
    const auth = schemesOf(
      buildApiModel(
        loaded({
          components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' }, basic: { type: 'http', scheme: 'Basic' } } },
          security: [{ key: [] }, { basic: [], key: [] }],
          paths,
        }),
      ),
    );
    expect(auth.schemes).toEqual({ basic: { type: 'basic' }, key: { type: 'apiKey', in: 'header', name: 'X-Key' } });
    expect(auth.security).toEqual([['key'], ['basic', 'key']]);
    expect(auth.operations).toEqual({ createThing: [], openThing: [[], ['key']] });
    // Two schemes: no shorthand unless the profile names one.
    expect(auth.shorthand).toBeUndefined();
  });

  it('gives the one scheme of a spec the shorthand, and a profile keeps `apiKey` for the bearer scheme of a basic-or-bearer spec', () => {
    const one = schemesOf(buildApiModel(loaded({ components: { securitySchemes: { tok: { type: 'http', scheme: 'bearer' } } }, security: [{ tok: [] }], paths })));
    expect(one.shorthand).toBe('tok');
    const two = loaded(
      { components: { securitySchemes: { basicAuth: { type: 'http', scheme: 'basic' }, bearerAuth: { type: 'http', scheme: 'bearer' } } }, security: [{ basicAuth: [] }, { bearerAuth: [] }], paths: privatePaths },
      { auth: { kind: 'bearer', scheme: 'bearerAuth' } },
    );
    const model = buildApiModel(two);
    expect(schemesOf(model).shorthand).toBe('bearerAuth');
    const source = emitClient(model);
    expect(source).toContain('export type AcmeClientOptions = AcmeClientSettings & ({ apiKey: string } | { auth: AcmeAuth });');
    expect(source).toContain('basicAuth?: { username: string; password: string };');
    expect(source).not.toContain("from 'svcgen/runtime/auth/oauth2'");
    // With public operations no credential is demanded by the options type.
    expect(emitClient(buildApiModel(loaded({ ...two.document, paths }, { auth: { kind: 'bearer', scheme: 'bearerAuth' } })))).toContain('export interface AcmeClientOptions extends');
  });

  it('adds the scheme a spec lacks and requires it wherever the spec requires nothing', () => {
    const auth = schemesOf(buildApiModel(loaded({ paths }, { auth: { kind: 'apiKey', in: 'query', name: 'key' } })));
    expect(auth.schemes).toEqual({ apiKey: { type: 'apiKey', in: 'query', name: 'key' } });
    expect(auth.security).toEqual([['apiKey']]);
    // `security: []` stays public; the optional-auth operation keeps its own alternatives.
    expect(auth.operations).toEqual({ createThing: [], openThing: [[]] });
    expect(auth.shorthand).toBe('apiKey');
  });

  it('keeps oauth2 client credentials (token URL, scopes); other OAuth2 flows and OpenID Connect take an access token; lists what a client cannot send', () => {
    const auth = schemesOf(
      buildApiModel(
        loaded({
          components: {
            securitySchemes: {
              cc: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.acme.test/token', scopes: { write: 'w', read: 'r' } } } },
              code: { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://a', scopes: {} }, authorizationCode: { authorizationUrl: 'https://a', tokenUrl: 'https://t', scopes: {} } } },
              oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://o' },
              digest: { type: 'http', scheme: 'digest' },
              tls: { type: 'mutualTLS' },
            },
          },
          security: [{ code: [] }, { cc: ['write'] }, { digest: [] }, { oidc: [] }],
          paths,
        }),
      ),
    );
    expect(auth.schemes).toEqual({
      cc: { type: 'oauth2', tokenUrl: 'https://auth.acme.test/token', scopes: ['read', 'write'] },
      code: { type: 'accessToken', source: 'oauth2', flows: ['authorizationCode', 'implicit'] },
      oidc: { type: 'accessToken', source: 'openIdConnect', flows: [] },
    });
    expect(auth.unsupported).toEqual({ digest: "http scheme 'digest'", tls: 'mutualTLS scheme' });
    expect(auth.security).toEqual([['code'], ['cc'], ['oidc']]);
  });

  it('an access token takes the Authorization header: ANDed with a bearer, basic, client-credentials or Authorization API-key scheme the requirement is dropped; with another access token (one token for both) or an API-key header it stays', () => {
    const auth = schemesOf(
      buildApiModel(
        loaded({
          components: {
            securitySchemes: {
              implicit: { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://a', scopes: {} } } },
              oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://o' },
              tok: { type: 'http', scheme: 'bearer' },
              cc: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/token', scopes: {} } } },
              key: { type: 'apiKey', in: 'header', name: 'X-Key' },
              authz: { type: 'apiKey', in: 'header', name: 'Authorization' },
            },
          },
          security: [{ implicit: [], tok: [] }, { oidc: [], cc: [] }, { implicit: [], authz: [] }, { implicit: [], oidc: [] }, { oidc: [], key: [] }],
          paths: privatePaths,
        }),
      ),
    );
    expect(auth.security).toEqual([['implicit', 'oidc'], ['key', 'oidc']]);
  });

  it('the emitted types keep the kinds apart: an access token (string or function) with its own shorthand, client credentials or a token (string or function) for OAuth2 client credentials', () => {
    const source = emitClient(
      buildApiModel(
        loaded({
          components: { securitySchemes: { browser: { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://a', scopes: {} }, password: { tokenUrl: '/t', scopes: {} } } } } },
          security: [{ browser: [] }],
          paths: privatePaths,
        }),
      ),
    );
    expect(source).toContain('/** Access token from your own OAuth2 implicit/password flow, or a function the client calls on every attempt for the current one, sent as `Authorization: Bearer` (the client neither obtains nor refreshes it). */\n  browser?: string | (() => string | Promise<string>);');
    expect(source).toContain('/** Access token (or a function returning the current one) for `browser` (shorthand of `auth.browser`). */\n  accessToken?: string | (() => string | Promise<string>);');
    expect(source).toContain('export type AcmeClientOptions = AcmeClientSettings & ({ accessToken: string | (() => string | Promise<string>) } | { auth: AcmeAuth });');
    const oidc = emitClient(buildApiModel(loaded({ components: { securitySchemes: { id: { type: 'openIdConnect', openIdConnectUrl: 'https://o' } } }, security: [{ id: [] }], paths: privatePaths })));
    expect(oidc).toContain('/** Access token from your own OpenID Connect login, or a function the client calls on every attempt for the current one, sent as `Authorization: Bearer` (the client neither obtains nor refreshes it). */\n  id?: string | (() => string | Promise<string>);');
    const cc = emitClient(
      buildApiModel(
        loaded({
          components: { securitySchemes: { both: { type: 'oauth2', flows: { authorizationCode: { authorizationUrl: 'https://a', tokenUrl: '/t', scopes: {} }, clientCredentials: { tokenUrl: '/t', scopes: {} } } } } },
          security: [{ both: [] }],
          paths: privatePaths,
        }),
      ),
    );
    expect(cc).toContain('  both?: { clientId: string; clientSecret: string } | string | (() => string | Promise<string>);');
    expect(cc).toContain('or an access token you already hold (a string, or a function the client calls on every attempt for the current one), sent as is and not refreshed.');
    expect(cc).toContain('export type AcmeClientOptions = AcmeClientSettings & ({ clientId: string; clientSecret: string } | { auth: AcmeAuth });');
  });

  it('the shorthand fills the only scheme, or the only one besides access-token schemes', () => {
    const shorthandOf = (securitySchemes: Record<string, unknown>) =>
      schemesOf(buildApiModel(loaded({ components: { securitySchemes }, security: Object.keys(securitySchemes).map((name) => ({ [name]: [] })), paths: privatePaths }))).shorthand;
    const implicit = { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://a', scopes: {} } } };
    const oidc = { type: 'openIdConnect', openIdConnectUrl: 'https://o' };
    expect(shorthandOf({ implicit })).toBe('implicit');
    expect(shorthandOf({ implicit, key: { type: 'apiKey', in: 'header', name: 'X-Key' } })).toBe('key');
    expect(shorthandOf({ implicit, oidc })).toBeUndefined();
    expect(shorthandOf({ implicit, key: { type: 'apiKey', in: 'header', name: 'X-Key' }, tok: { type: 'http', scheme: 'bearer' } })).toBeUndefined();
  });

  it('a client option named accessToken collides with the access-token shorthand', () => {
    const error = inputError(() =>
      buildApiModel(
        loaded(
          { components: { securitySchemes: { id: { type: 'openIdConnect', openIdConnectUrl: 'https://o' } } }, security: [{ id: [] }], paths: privatePaths },
          { apiVersion: { header: 'X-Version', value: '1', optionName: 'accessToken' } },
        ),
      ),
    );
    expect(error.message).toContain("option name 'accessToken' is already a credential option");
  });

  it('a generated client of a bearer-only API imports no OAuth2 code; one with OAuth2 imports it', () => {
    const bearer = emitClient(buildApiModel(loaded({ components: { securitySchemes: { tok: { type: 'http', scheme: 'bearer' } } }, security: [{ tok: [] }], paths })));
    expect(bearer).not.toMatch(/auth\/oauth2|auth\/token-exchange/);
    const oauth = emitClient(
      buildApiModel(loaded({ components: { securitySchemes: { cc: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/token', scopes: {} } } } } }, security: [{ cc: [] }], paths })),
    );
    expect(oauth).toContain("import { oauth2Scheme } from 'svcgen/runtime/auth/oauth2';");
    expect(oauth).toContain('schemeAuth({ oauth2: oauth2Scheme })');
    expect(bearer).toContain('schemeAuth({ bearer: bearerScheme })');
    expect(bearer).not.toMatch(/auth\/(basic|api-key|access-token)'/);
    const token = emitClient(buildApiModel(loaded({ components: { securitySchemes: { id: { type: 'openIdConnect', openIdConnectUrl: 'https://o' } } }, security: [{ id: [] }], paths })));
    expect(token).toContain("import { accessTokenScheme } from 'svcgen/runtime/auth/access-token';");
    expect(token).toContain('schemeAuth({ accessToken: accessTokenScheme })');
    expect(token).not.toMatch(/auth\/(oauth2|token-exchange|bearer-scheme)'/);
  });
});

describe('an API without usable schemes', () => {
  it('gets a client with no auth option', () => {
    const source = emitClient(buildApiModel(loaded({ paths })));
    expect(source).not.toMatch(/\bauth\?:|AcmeAuth/);
    expect(source).toContain('export interface AcmeClientOptions extends');
  });
});

describe('header parameters that restate a scheme', () => {
  it('become the client auth where the operation uses that scheme, and stay inputs where it does not', () => {
    const keyHeader = { name: 'X-Key', in: 'header', required: true, schema: { type: 'string' } };
    const model = buildApiModel(
      loaded({
        components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'x-key' } } },
        security: [{ key: [] }],
        paths: {
          '/a': { get: { operationId: 'a', parameters: [keyHeader, { name: 'X-Other', in: 'header', schema: { type: 'string' } }], responses: OK } },
          '/b': { get: { operationId: 'b', security: [], parameters: [keyHeader], responses: OK } },
        },
      }),
    );
    const roles = Object.fromEntries(model.operations.map((op) => [op.id, op.parameters.map((p) => `${p.name}:${p.role}`)]));
    expect(roles).toEqual({ a: ['X-Key:auth', 'X-Other:param'], b: ['X-Key:param'] });
  });
});

describe('auth profile errors', () => {
  it('a profile kind that contradicts the spec names the pointer', () => {
    const error = inputError(() =>
      buildApiModel(loaded({ components: { securitySchemes: { tok: { type: 'http', scheme: 'basic' } } }, paths }, { auth: { kind: 'bearer', scheme: 'tok' } })),
    );
    expect(error.message).toContain('specs/overlays/acme/');
    expect(error.message).toContain('#/x-svcgen/auth/kind');
    expect(error.message).toContain("declares 'tok' as basic, not bearer");
  });

  it('an apiKey the spec lacks needs `in` and `name`', () => {
    expect(inputError(() => buildApiModel(loaded({ paths }, { auth: { kind: 'apiKey' } }))).message).toContain('needs `in` and `name`');
  });

  it('an API-version option named like a credential option is refused, not emitted twice (TS2300)', () => {
    const error = inputError(() =>
      buildApiModel(
        loaded(
          { components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } }, security: [{ key: [] }], paths },
          { apiVersion: { header: 'X-Version', value: '1', optionName: 'apiKey' } },
        ),
      ),
    );
    expect(error.message).toContain('#/x-svcgen/apiVersion/optionName');
    expect(error.message).toContain("option name 'apiKey' is already a credential option");
  });

  it('a client-wide header option may not take a base option name either', () => {
    const error = inputError(() => buildApiModel(loaded({ paths }, { parameterRoles: { 'X-Region': { role: 'client-option', optionName: 'server' } } })));
    expect(error.message).toContain('#/x-svcgen/parameterRoles/X-Region/optionName');
  });
});
