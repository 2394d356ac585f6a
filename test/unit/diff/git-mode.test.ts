// `svcgen diff` without files: the pin and overlays in git HEAD (or --base REF) against the working
// tree (the committed pin's bytes found through the working lock's role-previous pin, since the
// mirror's input path already holds the newer file), and bad input on the command line.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { baseSpec, removeProject, repin, svcgen, tempProject } from './project.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

let root: string;
const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: root, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });

beforeAll(() => {
  root = tempProject('svcgen-diff-git-');
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'pinned');
  // What `svcgen update` leaves: the old file kept as role previous, the new one pinned in its place.
  const lockFile = join(root, 'specs/lock.json');
  const lock = JSON.parse(readFileSync(lockFile, 'utf8'));
  const previous = { ...lock.vendors.acme.files[0], path: 'acme/previous/openapi-old.yaml', role: 'previous' };
  mkdirSync(join(root, 'mirror/acme/previous'), { recursive: true });
  copyFileSync(join(root, 'mirror/acme/openapi.yaml'), join(root, 'mirror', previous.path));
  lock.vendors.acme.files.push(previous);
  writeFileSync(lockFile, JSON.stringify(lock, null, 2));
  const doc = baseSpec(root);
  doc.paths['/v1/widgets/{id}'].get.parameters.push({ name: 'tenant', in: 'query', required: true, schema: { type: 'string' } });
  repin(root, doc);
});
afterAll(() => removeProject(root));

const rules = (stdout: string) => JSON.parse(stdout).changes.map((c: { rule: string; operation: string }) => `${c.operation} ${c.rule}`);

describe('svcgen diff (git mode)', () => {
  it('compares HEAD with the working tree', async () => {
    const outcome = await svcgen(root, ['diff', '--json']);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(1);
    expect(rules(outcome.stdout)).toEqual(['GET /v1/widgets/{id} request-parameter-added-required']);
  });

  it('--base REF compares another revision; an unchanged tree reports nothing', async () => {
    git('add', '-A');
    git('commit', '-q', '-m', 'update');
    expect(rules((await svcgen(root, ['diff', '--json', '--base', 'HEAD~1'])).stdout)).toEqual(['GET /v1/widgets/{id} request-parameter-added-required']);
    const same = await svcgen(root, ['diff']);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('no vendor inputs changed');
  });

  it('bad input exits 2 naming the file: a spec that does not parse, a file that does not exist', async () => {
    writeFileSync(join(root, 'broken.yaml'), 'openapi: 3.0.3\npaths: [unclosed\n');
    const broken = await svcgen(root, ['diff', 'mirror/acme/openapi.yaml', 'broken.yaml', '--vendor', 'acme']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^svcgen: broken\.yaml:\d+/);
    const missing = await svcgen(root, ['diff', 'mirror/acme/openapi.yaml', 'nowhere.yaml', '--vendor', 'acme']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('svcgen: nowhere.yaml: file not found');
    expect((await svcgen(root, ['diff', '--format', 'yaml'])).code).toBe(2);
  });
});
