// OAuth2 client credentials through a generated client (3.0 security.json's
// `oauth2_clientCredentials` operation) against a token server and an API on 127.0.0.1: the token
// is cached until shortly before it expires, concurrent callers share one token request, a 401
// costs exactly one refresh, and a refused token request names no secret.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { oauth2Scheme } from '../../../runtime/auth/oauth2.ts';
import { schemeAuth } from '../../../runtime/auth/scheme-auth.ts';
import { createVendorClientWith, type BaseClientOptions, type VendorProfile } from '../../../runtime/client.ts';
import { describeErrorBody } from '../../../runtime/error-shapes.ts';
import { ApiError } from '../../../runtime/errors.ts';
import { DEMO_KEY_SHAPE, getThing, renderingsOf, testProfile } from '../policy/support.ts';
import { startCaptureServer, type CaptureServer, type Responder } from '../../support/capture-server.ts';
import { createSpecProject, LOCAL_TOKEN_PATH, type GeneratedVendor, type SpecProject } from './spec-project.ts';

const CLIENT_ID = 'cid-0f1e2d3c4b5a';
const CLIENT_SECRET = 'cs-a5b4c3d2e1f0';
const API_PATH = '/anything/oauth2';

interface TokenServer {
  /** Token requests seen. */
  issued: number;
  /** Lifetime of the next tokens, seconds. */
  expiresIn: number;
  /** Tokens the API no longer accepts. */
  revoked: Set<string>;
  /** When false, the token endpoint refuses the client (echoing what it was sent). */
  accept: boolean;
  /** Milliseconds the token endpoint takes (for overlapping callers). */
  delayMs: number;
}

const state: TokenServer = { issued: 0, expiresIn: 3600, revoked: new Set(), accept: true, delayMs: 0 };

const tokenEndpoint: Responder = (request) => {
  if (request.method !== 'POST' || request.path !== LOCAL_TOKEN_PATH) return undefined;
  if (!state.accept) {
    return { status: 401, body: { error: 'invalid_client', error_description: `unknown client ${request.headers.authorization} ${CLIENT_ID} ${CLIENT_SECRET}` } };
  }
  state.issued++;
  return { body: { access_token: `at-${state.issued}-0a9b8c7d`, token_type: 'bearer', expires_in: state.expiresIn } };
};

const api: Responder = (request) => {
  if (request.path !== API_PATH) return undefined;
  const token = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
  if (!token.startsWith('at-') || state.revoked.has(token)) return { status: 401, body: { message: 'invalid token' } };
  return { body: { ok: true } };
};

let project: SpecProject;
let server: CaptureServer;
let vendor: GeneratedVendor;

beforeAll(async () => {
  server = await startCaptureServer({ responders: [tokenEndpoint, api] });
  project = await createSpecProject('auth-oauth2', [{ vendor: 'sec30', displayName: 'Sec30', example: '3.0/json/security.json' }]);
  vendor = project.vendors.sec30!;
}, 120_000);

afterAll(async () => {
  await server?.close();
  project?.remove();
});

beforeEach(() => {
  Object.assign(state, { issued: 0, expiresIn: 3600, revoked: new Set(), accept: true, delayMs: 0 });
  server.take();
});

function client() {
  return vendor.create({
    baseUrl: server.url,
    retry: false,
    rateLimit: false,
    breaker: false,
    logger: false,
    auth: { oauth2_clientCredentials: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } },
  });
}

const call = (c: unknown) => vendor.operation('PUT', API_PATH)(c, {});
const apiTokens = () => server.requests.filter((r) => r.path === API_PATH).map((r) => r.headers.authorization);
const tokenRequests = () => server.requests.filter((r) => r.path === LOCAL_TOKEN_PATH).length;

describe('oauth2 client credentials', () => {
  it('reuses a token until shortly before it expires, then gets a new one', async () => {
    state.expiresIn = 1; // refreshed after half its life at the latest
    const c = client();
    await call(c);
    await call(c);
    expect(tokenRequests()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 700));
    await call(c);
    expect(tokenRequests()).toBe(2);
    expect(apiTokens()).toEqual(['Bearer at-1-0a9b8c7d', 'Bearer at-1-0a9b8c7d', 'Bearer at-2-0a9b8c7d']);
  });

  it('concurrent callers share one token request', async () => {
    const c = client();
    const results = await Promise.all(Array.from({ length: 10 }, () => call(c)));
    expect(results).toEqual(Array(10).fill({ ok: true }));
    expect(tokenRequests()).toBe(1);
    expect(new Set(apiTokens())).toEqual(new Set(['Bearer at-1-0a9b8c7d']));
  });

  it('a 401 costs exactly one refresh and one resend', async () => {
    const c = client();
    await call(c);
    state.revoked.add('at-1-0a9b8c7d');
    expect(await call(c)).toEqual({ ok: true });
    expect(tokenRequests()).toBe(2);
    expect(apiTokens()).toEqual(['Bearer at-1-0a9b8c7d', 'Bearer at-1-0a9b8c7d', 'Bearer at-2-0a9b8c7d']);
  });

  it('a token the API keeps refusing: one refresh, then the 401 as an ApiError', async () => {
    const c = client();
    state.revoked.add('at-1-0a9b8c7d').add('at-2-0a9b8c7d');
    const error = await call(c).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(tokenRequests()).toBe(2);
    expect(apiTokens()).toHaveLength(2);
  });

  it("a refused token request is reported as the token endpoint's ApiError, naming neither the client id nor the secret", async () => {
    state.accept = false;
    // The token request happens inside the transport; its refusal reaches the caller as it is.
    const error = await call(client()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).operationId).toBe('oauth2_clientCredentials token');
    const shown = JSON.stringify({ message: (error as ApiError).message, body: (error as ApiError).body, text: String(error) });
    expect(shown).toContain('invalid_client');
    for (const secret of [CLIENT_ID, CLIENT_SECRET, Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')]) expect(shown).not.toContain(secret);
    expect(server.requests.filter((r) => r.path === API_PATH)).toEqual([]);
  });
});

describe('a refused token request, through a client whose profile lists key formats', () => {
  it("is scrubbed of keys of those formats as well as of the client's own credentials", async () => {
    const auth = { kind: 'schemes', schemes: { oauth: { type: 'oauth2', tokenUrl: '/oauth/token', scopes: [] } }, security: [['oauth']], operations: {}, shorthand: 'oauth' };
    const profile: VendorProfile = { ...testProfile(auth as VendorProfile['auth'], 0), secretShapes: [DEMO_KEY_SHAPE] };
    const other = 'dk_live_0therKeyN0tSent42';
    const fetch = async () => Response.json({ error: 'invalid_client', error_description: `${CLIENT_ID} is not ${other}` }, { status: 401 });
    const options = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, retry: false, logger: false, fetch } as BaseClientOptions;
    const client = createVendorClientWith(profile, options, schemeAuth({ oauth2: oauth2Scheme }), describeErrorBody);
    const error = (await client.call(getThing, {}).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.operationId).toBe('oauth token');
    const shown = renderingsOf(error);
    expect(shown).toContain('is not [REDACTED]');
    expect(shown).not.toContain(other);
    expect(shown).not.toContain(CLIENT_ID);
  });
});
