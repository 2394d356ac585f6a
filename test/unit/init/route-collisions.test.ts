// `svcgen init` with vendors whose chosen routes meet (found making a Worker from two specs that
// both have `GET /status`, and from two petstores, `GET /pets` in both): Hono answers a request
// with the first route that matches it, so the Worker's src/index.ts, mounting every routes file at
// `/`, sent every `GET /status` to the first vendor and the second's route was dead, silently.
// Now each vendor with a route that matches a request another route matches (another vendor's, the
// same or a parameter route like `/items/:id` beside `/items/special`, or the Worker's own
// `GET /health`) is mounted under its name, init says so, and --json records it; the rest stay at
// the root. The Worker is served here in Node, through its own Hono app, with a fetch stub for the
// vendors: every route answers at the path init reports, from its own vendor, and the webhook
// receiver of a vendor mounted under its name takes a delivery signed as the Worker's own fixture
// and test support sign it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { planMounts, WORKER_ROUTES } from '../../../generator/init/mounts.ts';
import { MemoryBreakerStore } from '../../../runtime/policy/breaker.ts';
import { systemClock } from '../../../runtime/policy/clock.ts';
import { MemoryLimiterStore } from '../../../runtime/policy/rate-limiter.ts';
import { MemoryDedupeStore } from '../../../runtime/webhooks/dedupe.ts';

// src/index.ts re-exports the Durable Object classes, which extend workerd's built-in one.
vi.mock('cloudflare:workers', () => ({ DurableObject: class {} }));

const ROOT = join(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/svcgen.js');
let base = '';
let project = '';
let worker = '';
/** What init printed. */
let said = '';

const ok = { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } };
const get = (operationId: string, parameters: unknown[] = []) => ({ get: { operationId, parameters, responses: ok } });
const spec = (title: string, host: string, paths: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  openapi: '3.1.0',
  info: { title, version: '1' },
  servers: [{ url: `https://${host}` }],
  paths,
  ...extra,
});

const SPECS: Record<string, object> = {
  // ca and cb: `GET /status` both, on different servers (cb also sends signed webhooks).
  ca: spec('Collide A', 'a.example.test', { '/status': get('getStatus'), '/items/{id}': get('getItem', [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]) }),
  cb: spec('Collide B', 'b.example.test', { '/status': get('getStatus') }, {
    webhooks: { 'item.created': { post: { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: { 200: { description: 'ok' } } } } },
    'x-svcgen-webhooks': {
      scheme: { algorithm: 'hmac-sha256', payload: '{body}', signature: { header: 'x-cb-signature', encoding: 'hex' } },
      delivery: 'object',
      discriminator: 'type',
      eventId: 'id',
    },
  }),
  // cc: a literal route that ca's `/items/{id}` also matches.
  cc: spec('Collide C', 'c.example.test', { '/items/special': get('getSpecial') }),
  // cd: the Worker's own `GET /health`.
  cd: spec('Collide D', 'd.example.test', { '/health': get('getHealth') }),
  // ce: meets nobody.
  ce: spec('Collide E', 'e.example.test', { '/e/things': get('getThings') }),
};
const OPERATIONS = ['ca:getStatus', 'getItem', 'cb:getStatus', 'getSpecial', 'getHealth', 'getThings'].flatMap((op) => ['--operation', op]);

function svcgen(args: string[], cwd: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, SVCGEN_SPEC_MIRROR: join(project, 'mirror') };
  return spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8' });
}

beforeAll(() => {
  mkdirSync(join(ROOT, '.svcgen-cache'), { recursive: true });
  base = mkdtempSync(join(ROOT, '.svcgen-cache', 'test-init-collide-'));
  project = join(base, 'project');
  worker = join(base, 'worker');
  mkdirSync(project);
  for (const [vendor, document] of Object.entries(SPECS)) {
    writeFileSync(join(project, `${vendor}.json`), JSON.stringify(document));
    const added = svcgen(['add', vendor, '--spec', `${vendor}.json`], project);
    expect(added.status, added.stderr).toBe(0);
  }
  const made = svcgen(['init', worker, '--vendors', Object.keys(SPECS).join(','), '--from', project, ...OPERATIONS], base);
  expect(made.status, made.stderr).toBe(0);
  said = made.stdout;
  // Installed, the Worker has svcgen in node_modules (hono and zod resolve from the repository's).
  mkdirSync(join(worker, 'node_modules'), { recursive: true });
  symlinkSync(ROOT, join(worker, 'node_modules', 'svcgen'), 'dir');
}, 120_000);

afterAll(() => {
  vi.unstubAllGlobals();
  if (base) rmSync(base, { recursive: true, force: true });
});

