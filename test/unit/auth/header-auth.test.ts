// headerAuth, and fittedHeaderAuth, the strategy the generator passes for a spec whose every
// operation accepts the same alternatives of one header scheme each (bearer, basic, an API key in
// a header), must do what schemeAuth does for such a spec: they run on the same hand-made specs
// and options, and their outcomes (error class and message, the credential header of every
// attempt, the scrubbed errors) are compared whole. The generator must pick schemeAuth for every
// spec shape headerAuth cannot serve, headerAuth must refuse those shapes, and a generated header
// client bundles none of schemeAuth's per-operation machinery and no second shape check.
import path from 'node:path';
import { bundleText } from '../../support/bundle-text.ts';
import { describe, expect, it } from 'vitest';
import { authStrategy, fitsHeaderAuth } from '../../../generator/emit/client-auth.ts';
import { emitClient, runtimeProfile } from '../../../generator/emit/client.ts';
import { buildApiModel } from '../../../generator/model/index.ts';
import { apiKeyScheme } from '../../../runtime/auth/api-key.ts';
import { apiKeyHeaderScheme } from '../../../runtime/auth/api-key-header.ts';
import { basicScheme, basicSchemeNoShorthand } from '../../../runtime/auth/basic.ts';
import { bearerScheme } from '../../../runtime/auth/bearer-scheme.ts';
import { fittedHeaderAuth, headerAuth } from '../../../runtime/auth/header-auth.ts';
import { schemeAuth } from '../../../runtime/auth/scheme-auth.ts';
import type { SchemeKind } from '../../../runtime/auth/schemes.ts';
import { createVendorClient, type AuthStrategy, type VendorProfile } from '../../../runtime/client.ts';
import type { OperationMeta } from '../../../runtime/contract.ts';
import { testProfile } from '../policy/support.ts';
import { loaded } from './hand-made-spec.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const paths = {
  '/things': {
    get: { operationId: 'listThings', responses: { '200': { description: 'ok' } } },
    post: { operationId: 'makeThing', responses: { '200': { description: 'ok' } } },
  },
};
const bearer = { type: 'http', scheme: 'bearer' };
const basic = { type: 'http', scheme: 'basic' };
const headerKey = { type: 'apiKey', in: 'header', name: 'X-Key' };

/** The auth model of a hand-made spec with `paths`. */
function authModel(document: Record<string, unknown>, profileAuth?: Record<string, unknown>) {
  return buildApiModel(loaded({ paths, ...document }, profileAuth)).auth;
}

/** The runtime profile the generator writes for the spec, with one retry. */
function profileOf(document: Record<string, unknown>, profileAuth?: Record<string, unknown>): VendorProfile {
  const model = buildApiModel(loaded({ paths, ...document }, profileAuth));
  return testProfile(runtimeProfile(model).auth as VendorProfile['auth'], 1);
}

// What the generator passes each strategy: the general kind of API keys rewrites query and
// cookie keys, headerAuth's sends header keys only.
const general = schemeAuth({ apiKey: apiKeyScheme, basic: basicScheme, bearer: bearerScheme });
const header = headerAuth({ apiKey: apiKeyHeaderScheme, basic: basicScheme, bearer: bearerScheme });
// What generated clients pass: the same strategy without the shape check their generator made.
const fitted = fittedHeaderAuth({ apiKey: apiKeyHeaderScheme, basic: basicScheme, bearer: bearerScheme });

const meta: OperationMeta = { id: 'listThings', method: 'GET', path: '/things', resilience: 'safe', idempotency: { kind: 'none' } };

/** Every string of the options, wherever it sits: what the fake vendor echoes back. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return value.length >= 4 ? [value] : [];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/**
 * What a client of `strategy` does with `options`: the error creating it, or the credential
 * headers (Authorization, X-Key) of each attempt of two calls (a 503 then a 400 echoing every option string and the
 * header; a network failure quoting them) and each call's error, class, message and JSON.
 */
