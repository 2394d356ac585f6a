// `svcgen scaffold` on the acme fixture: the file it creates type-checks and serves real requests
// through the generated client; later runs only add (edited handlers stay byte-for-byte), the same
// run twice changes nothing, a smaller request removes nothing, and bad input exits 2 naming the
// option or file. The merge is also checked on hand-written files in other styles.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runScaffold } from '../../../generator/scaffold/command.ts';
import { mergeScaffold, type MergeRequest } from '../../../generator/scaffold/merge.ts';
import { createWebhookRouter, type WebhookHandlers } from '../../../runtime/webhooks/router.ts';
import { createAcmeProject, typeErrors, type AcmeProject } from './acme-project.ts';

// Each test runs the generator or the compiler; a loaded 2-core CI machine needs more than 5 s.
vi.setConfig({ testTimeout: 60_000 });

let project: AcmeProject;
const OUT = 'src/acme-routes.ts';
const FIRST = ['--vendor', 'acme', '--out', OUT, '--operation', 'CreateWidget', '--webhooks', '--event', 'widget.created'];
const SECOND = ['--vendor', 'acme', '--out', OUT, '--operation', 'CreateWidget', '--operation', 'ListWidgets', '--event', 'widget.created', '--event', 'widget.deleted'];

beforeAll(async () => {
  project = await createAcmeProject('scaffold');
  vi.stubEnv('SVCGEN_SPEC_MIRROR', project.mirror);
}, 120_000);

afterAll(() => {
  vi.unstubAllEnvs();
  project?.remove();
});