/** A Durable Object namespace whose SharedLimiter stubs are in-memory stores. */
function limiterNamespace() {
  const limiter = new MemoryLimiterStore(systemClock);
  const breaker = new MemoryBreakerStore(systemClock);
  return { idFromName: (name: string) => name, get: () => ({ ...limiter, ...breaker }) };
}

/** What the Worker's test/support/deliveries.ts exports, as used here. */
interface WorkerDeliveries {
  fixture(vendor: string): { mount: string; path: string; keys: { verify: string } };
  delivery(f: unknown, event: string, options: { id: string; alter?: (body: string) => string }): Promise<Request>;
}

interface WorkerApp {
  fetch(request: Request, env: unknown, ctx: unknown): Response | Promise<Response>;
}

describe('svcgen init with vendors whose routes meet', () => {
  it('says which vendors it mounts under their own name, and why', () => {
    expect(said).toContain("\n  ! GET /status is a route of ca and cb: ca's routes are mounted under /ca\n");
    expect(said).toContain("\n  ! GET /status is a route of ca and cb: cb's routes are mounted under /cb\n");
    expect(said).toContain("\n  ! GET /items/:id of ca and GET /items/special of cc both match GET /items/special: cc's routes are mounted under /cc\n");
    expect(said).toContain("\n  ! GET /health is a route of the Worker and cd: cd's routes are mounted under /cd\n");
    expect(said.match(/^ {2}! /gm)).toHaveLength(4);
  });

  it('mounts them there in src/index.ts, the others at the root', () => {
    const index = readFileSync(join(worker, 'src', 'index.ts'), 'utf8');
    const mounts = [...index.matchAll(/^app\.route\('([^']*)', (\w+)\);$/gm)].map((m) => `${m[2]} ${m[1]}`);
    expect(mounts).toEqual(['caRoutes /ca', 'cbRoutes /cb', 'ccRoutes /cc', 'cdRoutes /cd', 'ceRoutes /']);
    expect(index).toContain('// Under /cb: GET /status is a route of ca and cb.\n');
    const readme = readFileSync(join(worker, 'README.md'), 'utf8');
    expect(readme).toContain('| cb | `/cb` | GET /status is a route of ca and cb |');
    expect(readme).not.toMatch(/^\| ce \|/m);
  });

  it('serves every route at the path it reports, from its own vendor, and nothing at a shared path', async () => {
    const calls: string[] = [];
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(new Request(input, init).url);
      calls.push(`${url.host}${url.pathname}`);
      return Response.json({ from: url.host });
    });
    const { app } = (await import(join(worker, 'src', 'index.ts'))) as { app: WorkerApp };
    const env = { SHARED_LIMITER: limiterNamespace(), CACHE: { get: async () => null, put: async () => {} }, WEBHOOK_DEDUPE: new MemoryDedupeStore() };
    const ctx = { waitUntil: () => {}, passThroughOnException: () => {} };
    const serve = async (path: string) => {
      calls.length = 0;
      const response = await app.fetch(new Request(`https://worker.test${path}`), env, ctx);
      return { status: response.status, body: await response.text(), calls: [...calls] };
    };
    const vendorAnswer = (host: string, path: string) => ({ status: 200, body: JSON.stringify({ from: host }), calls: [`${host}${path}`] });
    expect(await serve('/ca/status')).toEqual(vendorAnswer('a.example.test', '/status'));
    expect(await serve('/cb/status')).toEqual(vendorAnswer('b.example.test', '/status'));
    expect(await serve('/ca/items/special')).toEqual(vendorAnswer('a.example.test', '/items/special'));
    expect(await serve('/cc/items/special')).toEqual(vendorAnswer('c.example.test', '/items/special'));
    expect(await serve('/cd/health')).toEqual(vendorAnswer('d.example.test', '/health'));
    expect(await serve('/e/things')).toEqual(vendorAnswer('e.example.test', '/e/things'));
    expect(await serve('/health')).toEqual({ status: 200, body: JSON.stringify({ ok: true }), calls: [] });
    // No vendor answers the path two of them have.
    expect(await serve('/status')).toMatchObject({ status: 404, calls: [] });
  });

  it('the receiver of a vendor mounted under its name takes a signed delivery where the Worker\'s fixture says', async () => {
    const support = join(worker, 'test', 'support', 'deliveries.ts');
    const { delivery, fixture } = (await import(support)) as WorkerDeliveries;
    const f = fixture('cb');
    expect([f.mount, f.path]).toEqual(['/cb', '/cb/webhooks/cb']);
    const { app } = (await import(join(worker, 'src', 'index.ts'))) as { app: WorkerApp };
    const env = { SHARED_LIMITER: limiterNamespace(), CACHE: { get: async () => null, put: async () => {} }, WEBHOOK_DEDUPE: new MemoryDedupeStore(), CB_WEBHOOK_SECRET: f.keys.verify };
    const ctx = { waitUntil: () => {}, passThroughOnException: () => {} };
    const signed = await delivery(f, 'item.created', { id: 'evt_collide_1' });
    expect(new URL(signed.url).pathname).toBe('/cb/webhooks/cb');
    expect((await app.fetch(signed, env, ctx)).status).toBe(200);
    const forged = await delivery(f, 'item.created', { id: 'evt_collide_2', alter: (body) => body.replace('evt_collide_2', 'evt_collide_X') });
    expect((await app.fetch(forged, env, ctx)).status).toBe(401);
    // The Worker's own webhook test mounts its probe receiver there too.
    expect(readFileSync(join(worker, 'test', 'webhooks.test.ts'), 'utf8')).toContain("return new Hono<{ Bindings: Env }>().route(\n      '/cb',\n");
  });

  it('records the mounts and why in --json', () => {
    const made = svcgen(['init', join(base, 'json'), '--vendors', 'ca,cb,ce', '--from', project, '--operation', 'ca:getStatus', '--operation', 'cb:getStatus', '--operation', 'getThings', '--json'], base);
    expect(made.status, made.stderr).toBe(0);
    const result = JSON.parse(made.stdout) as { routes: { vendor: string; mount: string }[]; collisions: unknown[] };
    expect(result.routes.map((r) => [r.vendor, r.mount])).toEqual([['ca', '/ca'], ['cb', '/cb'], ['ce', '/']]);
    expect(result.collisions).toEqual([
      { vendor: 'ca', mount: '/ca', route: 'GET /status', with: [{ owner: 'cb', route: 'GET /status' }], reason: 'GET /status is a route of ca and cb' },
      { vendor: 'cb', mount: '/cb', route: 'GET /status', with: [{ owner: 'ca', route: 'GET /status' }], reason: 'GET /status is a route of ca and cb' },
    ]);
  });
});

