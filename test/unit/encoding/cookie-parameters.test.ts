// Cookie parameters (test/fixtures/cookie-parameters), which openapi-fetch drops: the generated
// client sends them in the Cookie header, with a cookie API key and a caller's own Cookie header
// joined, and Hono's cookie reader (an independent parser, hono/cookie) reads back every value
// the caller gave; the zod request validator checks them. Operations without cookie parameters
// keep the plain header encoder.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validation } from '../../../runtime/validation.ts';
import { createSpecProject, ROOT, type SpecProject } from '../auth/spec-project.ts';

let project: SpecProject;

beforeAll(async () => {
  project = await createSpecProject('cookie-parameters', [{ vendor: 'prefs', displayName: 'Prefs', example: join(ROOT, 'test/fixtures/cookie-parameters/cookie-parameters.json') }]);
}, 120_000);

afterAll(() => project?.remove());

/** What a Hono route reads from the request one call of `GET path` sends: every cookie, and two headers. */
async function served(path: string, init: object, options: object = {}): Promise<{ cookies: Record<string, string>; header: string | null; trace: string | null }> {
  const app = new Hono();
  app.get('*', (c) => c.json({ cookies: getCookie(c), header: c.req.header('cookie') ?? null, trace: c.req.header('x-trace') ?? null }));
  let seen: Awaited<ReturnType<typeof served>> | undefined;
  const fetch = async (request: Request) => {
    seen = await (await app.fetch(request)).json();
    return Response.json({});
  };
  const vendor = project.vendors.prefs!;
  const client = vendor.create({ baseUrl: 'https://api.prefs.test', fetch, retry: false, logger: false, ...options });
  await vendor.operation('GET', path)(client, init);
  return seen!;
}

describe('cookie parameters', () => {
  it('reach the server, each style as a cookie reader reads it, joined with the cookie API key', async () => {
    const cookie = { theme: 'dark; mode', ids: [1, 2], tags: ['a b', 'c'], size: { w: 3, h: 4 }, color: { R: 100, G: 200 }, q: { page: 2 } };
    const got = await served('/prefs', { params: { cookie, header: { 'x-trace': ['t1', 't2'] } } }, { apiKey: 'key-1' });
    // Hono keeps the first of repeated names (tags); the raw header below has both.
    expect(got.cookies).toEqual({ theme: 'dark; mode', ids: '1,2', tags: 'a b', w: '3', h: '4', color: 'R,100,G,200', q: '{"page":2}', sid: 'key-1' });
    expect(got.header).toBe('theme=dark%3B%20mode; ids=1,2; tags=a%20b; tags=c; w=3; h=4; color=R,100,G,200; q=%7B%22page%22%3A2%7D; sid=key-1');
    expect(got.trace).toBe('t1,t2');
  });

  it("follow a Cookie header the caller set, and leave out null, undefined and empty arrays", async () => {
    const got = await served('/prefs', { params: { cookie: { theme: 'light', ids: [], tags: undefined, size: null }, header: { Cookie: 'own=1' } } }, { apiKey: 'key-1' });
    expect(got.header).toBe('own=1; theme=light; sid=key-1');
  });

  it('are validated by the request validator when validation is on', async () => {
    const { validators } = await import(join(project.root, 'generated/prefs/schemas.js'));
    const validate = validation(validators);
    await expect(served('/prefs', { params: { cookie: { ids: ['one'] } } }, { apiKey: 'k', validate })).rejects.toThrow(/cookie\.theme[\s\S]*cookie\.ids\[0\]|cookie\.ids\[0\][\s\S]*cookie\.theme/);
    await expect(served('/prefs', { params: { cookie: { theme: 'dark', ids: [1] } } }, { apiKey: 'k', validate })).resolves.toBeDefined();
  });

  it('are encoded only for operations that have them', () => {
    const js = readFileSync(join(project.root, 'generated/prefs/operations.js'), 'utf8');
    expect(js).toMatch(/getPrefsMeta = \{[^\n]*encodeHeaders: \/\* @__PURE__ \*\/ \$styledCookies\(\{ theme: \{ style: 'form', explode: true \}, ids: \{ style: 'form', explode: false \}, [^\n]*q: \{ style: 'json', explode: false \} \}, \{ 'x-trace': false \}\) \};/);
    expect(js).toMatch(/getPlainMeta = \{[^\n]*encodeHeaders: \/\* @__PURE__ \*\/ \$styledHeaders\(\{ 'x-trace': false \}\) \};/);
  });
});