async function outcome(profile: VendorProfile, strategy: AuthStrategy, options: Record<string, unknown>) {
  const echo = strings(options);
  const sent: string[] = [];
  let attempt = 0;
  const fetch = async (request: Request): Promise<Response> => {
    const credentials = [...request.headers].filter(([name]) => name === 'authorization' || name === 'x-key').map(([name, value]) => `${name}: ${value}`);
    sent.push(credentials.join('\n'));
    attempt++;
    if (attempt === 1) return Response.json({ error: 'busy' }, { status: 503 });
    const quoted = [...echo, ...credentials].join(' | ');
    if (attempt === 2) return Response.json({ error: { message: `bad: ${quoted}` } }, { status: 400 });
    throw new TypeError(`connect failed: ${quoted}`);
  };
  let client;
  try {
    client = createVendorClient(profile, { ...options, fetch, logger: false }, strategy);
  } catch (error) {
    return { created: [(error as Error).constructor.name, (error as Error).message] };
  }
  const errors: unknown[] = [];
  for (let call = 0; call < 2; call++) {
    const error = (await client.call(meta, {}).then(() => undefined, (e: unknown) => e)) as Error;
    errors.push([error.constructor.name, error.message, JSON.stringify(error)]);
  }
  return { sent, errors };
}

const specs: Record<string, { document: Record<string, unknown>; profileAuth?: Record<string, unknown> }> = {
  'one bearer scheme': { document: { components: { securitySchemes: { tok: bearer } }, security: [{ tok: [] }] } },
  'basic or bearer, shorthand on bearer': {
    document: { components: { securitySchemes: { user: basic, tok: bearer } }, security: [{ user: [] }, { tok: [] }] },
    profileAuth: { kind: 'spec', scheme: 'tok' },
  },
  'one basic scheme': { document: { components: { securitySchemes: { user: basic } }, security: [{ user: [] }] } },
  'two bearer schemes, the second declared first': { document: { components: { securitySchemes: { a: bearer, b: bearer } }, security: [{ b: [] }, { a: [] }] } },
  'an API key in a header or bearer, shorthand on the key': {
    document: { components: { securitySchemes: { key: headerKey, tok: bearer } }, security: [{ key: [] }, { tok: [] }] },
    profileAuth: { kind: 'spec', scheme: 'key' },
  },
};

const optionSets: Record<string, unknown>[] = [
  {},
  { apiKey: 'short-key-1234' },
  { apiKey: '' },
  { username: 'short-user', password: 'short-pass-99' },
  { username: 'a:b-user', password: 'x' },
  { auth: { tok: 'tok-abcdef12' } },
  { auth: { tok: 'tok-abcdef12' }, apiKey: 'short-key-1234' },
  { auth: { tok: undefined }, apiKey: 'short-key-1234' },
  { auth: { tok: 'line\nbreak-1234' } },
  { auth: { user: { username: 'auth-user', password: 'auth-pass-77' } } },
  { auth: { user: { username: 'auth-user', password: 'auth-pass-77' }, tok: 'tok-abcdef12' } },
  { auth: { tok: 'tok-abcdef12', user: { username: 'auth-user', password: 'auth-pass-77' } } },
  { auth: { user: { username: 'auth-user' } } },
  { auth: { a: 'aaa-11111111', b: 'bbb-22222222' } },
  { auth: { a: 'aaa-11111111' } },
  { auth: { key: 'key-44444444', tok: 'tok-abcdef12' } },
  { auth: { tok: 'tok-abcdef12' }, apiKey: 'key-44444444' },
  { auth: { key: 'key\r44444444' } },
  { auth: { nosuch: 'zzz-33333333' } },
  { auth: 'not-an-object' },
  { auth: null },
];