async function svcgen(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runScaffold(args, {
    cwd: project.root,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

const file = () => join(project.root, OUT);
const read = () => readFileSync(file(), 'utf8');

/** `before` is a subsequence of `after`: the change only inserted text, deleted or altered none. */
function onlyInserted(before: string, after: string): boolean {
  let at = 0;
  for (const char of before) {
    at = after.indexOf(char, at);
    if (at === -1) return false;
    at++;
  }
  return true;
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('svcgen scaffold on the acme fixture', () => {
  it('creates a routes file that type-checks, with a route per operation and a typed webhook handler', async () => {
    const first = await svcgen(FIRST);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^created src\/acme-routes\.ts\n/);
    const text = read();
    // Chained on the app (so `hc<AppType>` infers it), the body checked by the operation's zod schema.
    expect(text).toContain(
      "const routes = app\n  // svcgen:route CreateWidget POST /v1/widgets\n  .post('/v1/widgets', jsonBody<operations['CreateWidget']>(CreateWidgetRequest), async (c) => {",
    );
    expect(text).toContain('export type AppType = typeof routes;');
    expect(text).toContain("import { createWidget } from '../generated/acme/operations.js';");
    expect(text).toContain("import { CreateWidgetRequest } from '../generated/acme/schemas.js';");
    // Every secret the file reads is declared.
    expect(text).toContain("secret: { env: 'ACME_WEBHOOK_SECRET' }");
    expect(text).toMatch(/export interface Bindings \{\n  ACME_API_KEY: string;\n[^}]*  ANALYTICS\?: AnalyticsEngineDatasetLike;\n  ACME_WEBHOOK_SECRET: string;\n\}/);
    // Outbound attempts and webhook outcomes go to the optional Analytics Engine binding it declares.
    expect(text).toContain('onEvent: toAnalyticsSink(c.env.ANALYTICS)?.onEvent,');
    expect(text).toContain("    analytics: { env: 'ANALYTICS' },\n");
    expect(first.stdout).toContain('  + binding ACME_WEBHOOK_SECRET in Bindings\n');
    expect(text).toContain("import { createAcmeWebhookRoutes } from '../generated/acme/routes.ts';");
    expect(text).toContain("    handlers: {\n      'widget.created': async (event) => {");
    expect(await typeErrors([file()])).toEqual([]);
  }, 120_000);

  it("chains the routes so Hono's hc client infers their input and output", async () => {
    const check = join(project.root, 'src/hc-check.ts');
    writeFileSync(
      check,
      `import { hc } from 'hono/client';
import type { AppType } from './acme-routes.ts';

const api = hc<AppType>('https://worker.test');

export async function calls(): Promise<string> {
  const created = await api.v1.widgets.$post({ json: { name: 'Sprocket' } });
  const widget = await created.json();
  const id: string = widget.id;
  // @ts-expect-error the body is typed from the operation: name is a string
  await api.v1.widgets.$post({ json: { name: 42 } });
  // @ts-expect-error the body is required
  await api.v1.widgets.$post({});
  // @ts-expect-error no such route
  await api.v1.gadgets.$get();
  return id;
}
`,
    );
    expect(await typeErrors([file(), check])).toEqual([]);
  }, 120_000);

  it('serves requests through the generated client, vendor errors mapped', async () => {
    const sent: { url: string; auth: string | null; body: string }[] = [];
    vi.stubGlobal('fetch', async (request: Request) => {
      sent.push({ url: request.url, auth: request.headers.get('authorization'), body: await request.text() });
      const body = JSON.parse(sent.at(-1)!.body || '{}');
      if (body.name === 'taken') return Response.json({ message: 'name taken' }, { status: 409 });
      return Response.json({ id: 'wid_1', name: body.name }, { status: 201 });
    });
    try {
      // A copy, so this module instance (and its cached client) is private to the test.
      const copy = join(project.root, 'src/acme-routes.served.ts');
      writeFileSync(copy, read());
      const app = (await import(/* @vite-ignore */ pathToFileURL(copy).href)).default as { request: (p: string, i: RequestInit, e: unknown) => Promise<Response> };
      const env = { ACME_API_KEY: 'sk_test_scaffold' };
      const ok = await app.request('/v1/widgets', { method: 'POST', body: JSON.stringify({ name: 'Sprocket' }) }, env);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ id: 'wid_1', name: 'Sprocket' });
      expect(sent[0]).toMatchObject({ url: 'https://api.acme.test/v1/widgets', auth: 'Bearer sk_test_scaffold' });
      expect(JSON.parse(sent[0]!.body)).toEqual({ name: 'Sprocket' });
      const conflict = await app.request('/v1/widgets', { method: 'POST', body: JSON.stringify({ name: 'taken' }) }, env);
      expect(conflict.status).toBe(409);
      const malformed = await app.request('/v1/widgets', { method: 'POST', body: '{not json' }, env);
      expect(malformed.status).toBe(400);
      // Bodies the operation's zod schema refuses: 400 with the issues (where and what), no vendor call.
      const wrongType = await app.request('/v1/widgets', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 42 }) }, env);
      expect(wrongType.status).toBe(400);
      const answer = (await wrongType.json()) as { error: string; operation: string; issues: { location: string; path: string[]; code: string }[] };
      expect(answer).toMatchObject({ error: 'invalid_request', operation: 'CreateWidget' });
      expect(answer.issues).toContainEqual(expect.objectContaining({ location: 'body', path: ['name'], code: 'invalid_type' }));
      const missing = await app.request('/v1/widgets', { method: 'POST', body: JSON.stringify({}) }, env);
      expect(missing.status).toBe(400);
      const empty = await app.request('/v1/widgets', { method: 'POST' }, env);
      expect(empty.status).toBe(400);
      expect(sent).toHaveLength(2);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('adds a new operation and event on a second run, keeping edited handlers byte-for-byte', async () => {
    const generatedBody = "    const data = await createWidget(client(c), {\n      body: c.req.valid('json'),\n    });\n    return c.json(data);\n";
    const editedBody = [
      "    const input = c.req.valid('json');",
      "    if (input.name.trim() === '') return c.json({ error: 'name is required' }, 400);",
      '    // Mine: trim names before they reach Acme.',
      '    const data = await createWidget(client(c), { body: { name: input.name.trim() } });',
      '    return c.json({ widget: data }, 201);',
      '',
    ].join('\n');
    const editedEvent = "      'widget.created': async (event) => {\n        console.log('created', event.data.object.id);\n      },\n";
    let text = read();
    expect(text).toContain(generatedBody);
    text = text.replace(generatedBody, editedBody);
    text = text.replace(/      'widget\.created': async \(event\) => \{\n[\s\S]*?\n      \},\n/, editedEvent);
    text = text.replace('export default app;', "app.get('/health', (c) => c.text('ok'));\n\nexport default app;");
    writeFileSync(file(), text);

    const second = await svcgen(SECOND);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('updated src/acme-routes.ts');
    expect(second.stdout).toContain('+ route ListWidgets');
    expect(second.stdout).toContain('+ webhook handler widget.deleted');
    expect(second.stdout).toContain('= route CreateWidget is already there');
    const after = read();
    expect(after).toContain(`.post('/v1/widgets', jsonBody<operations['CreateWidget']>(CreateWidgetRequest), async (c) => {\n${editedBody}  })`);
    // The new route is a link of the same chain, after the edited one.
    expect(after).toMatch(/\n {2}\}\)\n {2}\/\/ svcgen:route ListWidgets GET \/v1\/widgets\n {2}\.get\('\/v1\/widgets', async \(c\) => \{/);
    expect(after).toContain(editedEvent);
    expect(after).toContain("app.get('/health', (c) => c.text('ok'));");
    expect(onlyInserted(text, after)).toBe(true);
    expect(count(after, '// svcgen:route CreateWidget')).toBe(1);
    expect(count(after, '// svcgen:route ListWidgets GET /v1/widgets')).toBe(1);
    expect(count(after, "'widget.deleted': async (event) =>")).toBe(1);
    expect(after).toContain("import { createWidget, listWidgets } from '../generated/acme/operations.js';");
    expect(await typeErrors([file()])).toEqual([]);
  }, 120_000);

  it('changes nothing when run again with the same arguments', async () => {
    const before = read();
    const again = await svcgen(SECOND);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^unchanged src\/acme-routes\.ts: nothing to add\n/);
    expect(read()).toBe(before);
  });

  it('removes nothing when an operation or event is no longer requested, and says so', async () => {
    const before = read();
    const smaller = await svcgen(['--vendor', 'acme', '--out', OUT, '--operation', 'ListWidgets', '--event', 'widget.deleted']);
    expect(smaller.code).toBe(0);
    expect(read()).toBe(before);
    expect(smaller.stdout).toContain('not requested, kept (scaffold never removes code): route CreateWidget\n');
    expect(smaller.stdout).toContain('not requested, kept (scaffold never removes code): webhook handler widget.created\n');
  });

  it('recognises a route by method and path when its marker is gone', async () => {
    const withoutMarker = read().replace('// svcgen:route ListWidgets GET /v1/widgets\n', '');
    writeFileSync(file(), withoutMarker);
    const again = await svcgen(['--vendor', 'acme', '--out', OUT, '--operation', 'ListWidgets']);
    expect(again.code).toBe(0);
    expect(read()).toBe(withoutMarker);
  });

  it('writes nothing with --dry-run', async () => {
    const target = join(project.root, 'src/dry.ts');
    const dry = await svcgen(['--vendor', 'acme', '--out', 'src/dry.ts', '--operation', 'ListWidgets', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('would create src/dry.ts');
    expect(existsSync(target)).toBe(false);
  });
});

describe('svcgen scaffold: bad input exits 2 and names the option or file', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown vendor', ['--vendor', 'globex', '--out', 'src/x.ts'], /--vendor: unknown vendor 'globex'.*acme/],
    ['unknown operation', ['--vendor', 'acme', '--out', 'src/x.ts', '--operation', 'CreateWidgets'], /--operation: unknown operation 'CreateWidgets' of acme \(did you mean: CreateWidget\?\)/],
    ['unknown event', ['--vendor', 'acme', '--out', 'src/x.ts', '--event', 'widget.exploded'], /--event: unknown acme webhook event 'widget\.exploded'.*widget\.created/],
    ['missing --out', ['--vendor', 'acme'], /missing --out FILE[\s\S]*Usage: svcgen scaffold/],
    ['unknown option', ['--vendor', 'acme', '--out', 'src/x.ts', '--nope'], /Unknown option '--nope'/],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const outcome = await svcgen(args);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toMatch(message);
      expect(existsSync(join(project.root, 'src/x.ts'))).toBe(false);
    });
  }

  it('a handler map that is not an object literal: its path and line, and the file untouched', async () => {
    mkdirSync(join(project.root, 'src'), { recursive: true });
    const custom = "import { Hono } from 'hono';\nconst app = new Hono();\nconst handlers = {};\napp.route('/', createAcmeWebhookRoutes({ secret: 's', handlers }));\n";
    writeFileSync(join(project.root, 'src/custom.ts'), custom);
    const outcome = await svcgen(['--vendor', 'acme', '--out', 'src/custom.ts', '--event', 'widget.deleted']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/src\/custom\.ts:4: cannot add webhook handlers/);
    expect(readFileSync(join(project.root, 'src/custom.ts'), 'utf8')).toBe(custom);
  });

  it('a file that does not parse: its path and line, and the file untouched', async () => {
    mkdirSync(join(project.root, 'src'), { recursive: true });
    const broken = "import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/x', (c) => {\n";
    writeFileSync(join(project.root, 'src/broken.ts'), broken);
    const outcome = await svcgen(['--vendor', 'acme', '--out', 'src/broken.ts', '--operation', 'ListWidgets']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/src\/broken\.ts:\d+:\d+: not parseable as TypeScript/);
    expect(readFileSync(join(project.root, 'src/broken.ts'), 'utf8')).toBe(broken);
  });
});

