// What a Worker bundles is decided at generation time: each operation's metadata names the
// encoders (form, multipart, styled query, strict path) and the idempotency-key code it needs,
// and the generated client the auth scheme kinds its spec declares. Bundling the client with one
// operation must then pull in exactly those runtime modules (esbuild's metafile lists them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpecProject, type SpecProject } from '../auth/spec-project.ts';
import { bundleOperation } from './worker-bundle.ts';

let project: SpecProject;

beforeAll(async () => {
  project = await createSpecProject('bundle-selection', [{ vendor: 'petshop', displayName: 'Petshop', example: '3.0/json/petstore.json' }]);
}, 120_000);

afterAll(() => project?.remove());

/** The runtime modules (`runtime/…`) a Worker calling `METHOD path` through the client bundles. */
async function runtimeModules(method: string, route: string): Promise<string[]> {
  return (await bundleOperation(project, 'petshop', 'Petshop', method, route)).modules;
}

const ENCODERS = ['runtime/encoding/form.ts', 'runtime/encoding/multipart.ts', 'runtime/encoding/path.ts', 'runtime/encoding/query.ts'];
const OTHER_AUTH = ['runtime/auth/basic.ts', 'runtime/auth/oauth2.ts', 'runtime/auth/token-exchange.ts'];

describe('a Worker bundles the runtime pieces its operations use', () => {
  it('a JSON body without path parameters: no encoder, no body-field key, only the spec’s scheme kinds (apiKey; the access token of its implicit OAuth2 scheme, placed as bearer)', async () => {
    const modules = await runtimeModules('POST', '/store/order');
    expect(modules).toEqual(
      expect.arrayContaining(['runtime/client.ts', 'runtime/pipeline.ts', 'runtime/auth/scheme-auth.ts', 'runtime/auth/api-key.ts', 'runtime/auth/access-token.ts', 'runtime/auth/bearer-scheme.ts']),
    );
    for (const unused of [...ENCODERS, ...OTHER_AUTH, 'runtime/policy/body-field-key.ts']) expect(modules).not.toContain(unused);
  });

  it('an array query parameter brings the query encoder (with the form helpers it shares), not the multipart or path encoder', async () => {
    const modules = await runtimeModules('GET', '/pet/findByStatus');
    expect(modules).toContain('runtime/encoding/query.ts');
    for (const unused of ['runtime/encoding/multipart.ts', 'runtime/encoding/path.ts']) expect(modules).not.toContain(unused);
  });

  it('a form body on a templated path brings the form and path encoders, not multipart', async () => {
    const modules = await runtimeModules('POST', '/pet/{petId}');
    expect(modules).toEqual(expect.arrayContaining(['runtime/encoding/form.ts', 'runtime/encoding/path.ts']));
    expect(modules).not.toContain('runtime/encoding/multipart.ts');
    expect(modules).not.toContain('runtime/encoding/query.ts');
  });

  it('a multipart/form-data body brings the multipart encoder, not the one for other multipart types', async () => {
    const modules = await runtimeModules('POST', '/pet/{petId}/uploadImage');
    expect(modules).toContain('runtime/encoding/multipart.ts');
    expect(modules).not.toContain('runtime/encoding/multipart-declared.ts');
  });
});