describe('planMounts', () => {
  const route = (text: string) => ({ method: text.split(' ')[0]!, path: text.split(' ')[1]! });
  const vendor = (name: string, ...routes: string[]) => ({ vendor: name, routes: routes.map(route) });

  it('leaves vendors whose routes meet nobody\'s at the root', () => {
    const plan = planMounts([WORKER_ROUTES], [vendor('a', 'GET /a', 'POST /status'), vendor('b', 'GET /status', 'GET /items/:id'), vendor('c', 'GET /items/:itemId/parts')]);
    expect([...plan.mounts]).toEqual([['a', '/'], ['b', '/'], ['c', '/']]);
    expect(plan.collisions).toEqual([]);
  });

  it('takes routes that differ only in their parameters\' names as one', () => {
    const plan = planMounts([], [vendor('a', 'GET /items/:id'), vendor('b', 'GET /items/:itemId')]);
    expect(plan.collisions.map((c) => c.reason)).toEqual(['GET /items/:id is a route of a and b', 'GET /items/:itemId is a route of a and b']);
  });

  it('matches a parameter with a pattern against a literal as Hono does', () => {
    const json = 'GET /files/:id{[^\\x2F]+?\\.json}';
    expect(planMounts([], [vendor('a', json), vendor('b', 'GET /files/report.xml')]).collisions).toEqual([]);
    const met = planMounts([], [vendor('a', json), vendor('b', 'GET /files/report.json')]);
    expect(met.collisions.map((c) => c.vendor)).toEqual(['a', 'b']);
    expect(met.collisions[0]!.reason).toBe(`GET /files/report.json of b and ${json} of a both match GET /files/report.json`);
  });

  it('moves a vendor left at the root whose route meets a moved one\'s', () => {
    // c's `/:name/status` matches `/b/status` once b is mounted under /b.
    const plan = planMounts([WORKER_ROUTES], [vendor('a', 'GET /status'), vendor('b', 'GET /status'), vendor('c', 'GET /:name/status'), vendor('d', 'GET /d')]);
    expect([...plan.mounts]).toEqual([['a', '/a'], ['b', '/b'], ['c', '/c'], ['d', '/']]);
    expect(plan.collisions.find((c) => c.vendor === 'c')!.reason).toBe('GET /a/status of a and GET /:name/status of c both match GET /a/status');
  });

  it('refuses when a moved vendor\'s route meets the Worker\'s own', () => {
    // health's `GET /` would be the Worker's `GET /health` under /health.
    expect(() => planMounts([WORKER_ROUTES], [vendor('health', 'GET /', 'GET /status'), vendor('b', 'GET /status')])).toThrow(
      "--operation: GET /status is a route of health and b, but mounted under /health, health's GET /health and the Worker's GET /health both match GET /health: one of them could never be reached, leave one of the operations out",
    );
  });
});