describe('merging into hand-written files keeps their style', () => {
  const request = (over: Partial<MergeRequest>): MergeRequest => ({
    model: project.model,
    document: project.document,
    operations: [],
    webhooks: false,
    events: [],
    generatedSpecifier: '../gen/acme',
    ...over,
  });
  const op = (id: string) => project.model.operations.find((o) => o.id === id)!;

  it('extends a multi-line import without a trailing comma, on a differently named app', () => {
    const text = [
      "import { Hono } from 'hono';",
      'import {',
      '  createWidget',
      "} from '../gen/acme/operations.js';",
      '',
      'const api = new Hono();',
      '',
      "api.post('/v1/widgets', async (c) => c.json(await createWidget(client(c), { body: { name: 'x' } })));",
      '',
    ].join('\n');
    const merged = mergeScaffold('routes.ts', text, request({ operations: [op('CreateWidget'), op('ListWidgets')] }));
    expect(merged.presentRoutes).toEqual(['CreateWidget']);
    expect(merged.addedRoutes).toEqual(['ListWidgets']);
    expect(merged.text).toContain("import {\n  createWidget,\n  listWidgets\n} from '../gen/acme/operations.js';");
    expect(merged.text).toContain(
      "api.post('/v1/widgets', async (c) => c.json(await createWidget(client(c), { body: { name: 'x' } })));\n\n// svcgen:route ListWidgets GET /v1/widgets\napi.get('/v1/widgets', async (c) => {",
    );
    expect(onlyInserted(text, merged.text)).toBe(true);
  });

  it('adds handlers to a map without a trailing comma, and to an empty one', () => {
    const tail = "const app = new Hono();\nexport default app;\n";
    const noComma = `app.route('/', createAcmeWebhookRoutes({\n  secret: 's',\n  handlers: {\n    'widget.created': () => {}\n  }\n}));\n${tail}`;
    const merged = mergeScaffold('routes.ts', noComma, request({ webhooks: true, events: ['widget.created', 'widget.deleted'] }));
    expect(merged.addedEvents).toEqual(['widget.deleted']);
    expect(merged.text).toContain("    'widget.created': () => {},\n    'widget.deleted': async (event) => {\n");
    expect(merged.text).toContain('      void event;\n    }\n  }\n}));');
    expect(merged.addedImports).toEqual([]); // createAcmeWebhookRoutes was not imported here, but the call exists: left alone

    const empty = `app.route('/', createAcmeWebhookRoutes({ secret: 's', handlers: {} }));\n${tail}`;
    const filled = mergeScaffold('routes.ts', empty, request({ webhooks: true, events: ['widget.deleted'] }));
    expect(filled.text).toContain("handlers: {\n  'widget.deleted': async (event) => {\n    // TODO: handle widget.deleted.");
    expect(mergeScaffold('routes.ts', filled.text, request({ webhooks: true, events: ['widget.deleted'] })).text).toBe(filled.text);
  });

  it('writes the handler of an event named __proto__ as an own key of the map, so the router dispatches to it', () => {
    const empty = "app.route('/', createAcmeWebhookRoutes({ secret: 's', handlers: {} }));\nconst app = new Hono();\nexport default app;\n";
    const events = ['__proto__', 'constructor'];
    const merged = mergeScaffold('routes.ts', empty, request({ webhooks: true, events }));
    const map = /handlers: (\{[\s\S]*\}) \}\)\);/.exec(merged.text)![1]!;
    const router = createWebhookRouter(new Function(`return ${map};`)() as WebhookHandlers<Record<string, unknown>>, { discriminator: 'type' });
    expect(events.map((event) => router.handles(event))).toEqual([true, true]);
    expect(mergeScaffold('routes.ts', merged.text, request({ webhooks: true, events })).text).toBe(merged.text);
  });

  it('adds the webhook section, its import and needed helpers to a file that has none', () => {
    const text = "import { Hono } from 'hono';\n\nconst app = new Hono();\n\nexport default app;\n";
    const merged = mergeScaffold('routes.ts', text, request({ operations: [op('CreateWidget')], webhooks: true, events: [] }));
    expect(merged.addedWebhookSection).toBe(true);
    expect(merged.addedHelpers).toEqual(['checked', 'jsonBody']);
    expect(merged.addedImports.sort()).toEqual([
      'CreateWidgetRequest',
      'HTTPException',
      'OperationInit',
      'OperationValidator',
      'RequestInput',
      'ValidationError',
      'createAcmeWebhookRoutes',
      'createWidget',
      'operations',
      'validateRequest',
      'validator',
    ]);
    expect(merged.text).toContain("import { Hono } from 'hono';\nimport { createWidget } from '../gen/acme/operations.js';");
    expect(merged.text).toContain("import { CreateWidgetRequest } from '../gen/acme/schemas.js';");
    expect(merged.text).toContain("import type { operations } from '../gen/acme/types.js';");
    // No route chain in this file: the route is a statement, as the file's own routes would be.
    expect(merged.text).toContain("app.post('/v1/widgets', jsonBody<operations['CreateWidget']>(CreateWidgetRequest), async (c) => {");
    expect(merged.text).toContain("import { createAcmeWebhookRoutes } from '../gen/acme/routes.ts';");
    expect(merged.text).toContain("import { HTTPException } from 'hono/http-exception';");
    expect(merged.text).toContain('    handlers: {},\n'); // no AppEnv in this file, so no type argument either
    expect(merged.text).toContain('  createAcmeWebhookRoutes({\n');
    expect(onlyInserted(text, merged.text)).toBe(true);
    expect(merged.text.indexOf('function jsonBody<Op>(')).toBeLessThan(merged.text.indexOf('const app = new Hono();'));
    expect(merged.addedBindings).toEqual([]); // no Bindings interface in this file to declare it in
    expect(merged.text).toMatch(/\}\);\n\n\/\/ svcgen:webhooks POST \/webhooks\/acme[^\n]*\napp\.route\(\n[\s\S]*handlers: \{\},\n  \}\),\n\);\n\nexport default app;\n$/);
    expect(mergeScaffold('routes.ts', merged.text, request({ operations: [op('CreateWidget')], webhooks: true })).text).toBe(merged.text);
  });

  it('orders a literal path before a parameter path that would answer it, and reports routes already shadowed', () => {
    const list = op('ListWidgets');
    const byId: typeof list = {
      ...list,
      id: 'GetWidget',
      functionName: 'getWidget',
      path: '/v1/widgets/{widget}',
      parameters: [{ name: 'widget', in: 'path', required: true, style: 'simple', explode: false, schema: { type: 'string' }, role: 'param' }],
    };
    delete byId.pagination;
    const search: typeof list = { ...byId, id: 'SearchWidgets', functionName: 'searchWidgets', path: '/v1/widgets/search', parameters: [] };
    const text = "import { Hono } from 'hono';\nconst app = new Hono();\nexport default app;\n";
    const fresh = mergeScaffold('routes.ts', text, request({ operations: [byId, search] }));
    expect(fresh.addedRoutes).toEqual(['SearchWidgets', 'GetWidget']);
    expect(fresh.text.indexOf("app.get('/v1/widgets/search'")).toBeLessThan(fresh.text.indexOf("app.get('/v1/widgets/:widget'"));
    expect(fresh.shadowed).toEqual([]);

    const handWritten = "import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/v1/widgets/:id', (c) => c.text(c.req.param('id')));\nexport default app;\n";
    const later = mergeScaffold('routes.ts', handWritten, request({ operations: [byId, search] }));
    expect(later.presentRoutes).toEqual(['GetWidget']); // same route, whatever its parameter is called
    expect(later.addedRoutes).toEqual(['SearchWidgets']);
    expect(later.shadowed).toEqual([{ id: 'SearchWidgets', by: 'GET /v1/widgets/:id' }]);
  });
});