describe('headerAuth and schemeAuth on the specs headerAuth serves', () => {
  for (const [name, { document, profileAuth }] of Object.entries(specs)) {
    it(`agree on every option set: ${name}`, async () => {
      const profile = profileOf(document, profileAuth);
      expect(fitsHeaderAuth(authModel(document, profileAuth) as never)).toBe(true);
      let sentSome = 0;
      let refused = 0;
      for (const options of optionSets) {
        const small = await outcome(profile, header, options);
        expect(small, JSON.stringify(options)).toEqual(await outcome(profile, general, options));
        expect(await outcome(profile, fitted, options), JSON.stringify(options)).toEqual(small);
        if (small.created) {
          refused++;
          expect(small.created[0]).toBe('TypeError');
          continue;
        }
        sentSome++;
        // Every attempt carries one credential header, the same; no error carries the credential.
        expect(small.sent.length).toBe(4);
        expect(new Set(small.sent).size).toBe(1);
        expect(small.sent[0]).toMatch(/^[\w-]+: [^\n]+$/);
        expect(JSON.stringify(small.errors)).not.toContain(small.sent[0]!.replace(/^[\w-]+: (Basic |Bearer )?/, ''));
        expect(JSON.stringify(small.errors)).toContain('[REDACTED]');
      }
      // Neither kind of outcome is vacuous for any spec.
      expect(sentSome).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
    });
  }

  it('send the first alternative given, in the spec’s order, and the same no-credentials error', async () => {
    const both = profileOf(specs['basic or bearer, shorthand on bearer']!.document, { kind: 'spec', scheme: 'tok' });
    const given = { auth: { tok: 'tok-abcdef12', user: { username: 'u', password: 'p' } } };
    for (const strategy of [header, general]) {
      expect((await outcome(both, strategy, given)).sent?.[0]).toBe(`authorization: Basic ${btoa('u:p')}`);
      expect(await outcome(both, strategy, {})).toEqual({ created: ['TypeError', 'acme: no credentials: pass auth: { user or tok } (or the apiKey option)'] });
    }
    const twoBearers = profileOf(specs['two bearer schemes, the second declared first']!.document);
    expect((await outcome(twoBearers, header, { auth: { a: 'aaa-11111111', b: 'bbb-22222222' } })).sent?.[0]).toBe('authorization: Bearer bbb-22222222');
    const keyOrBearer = profileOf(specs['an API key in a header or bearer, shorthand on the key']!.document, { kind: 'spec', scheme: 'key' });
    expect((await outcome(keyOrBearer, header, { apiKey: 'key-44444444', auth: { tok: 'tok-abcdef12' } })).sent?.[0]).toBe('x-key: key-44444444');
  });
});

describe('the header on each attempt', () => {
  /** The transport wrapper headerAuth hands the client for `options`, and what reaches the transport. */
  function signer(options: Record<string, unknown>) {
    const profile = profileOf(specs['basic or bearer, shorthand on bearer']!.document, { kind: 'spec', scheme: 'tok' });
    let sign: ((transport: (request: Request, init?: RequestInit) => Promise<Response>) => (request: Request, init?: RequestInit) => Promise<Response>) | undefined;
    const context = { profile, options, baseUrl: 'https://acme.test', loginPipeline: {}, signedPipeline: (given: typeof sign) => ((sign = given), {}) };
    header(context as never);
    const reached: Request[] = [];
    const fetch = sign!(async (request) => (reached.push(request), new Response('ok')));
    return { fetch, reached };
  }

  it('is set on the attempt’s own Request, and on a copy with the same body when its headers are immutable', async () => {
    const { fetch, reached } = signer({ apiKey: 'tok-abcdef12' });
    const own = new Request('https://acme.test/things', { method: 'POST', body: 'a=1' });
    await fetch(own);
    expect(reached[0]).toBe(own);
    expect(own.headers.get('authorization')).toBe('Bearer tok-abcdef12');
    const frozen = new Request('https://acme.test/things', { method: 'POST', body: 'a=2', headers: { 'x-kept': 'yes' } });
    Object.defineProperty(frozen.headers, 'set', { value: () => { throw new TypeError('immutable'); } });
    await fetch(frozen);
    expect(reached[1]).not.toBe(frozen);
    expect(reached[1]!.headers.get('authorization')).toBe('Bearer tok-abcdef12');
    expect(reached[1]!.headers.get('x-kept')).toBe('yes');
    expect(await reached[1]!.text()).toBe('a=2');
  });

  it('a transport failure quoting the credential is scrubbed, thrown or rejected', async () => {
    for (const failing of [() => { throw new TypeError('refused tok-abcdef12'); }, async () => { throw new TypeError('refused tok-abcdef12'); }]) {
      const profile = profileOf(specs['one bearer scheme']!.document);
      let sign: ((transport: () => Promise<Response>) => (request: Request) => Promise<Response>) | undefined;
      header({ profile, options: { auth: { tok: 'tok-abcdef12' } }, signedPipeline: (given: typeof sign) => ((sign = given), {}) } as never);
      const error = await sign!(failing as () => Promise<Response>)(new Request('https://acme.test/')).catch((e: Error) => e);
      expect((error as Error).message).toBe('refused [REDACTED]');
    }
  });
});

