// `svcgen scaffold` on shapes real specs have (found by scaffolding every operation of the corpus
// sample and of @readme/oas-examples; fixture test/fixtures/scaffold-shapes, added with `svcgen add`
// as a user would):
// - a path parameter that shares its segment with text (`{id}.json`, Google's `{name}:cancel`, two
//   parameters as `{z}-{x}`): the route answers only its own paths and hands the vendor the parts
//   (Hono took `:id.json` as a parameter named `id.json`, typed the read `string | undefined`, and
//   `{name}:cancel` beside `{name}:resume` was one route);
// - a client whose every call needs a credential and that has no shorthand option (two schemes): the
//   skeleton passes `auth` from bindings (it passed none, and did not type-check);
// - `images:annotate` then `images:asyncBatchAnnotate` in two runs: both routes (they read as one);
// - an operationId holding a space: its marker reads back (a re-run said it named no operation);
// - a route chain of 3,000 links: a later run merges into it (the recursive walk overflowed the stack);
// - --webhooks on a 3.1 spec that lists webhooks (oas-examples' webhooks.json) but, as every spec,
//   not how they are signed: the refusal says so (it said the spec had no webhooks).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadScaffoldModel } from '../../../generator/scaffold/load-model.ts';
import { mergeScaffold } from '../../../generator/scaffold/merge.ts';
import { addedProject, type AddedProject, type Said } from './added-project.ts';
import { ROOT, typeErrors } from './acme-project.ts';

vi.setConfig({ testTimeout: 60_000 });

const OUT = 'src/routes.ts';
let project: AddedProject;
let root = '';

const svcgen = (args: string[]): Promise<Said> => project.scaffold(args);
const ops = (...ids: string[]) => ids.flatMap((id) => ['--operation', id]);
const read = () => project.read(OUT);

beforeAll(async () => {
  project = await addedProject('scaffold-shapes', 'shapes', join(ROOT, 'test/fixtures/scaffold-shapes/openapi.json'));
  root = project.root;
  vi.stubEnv('SVCGEN_SPEC_MIRROR', project.mirror);
}, 120_000);

afterAll(() => {
  vi.unstubAllEnvs();
  project?.remove();
});

describe('scaffold on shapes of real specs', () => {
  it('writes routes that type-check, auth from bindings, for segments that mix parameters and text', async () => {
    const first = await svcgen(['--vendor', 'shapes', '--out', OUT, ...ops('getItem', 'updateJob', 'cancelJob', 'resumeJob', 'getTile', 'annotateImages', 'find pets')]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const text = read();
    expect(text).toMatch(/export interface Bindings \{\n {2}SHAPES_KEY: string;\n/);
    expect(text).toContain('    auth: {\n      key: c.env.SHAPES_KEY,\n    },\n');
    expect(await typeErrors([join(root, OUT)])).toEqual([]);
  }, 120_000);

  it('adds a route whose path differs from another only after a colon, in a later run', async () => {
    const second = await svcgen(['--vendor', 'shapes', '--out', OUT, ...ops('annotateImages', 'asyncBatchAnnotateImages')]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('  + route asyncBatchAnnotateImages\n');
    expect(second.stdout).toContain('  = route annotateImages is already there (left as is)\n');
    // Added at the chain's end, after the route of `/v1/{name}`, which answers it first: said so.
    expect(second.stdout).toContain("  ! route asyncBatchAnnotateImages comes after 'POST /v1/:name', which Hono matches first: move asyncBatchAnnotateImages above it\n");
  });

  it('reads back the marker of an operationId with a space: a re-run changes nothing and names no unknown marker', async () => {
    const before = read();
    const again = await svcgen(['--vendor', 'shapes', '--out', OUT, ...ops('getItem', 'updateJob', 'cancelJob', 'resumeJob', 'getTile', 'annotateImages', 'asyncBatchAnnotateImages', 'find pets')]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^unchanged src\/routes\.ts: nothing to add\n/);
    expect(again.stdout).not.toContain('names no operation');
    expect(read()).toBe(before);
  });

  it('serves each path to its own route and sends the vendor the parts', async () => {
    const sent: { method: string; url: string; key: string | null }[] = [];
    vi.stubGlobal('fetch', async (request: Request) => {
      sent.push({ method: request.method, url: request.url, key: request.headers.get('api-key') });
      return Response.json({ ok: true });
    });
    try {
      const app = await project.app(OUT);
      const env = { SHAPES_KEY: 'key_scaffold_test' };
      const statuses: Record<string, number> = {};
      for (const [method, path] of [
        ['GET', '/items/123.json'],
        ['GET', '/items/123'],
        ['POST', '/v1/job%201:cancel'],
        ['POST', '/v1/job1:resume'],
        ['POST', '/v1/job1'],
        ['GET', '/tiles/3-5'],
        ['POST', '/v1/images:annotate'],
      ] as const) {
        statuses[`${method} ${path}`] = (await app.request(path, { method }, env)).status;
      }
      expect(statuses).toEqual({
        'GET /items/123.json': 200,
        'GET /items/123': 404,
        'POST /v1/job%201:cancel': 200,
        'POST /v1/job1:resume': 200,
        'POST /v1/job1': 200,
        'GET /tiles/3-5': 200,
        'POST /v1/images:annotate': 200,
      });
      expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual([
        'GET https://api.shapes.test/items/123.json',
        'POST https://api.shapes.test/v1/job%201:cancel',
        'POST https://api.shapes.test/v1/job1:resume',
        'POST https://api.shapes.test/v1/job1',
        'GET https://api.shapes.test/tiles/3-5',
        'POST https://api.shapes.test/v1/images:annotate',
      ]);
      expect(new Set(sent.map((s) => s.key))).toEqual(new Set(['key_scaffold_test']));
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('says a spec that lists webhooks needs their signature scheme named, for --webhooks', async () => {
    const hooks = await addedProject('scaffold-hooks', 'hooks', join(ROOT, 'node_modules/@readme/oas-examples/3.1/json/webhooks.json'));
    try {
      vi.stubEnv('SVCGEN_SPEC_MIRROR', hooks.mirror);
      const { code, stderr } = await hooks.scaffold(['--vendor', 'hooks', '--out', OUT, '--webhooks']);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^svcgen scaffold: --webhooks: hooks's spec describes 1 webhook\(s\) but no signature scheme: add an overlay with x-svcgen-webhooks naming it/);
    } finally {
      vi.stubEnv('SVCGEN_SPEC_MIRROR', project.mirror);
      hooks.remove();
    }
  });

  it('merges into a route chain of 3,000 links', async () => {
    const { model, document } = await loadScaffoldModel({ root, vendor: 'shapes' });
    const links = Array.from({ length: 3000 }, (_, i) => `  .get('/r${i}', (c) => c.text('${i}'))`).join('\n');
    const text = `import { Hono } from 'hono';\nconst app = new Hono();\nconst routes = app\n${links};\nexport type AppType = typeof routes;\nexport default app;\n`;
    const outcome = mergeScaffold('routes.ts', text, { model, document, operations: model.operations.filter((o) => o.id === 'getItem'), webhooks: false, events: [], generatedSpecifier: '../generated/shapes' });
    expect(outcome.text).toContain("  // svcgen:route getItem GET /items/{id}.json\n  .get('/items/:id{");
    // The chain's links stay as they were, the new one after them.
    expect(outcome.text).toContain(`${links}\n  // svcgen:route getItem`);
  });
});
