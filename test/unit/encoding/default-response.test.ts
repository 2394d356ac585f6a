// An operation that declares only a `default` response reads its success answer as that
// response's media type says (OpenAPI: `default` covers the codes not declared, successes
// included). Found by the corpus Prism stage on a real spec whose HTML and file downloads declare
// only `default`: the generated client parsed the text/html and octet-stream answers as JSON and
// threw a SyntaxError. With a 2xx response declared, that one decides, whatever `default` says.
// The fixture (test/fixtures/default-response/openapi.json) is hand-made.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureVendor } from './sent-request.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/default-response/openapi.json', import.meta.url));

const fixture = fixtureVendor('default-response', 'defaults', 'Defaults', FIXTURE);

async function call(path: string, answer: string, contentType: string): Promise<unknown> {
  const fetch = async () => new Response(answer, { status: 200, headers: { 'content-type': contentType } });
  const client = fixture.vendor.create({ baseUrl: 'https://api.defaults.test', fetch, retry: false, logger: false });
  return fixture.vendor.operation('GET', path)(client, {});
}

describe('success answers described by `default` only', () => {
  it('text/html is read as text', async () => {
    expect(await call('/login.html', '<p>sign in</p>', 'text/html')).toBe('<p>sign in</p>');
  });

  it('application/octet-stream is read as a Blob', async () => {
    const data = await call('/store.p12', 'PKCS12', 'application/octet-stream');
    expect(data).toBeInstanceOf(Blob);
    expect(await (data as Blob).text()).toBe('PKCS12');
  });

  it('a declared 200 decides over `default`', async () => {
    expect(await call('/status', '{"ok":true}', 'application/json')).toEqual({ ok: true });
  });
});
