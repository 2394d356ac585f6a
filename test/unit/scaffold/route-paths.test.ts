// `svcgen scaffold` (and `svcgen init`, which uses it) on route shapes found by the init sweep
// (fixture test/fixtures/scaffold-routes, hand-made, added with `svcgen add` as a user would):
// - a path key with a `#` fragment (`/tags/{arn}#tagKeys`): the route is the path the client sends,
//   the part before the `#` (the fragment was written into the Hono pattern, so every request
//   answered 404); so is a key's constant query string (`/weather?lat={lat}`, its `{lat}` read from
//   the query string);
// - two operations whose keys differ only after the `#` (box.com's `POST /oauth2/token` and
//   `/oauth2/token#refresh`) are one route: both are written and the second is reported, in one run,
//   in a later run, and by `svcgen init` (which printed nothing of what the scaffold reported);
// - a literal route beside a parameter route whose pattern matches it (`/items/search.json`,
//   `/items/{id}.json`): the literal goes first (it went after, and getItem answered the search with
//   "parameter 'id' must be a number"), and one added after such a route in the file is reported;
// - a required cookie parameter is read from the request's cookies and checked (the route called
//   the operation without its params and did not type-check); an optional one is named in a comment.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadScaffoldModel } from '../../../generator/scaffold/load-model.ts';
import { mergeScaffold } from '../../../generator/scaffold/merge.ts';
import { addedProject, type AddedProject, type Said } from './added-project.ts';
import { ROOT, typeErrors } from './acme-project.ts';

vi.setConfig({ testTimeout: 60_000 });

const run = promisify(execFile);
const BIN = join(ROOT, 'bin/svcgen.js');
const BASE = 'https://api.routes.test';
let project: AddedProject;
let root = '';
let mirror = '';

const svcgen = (args: string[]): Promise<Said> => project.scaffold(args);

/** `svcgen scaffold --vendor routes --out OUT --operation …`, which must succeed. */
async function scaffold(out: string, ...ids: string[]): Promise<string> {
  const result = await svcgen(['--vendor', 'routes', '--out', out, ...ids.flatMap((id) => ['--operation', id])]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

const read = (out: string) => project.read(out);

interface Sent {
  method: string;
  url: string;
  cookie: string | null;
}

async function serve(out: string, requests: [method: string, path: string, init?: { headers?: Record<string, string>; body?: string }][]) {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    sent.push({ method: request.method, url: request.url, cookie: request.headers.get('cookie') });
    return request.method === 'DELETE' ? new Response(null, { status: 204 }) : Response.json({ ok: true });
  });
  try {
    const app = await project.app(out);
    const answers: string[] = [];
    for (const [method, path, init] of requests) {
      const response = await app.request(path, { method, ...init }, {});
      answers.push(`${method} ${path} → ${response.status} ${await response.text()}`.trimEnd());
    }
    return { answers, sent };
  } finally {
    vi.unstubAllGlobals();
  }
}

beforeAll(async () => {
  project = await addedProject('scaffold-routes', 'routes', join(ROOT, 'test/fixtures/scaffold-routes/openapi.json'));
  ({ root, mirror } = project);
  vi.stubEnv('SVCGEN_SPEC_MIRROR', mirror);
}, 120_000);

afterAll(() => {
  vi.unstubAllEnvs();
  project?.remove();
});