/** Spec shapes only schemeAuth serves, and what headerAuth would get wrong on each. */
const generalOnly: Record<string, Record<string, unknown>> = {
  'an operation with its own requirement': {
    components: { securitySchemes: { user: basic, tok: bearer } },
    security: [{ tok: [] }],
    paths: { '/things': { ...paths['/things'], post: { ...paths['/things'].post, security: [{ user: [] }] } } },
  },
  'a public operation (security: [])': {
    components: { securitySchemes: { tok: bearer } },
    security: [{ tok: [] }],
    paths: { '/things': { ...paths['/things'], get: { ...paths['/things'].get, security: [] } } },
  },
  'AND-ed schemes': { components: { securitySchemes: { tok: bearer, key: headerKey } }, security: [{ tok: [], key: [] }] },
  'optional auth (an empty alternative)': { components: { securitySchemes: { tok: bearer } }, security: [{ tok: [] }, {}] },
  'no security at the root': { components: { securitySchemes: { tok: bearer } } },
  'a scheme no operation accepts': { components: { securitySchemes: { tok: bearer, user: basic } }, security: [{ tok: [] }] },
  'an API key in a header beside one in the query': {
    components: { securitySchemes: { key: headerKey, query: { type: 'apiKey', in: 'query', name: 'key' } } },
    security: [{ key: [] }, { query: [] }],
  },
  'an API key in the query': { components: { securitySchemes: { key: { type: 'apiKey', in: 'query', name: 'key' } } }, security: [{ key: [] }] },
  'an API key in a cookie': { components: { securitySchemes: { key: { type: 'apiKey', in: 'cookie', name: 'sid' } } }, security: [{ key: [] }] },
  'OAuth2 client credentials': {
    components: { securitySchemes: { oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.acme.test/token', scopes: {} } } } } },
    security: [{ oauth: [] }],
  },
  'OpenID Connect': { components: { securitySchemes: { oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.acme.test/.well-known/openid-configuration' } } }, security: [{ oidc: [] }] },
};

describe('the strategy the generator picks', () => {
  it('is fittedHeaderAuth, with the kinds the spec declares, for every spec above', () => {
    for (const { document, profileAuth } of Object.values(specs)) {
      const source = emitClient(buildApiModel(loaded({ paths, ...document }, profileAuth)));
      expect(source).toContain("import { fittedHeaderAuth } from 'svcgen/runtime/auth/header-auth';");
      expect(source).not.toContain('scheme-auth');
    }
    expect(authStrategy(authModel(specs['basic or bearer, shorthand on bearer']!.document, { kind: 'spec', scheme: 'tok' })).authStrategy).toBe(
      'fittedHeaderAuth({ basic: basicSchemeNoShorthand, bearer: bearerScheme })',
    );
    // The username/password options fill a basic scheme only when it is the shorthand's.
    const oneBasic = authStrategy(authModel(specs['one basic scheme']!.document));
    expect(oneBasic.authStrategy).toBe('fittedHeaderAuth({ basic: basicScheme })');
    expect(oneBasic.authImports).toContain("import { basicScheme } from 'svcgen/runtime/auth/basic';");
    const keyOrBearer = authStrategy(authModel(specs['an API key in a header or bearer, shorthand on the key']!.document, { kind: 'spec', scheme: 'key' }));
    expect(keyOrBearer.authStrategy).toBe('fittedHeaderAuth({ apiKey: apiKeyHeaderScheme, bearer: bearerScheme })');
    expect(keyOrBearer.authImports).toContain("import { apiKeyHeaderScheme } from 'svcgen/runtime/auth/api-key-header';");
    expect(authStrategy(authModel(generalOnly['an API key in a header beside one in the query']!)).authStrategy).toBe('schemeAuth({ apiKey: apiKeyScheme })');
  });

  it('with the kinds it names, does what schemeAuth does on every option set', async () => {
    const named: Record<string, SchemeKind> = { apiKeyHeaderScheme, basicScheme, basicSchemeNoShorthand, bearerScheme };
    for (const [name, { document, profileAuth }] of Object.entries(specs)) {
      const picked = authStrategy(authModel(document, profileAuth)).authStrategy;
      const kinds = Object.fromEntries([...picked.matchAll(/(\w+): (\w+)/g)].map(([, type, kind]) => [type, named[kind!]!]));
      const profile = profileOf(document, profileAuth);
      for (const options of optionSets) {
        expect(await outcome(profile, fittedHeaderAuth(kinds), options), `${name}: ${JSON.stringify(options)}`).toEqual(await outcome(profile, general, options));
      }
    }
  });

  for (const [name, document] of Object.entries(generalOnly)) {
    it(`is schemeAuth for ${name}`, () => {
      const auth = authModel(document);
      expect(auth.kind).toBe('schemes');
      expect(fitsHeaderAuth(auth as never)).toBe(false);
      const source = emitClient(buildApiModel(loaded({ paths, ...document })));
      expect(source).toContain("import { schemeAuth } from 'svcgen/runtime/auth/scheme-auth';");
      expect(source).not.toContain('header-auth');
    });
  }

  it('and headerAuth refuses the per-operation, AND-ed and optional shapes outright rather than sign them wrongly', () => {
    const refusal = "acme: this API's security needs schemeAuth, not headerAuth (per-operation, AND-ed or optional requirements, or schemes no operation accepts)";
    for (const name of ['an operation with its own requirement', 'a public operation (security: [])', 'optional auth (an empty alternative)', 'no security at the root']) {
      const profile = profileOf(generalOnly[name]!);
      expect(() => createVendorClient(profile, { auth: { tok: 'tok-abcdef12' } } as object, header), name).toThrow(refusal);
      expect(() => createVendorClient(profile, { auth: { tok: 'tok-abcdef12' } } as object, general), name).not.toThrow();
    }
    // A credential only for a scheme no operation accepts: schemeAuth fails each call, headerAuth the client.
    const unused = profileOf(generalOnly['a scheme no operation accepts']!);
    expect(() => createVendorClient(unused, { auth: { user: { username: 'u', password: 'p' } } } as object, header)).toThrow(refusal);
    // A scheme type the strategy was given no kind for: headerAuth and schemeAuth refuse its credential.
    const both = profileOf(specs['basic or bearer, shorthand on bearer']!.document, { kind: 'spec', scheme: 'tok' });
    for (const strategy of [headerAuth({ bearer: bearerScheme }), schemeAuth({ bearer: bearerScheme })]) {
      expect(() => createVendorClient(both, { auth: { user: { username: 'u', password: 'p' } } } as object, strategy)).toThrow(
        'acme: this client cannot send basic credentials (not among the scheme kinds it was created with)',
      );
    }
    // An API key outside a header: headerAuth's key kind sends none rather than a wrong header.
    const query = profileOf(generalOnly['an API key in the query']!);
    expect(() => createVendorClient(query, { apiKey: 'key-44444444' } as object, header)).toThrow('acme: the apiKey option is an API key this client cannot send (header keys only)');
    expect(() => createVendorClient(query, { apiKey: 'key-44444444' } as object, general)).not.toThrow();
  });
});

describe('what a headerAuth client bundles', () => {
  it('none of schemeAuth: no per-operation selection, no shared-header check, no signing hook', async () => {
    const { document, profileAuth } = specs['basic or bearer, shorthand on bearer']!;
    const source = emitClient(buildApiModel(loaded({ paths, ...document }, profileAuth)));
    const bundle = (contents: string) => bundleText(contents, ROOT, true);
    const small = await bundle(source);
    expect(small).toContain('runtime/auth/header-auth.ts');
    expect(small).not.toContain('runtime/auth/scheme-auth.ts');
    // selectSchemes' and placementsOf's messages.
    expect(small).not.toContain('needs credentials for');
    expect(small).not.toContain('give them the same token');
    // Its shorthand fills the bearer scheme: the basic kind reads no username/password options.
    expect(small).toContain('runtime/auth/basic.ts');
    expect(small).not.toContain('the username/password options');
    // The generator checked the shape and named a kind for every scheme type: the client bundles
    // no second check of either, and neither refusal's text.
    expect(small).not.toContain('not headerAuth');
    expect(small).not.toContain('not among the scheme kinds');
    const big = await bundle(source.replaceAll('fittedHeaderAuth', 'schemeAuth').replace('header-auth', 'scheme-auth'));
    expect(big).toContain('needs credentials for');
    expect(big).toContain('give them the same token');
    // A header API key brings no Request rewriting (request-signing.ts, api-key.ts' query and cookie keys).
    const key = specs['an API key in a header or bearer, shorthand on the key']!;
    const keyClient = await bundle(emitClient(buildApiModel(loaded({ paths, ...key.document }, key.profileAuth))));
    expect(keyClient).toContain('runtime/auth/api-key-header.ts');
    expect(keyClient).not.toContain('runtime/auth/request-signing.ts');
    expect(keyClient).not.toContain('runtime/auth/api-key.ts');
  });
});
