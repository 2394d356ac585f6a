// A spec with exactly one scheme gets the shorthand options (here an HTTP basic scheme that the
// document happens to call `apiKey`: the shorthand follows the scheme's type, not its name), and
// what a generated client bundles is decided at generation time: OAuth2 code only for a spec
// that declares an OAuth2 client-credentials scheme, the access-token kind only for one that
// declares an OAuth2 scheme without that flow or OpenID Connect.
import path from 'node:path';
import { bundleText } from '../../support/bundle-text.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCaptureServer, type CaptureServer } from '../../support/capture-server.ts';
import { createSpecProject, ROOT, type SpecProject } from './spec-project.ts';

let project: SpecProject;
let server: CaptureServer;

beforeAll(async () => {
  server = await startCaptureServer();
  project = await createSpecProject('auth-shorthand', [
    { vendor: 'pets', displayName: 'Pets', example: '3.0/json/petstore-simple.json' },
    { vendor: 'sec30', displayName: 'Sec30', example: '3.0/json/security.json' },
    { vendor: 'oidconly', displayName: 'OidcOnly', example: path.join(ROOT, 'test/fixtures/oauth-token/oidc-only.json') },
  ]);
}, 120_000);

afterAll(async () => {
  await server?.close();
  project?.remove();
});

describe('shorthand options', () => {
  it('username/password fill the only scheme (basic); its public operation sends nothing', async () => {
    const pets = project.vendors.pets!;
    expect(pets.clientSource).toContain('username?: string;');
    expect(pets.clientSource).not.toContain('apiKey?: string;');
    const client = pets.create({ baseUrl: server.url, retry: false, logger: false, username: 'pet-user', password: 'pet-pass' });
    await pets.operation('PUT', '/pet/{id}')(client, { params: { path: { id: 1 } } });
    await pets.operation('GET', '/pet/{id}')(client, { params: { path: { id: 1 } } });
    const [put, get] = server.take();
    expect(put!.headers.authorization).toBe(`Basic ${Buffer.from('pet-user:pet-pass').toString('base64')}`);
    expect(get!.headers.authorization).toBeUndefined();
  });

  it('a malformed credential is refused when the client is created, without echoing it', () => {
    const pets = project.vendors.pets!;
    expect(() => pets.create({ baseUrl: server.url, username: 'a:b-secret-user', password: 'x' })).toThrow(/username contains a character/);
    expect(() => pets.create({ baseUrl: server.url, username: 'a:b-secret-user', password: 'x' })).not.toThrow(/secret-user/);
    expect(() => project.vendors.sec30!.create({ baseUrl: server.url, auth: { nosuch: 'k' } })).toThrow(/auth\.nosuch is not a security scheme/);
  });
});

describe('bundles', () => {
  async function bundle(vendor: string): Promise<string> {
    const client = path.join(project.root, 'generated', vendor, 'client.ts');
    const operations = path.join(project.root, 'generated', vendor, 'operations.js');
    return bundleText(`import * as c from ${JSON.stringify(client)}; import * as o from ${JSON.stringify(operations)}; console.log(c, o);`, ROOT, true);
  }

  it('a client without OAuth2 schemes bundles no token code; one with them does', async () => {
    const basicOnly = await bundle('pets');
    expect(basicOnly).toContain('Basic ');
    expect(basicOnly).not.toContain('client_credentials');
    expect(basicOnly).not.toContain('createTokenManager');
    const withOAuth2 = await bundle('sec30');
    expect(withOAuth2).toContain('client_credentials');
  });

  it('the access-token kind (its accessToken shorthand, its token functions) only where a spec has such a scheme; it brings no token-request code', async () => {
    const pets = await bundle('pets');
    expect(pets).not.toContain('the accessToken option');
    // runtime/auth/token-source.ts, by one of its messages.
    expect(pets).not.toContain('threw instead of returning a token');
    const oidcOnly = await bundle('oidconly');
    expect(oidcOnly).toContain('the accessToken option');
    expect(oidcOnly).toContain('threw instead of returning a token');
    expect(oidcOnly).not.toContain('client_credentials');
    expect(oidcOnly).not.toContain('createTokenManager');
    expect(oidcOnly).not.toContain('Basic ');
    expect(await bundle('sec30')).toContain('the accessToken option');
  });
});