describe('scaffolded routes answer the requests the generated client sends', () => {
  it('routes a path key with a # fragment, or a constant query string, at the path before it', async () => {
    const out = 'src/fragment.ts';
    const said = await scaffold(out, 'deleteTags', 'getWeather');
    expect(said).not.toContain('!');
    const text = read(out);
    expect(text).toContain("  // svcgen:route deleteTags DELETE /tags/{arn}#tagKeys\n  .delete('/tags/:arn', async (c) => {\n");
    expect(text).toContain("  .get('/weather', async (c) => {\n");
    expect(text).toContain("params: { path: { lat: toNumber(required(c.req.query('lat'), 'lat'), 'lat') } },");
    expect(await typeErrors([join(root, out)])).toEqual([]);

    const { answers, sent } = await serve(out, [
      ['DELETE', '/tags/arn1?tagKeys=a&tagKeys=b'],
      ['GET', '/weather?lat=52.5'],
      ['GET', '/weather'],
    ]);
    expect(answers).toEqual([
      'DELETE /tags/arn1?tagKeys=a&tagKeys=b → 204',
      'GET /weather?lat=52.5 → 200 {"ok":true}',
      `GET /weather → 400 missing parameter 'lat'`,
    ]);
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual([`DELETE ${BASE}/tags/arn1?tagKeys=a&tagKeys=b`, `GET ${BASE}/weather?lat=52.5`]);
  });

  it('writes both operations whose path keys differ only after the #, and says the second is never reached', async () => {
    const out = 'src/token.ts';
    const said = await scaffold(out, 'getToken', 'refreshToken');
    expect(said).toContain('  + route getToken\n  + route refreshToken\n');
    expect(said).toContain(
      "  ! route refreshToken has the same method and path as 'POST /oauth2/token' (route getToken), which Hono matches first: no request reaches refreshToken (serve both from one route, or give refreshToken a path of its own)\n",
    );
    const text = read(out);
    expect(text.match(/\.post\('\/oauth2\/token', /g)).toHaveLength(2);
    expect(text).toContain('// svcgen:route refreshToken POST /oauth2/token#refresh\n');
    expect(await typeErrors([join(root, out)])).toEqual([]);
    // The JSON summary says so too.
    const json = await svcgen(['--vendor', 'routes', '--out', 'src/token-json.ts', '--operation', 'getToken', '--operation', 'refreshToken', '--json', '--dry-run']);
    expect(JSON.parse(json.stdout).shadowed).toEqual([{ id: 'refreshToken', by: 'POST /oauth2/token', byRoute: 'getToken', identical: true }]);
    // A re-run finds both by their markers.
    expect(await scaffold(out, 'getToken', 'refreshToken')).toMatch(/^unchanged src\/token\.ts: nothing to add\n/);
    // getToken's route answers: its body check names it.
    const { answers, sent } = await serve(out, [
      ['POST', '/oauth2/token', { body: '{"code":"c1"}' }],
      ['POST', '/oauth2/token', { body: '[]' }],
    ]);
    expect(answers[0]).toBe('POST /oauth2/token → 200 {"ok":true}');
    expect(answers[1]).toMatch(/^POST \/oauth2\/token → 400 \{"error":"invalid_request","operation":"getToken",/);
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual([`POST ${BASE}/oauth2/token`]);
  });

  it('adds the second in a later run (its route is not "already there") and says the file answers it first', async () => {
    const out = 'src/token-later.ts';
    await scaffold(out, 'getToken');
    const said = await scaffold(out, 'getToken', 'refreshToken');
    expect(said).toContain('  + route refreshToken\n');
    expect(said).toContain('  = route getToken is already there (left as is)\n');
    expect(said).toContain("  ! route refreshToken has the same method and path as 'POST /oauth2/token', which Hono matches first: no request reaches refreshToken");
    expect(read(out).match(/\.post\('\/oauth2\/token', /g)).toHaveLength(2);
  });

  it('takes a hand-written route without a marker as one operation\'s, and adds and reports the other', async () => {
    const { model, document } = await loadScaffoldModel({ root, vendor: 'routes' });
    const operations = ['getToken', 'refreshToken'].map((id) => model.operations.find((o) => o.id === id)!);
    const text = "import { Hono } from 'hono';\nconst app = new Hono();\napp.post('/oauth2/token', (c) => c.text('mine'));\nexport default app;\n";
    const outcome = mergeScaffold('routes.ts', text, { model, document, operations, webhooks: false, events: [], generatedSpecifier: '../generated/routes' });
    expect(outcome.presentRoutes).toEqual(['getToken']);
    expect(outcome.addedRoutes).toEqual(['refreshToken']);
    expect(outcome.shadowed).toEqual([{ id: 'refreshToken', by: 'POST /oauth2/token', identical: true }]);
  });

  it('puts a literal route before a parameter route whose pattern matches it: each request reaches its own operation', async () => {
    const out = 'src/items.ts';
    const said = await scaffold(out, 'getItem', 'searchItems');
    expect(said).not.toContain('!');
    const text = read(out);
    expect(text.indexOf("  .get('/items/search.json', ")).toBeGreaterThan(0);
    expect(text.indexOf("  .get('/items/search.json', ")).toBeLessThan(text.indexOf("  .get('/items/:id{"));
    expect(await typeErrors([join(root, out)])).toEqual([]);
    const { answers, sent } = await serve(out, [
      ['GET', '/items/search.json'],
      ['GET', '/items/12.json'],
    ]);
    expect(answers).toEqual(['GET /items/search.json → 200 {"ok":true}', 'GET /items/12.json → 200 {"ok":true}']);
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual([`GET ${BASE}/items/search.json`, `GET ${BASE}/items/12.json`]);
  });

  it('reports a parameter route in the file whose pattern matches a literal route added after it, and only such a one', async () => {
    const out = 'src/items-later.ts';
    await scaffold(out, 'getItem');
    const said = await scaffold(out, 'searchItems');
    expect(said).toContain(
      "  ! route searchItems comes after 'GET /items/:id{[^\\x2F]+?\\.json}', which Hono matches first: move searchItems above it\n",
    );

    const { model, document } = await loadScaffoldModel({ root, vendor: 'routes' });
    const search = model.operations.filter((o) => o.id === 'searchItems');
    const request = { model, document, operations: search, webhooks: false, events: [], generatedSpecifier: '../generated/routes' };
    const route = (path: string) => `import { Hono } from 'hono';\nconst app = new Hono();\napp.get('${path}', (c) => c.text('mine'));\nexport default app;\n`;
    // Digits only: `search.json` is not one of its paths.
    expect(mergeScaffold('routes.ts', route('/items/:id{[0-9]+\\\\.json}'), request).shadowed).toEqual([]);
    expect(mergeScaffold('routes.ts', route('/items/:file{.+\\\\.json}'), request).shadowed).toEqual([{ id: 'searchItems', by: 'GET /items/:file{.+\\.json}' }]);
    expect(mergeScaffold('routes.ts', route('/items/:name'), request).shadowed).toEqual([{ id: 'searchItems', by: 'GET /items/:name' }]);
  });

  it('reads required cookie parameters from the request, checked, and names the optional ones', async () => {
    const out = 'src/me.ts';
    await scaffold(out, 'getMe');
    const text = read(out);
    expect(text).toContain('    // Optional header: x-trace.\n    // Optional cookie: theme.\n');
    expect(text).toContain("          session: required(getCookie(c, 'session'), 'session'),\n");
    expect(text).toContain("import { getCookie } from 'hono/cookie';\n");
    expect(await typeErrors([join(root, out)])).toEqual([]);

    const { answers, sent } = await serve(out, [
      ['GET', '/me', { headers: { cookie: 'session=abc%20d; count=3; theme=dark' } }],
      ['GET', '/me', { headers: { cookie: 'count=3' } }],
      ['GET', '/me', { headers: { cookie: 'session=s; count=three' } }],
      ['GET', '/me', { headers: { cookie: 'session=s; count=3.5' } }],
    ]);
    expect(answers.slice(0, 3)).toEqual([
      'GET /me → 200 {"ok":true}',
      "GET /me → 400 missing parameter 'session'",
      "GET /me → 400 parameter 'count' must be a number",
    ]);
    // A number, but not the integer the spec says: the operation's cookie schema refuses it.
    expect(answers[3]).toMatch(/^GET \/me → 400 \{"error":"invalid_request","operation":"getMe","issues":\[\{"location":"cookie","path":\["count"\]/);
    // The required cookies, as the client encodes them; the optional one is the route's to pass on.
    expect(sent).toEqual([{ method: 'GET', url: `${BASE}/me`, cookie: 'session=abc%20d; count=3' }]);
  });

  it('svcgen init prints the routes the scaffold reports shadowed', async () => {
    const worker = join(root, 'worker');
    const made = await run(process.execPath, [BIN, 'init', worker, '--vendors', 'routes', '--from', root, '--operation', 'getToken', '--operation', 'refreshToken'], {
      cwd: root,
      env: { ...process.env, SVCGEN_SPEC_MIRROR: mirror },
    });
    // Under the vendor's routes file.
    expect(made.stdout).toMatch(
      /^ {2}src\/routes\/routes\.ts: .*\n {4}! route refreshToken has the same method and path as 'POST \/oauth2\/token' \(route getToken\), which Hono matches first: no request reaches refreshToken /m,
    );
    const json = await run(process.execPath, [BIN, 'init', join(root, 'worker-json'), '--vendors', 'routes', '--from', root, '--operation', 'getToken', '--operation', 'refreshToken', '--json'], {
      cwd: root,
      env: { ...process.env, SVCGEN_SPEC_MIRROR: mirror },
    });
    expect(JSON.parse(json.stdout).routes[0].shadowed).toEqual([{ id: 'refreshToken', by: 'POST /oauth2/token', byRoute: 'getToken', identical: true }]);
  }, 120_000);
});
