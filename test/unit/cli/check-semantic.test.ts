// svcgen check on a temporary copy of the diff fixture project: an untouched tree passes; a hand
// edit of a generated file fails naming it; a spec pinned but not regenerated fails and names the
// operations that changed (the old inputs found through the lock's role-previous pin, or through git
// HEAD's lock); a missing or altered role-previous file is bad input (exit 2) naming it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { baseSpec, removeProject, repin, svcgen, tempProject, type Doc } from '../diff/project.ts';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 180_000 });

let root: string;
let base: Doc;

beforeEach(async () => {
  root = tempProject('svcgen-check-test-');
  base = baseSpec(root);
  expect((await svcgen(root, ['generate'])).code).toBe(0);
});
afterEach(() => removeProject(root));

/** Keep the pinned file as role previous (what `svcgen update` does), then pin `doc` in its place. */
function pinWithPrevious(doc: Doc): string {
  const lockFile = join(root, 'specs/lock.json');
  const lock = JSON.parse(readFileSync(lockFile, 'utf8'));
  const old = lock.vendors.acme.files[0];
  const previous = { ...old, path: 'acme/previous/openapi-old.yaml', role: 'previous' };
  mkdirSync(join(root, 'mirror/acme/previous'), { recursive: true });
  copyFileSync(join(root, 'mirror/acme/openapi.yaml'), join(root, 'mirror', previous.path));
  lock.vendors.acme.files.push(previous);
  writeFileSync(lockFile, JSON.stringify(lock, null, 2));
  repin(root, doc);
  return previous.path;
}

const changed = (d: Doc) => {
  d.paths['/v1/widgets/{id}'].get.parameters.push({ name: 'tenant', in: 'query', required: true, schema: { type: 'string' } });
  delete d.paths['/v1/gadgets'];
};

describe('svcgen check', () => {
  it('passes on an untouched tree, in every format', async () => {
    const text = await svcgen(root, ['check']);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe('check: generated output matches the pinned specs\n');
    expect(JSON.parse((await svcgen(root, ['check', '--json'])).stdout)).toMatchObject({ drift: [], semantic: { changes: [] } });
    expect((await svcgen(root, ['check', '--format', 'github'])).stdout).toBe('');
    expect((await svcgen(root, ['check', '--format', 'junit'])).stdout).toContain('<testsuite name="svcgen check" tests="1" failures="0">');
    const markdown = await svcgen(root, ['check', '--format', 'markdown']);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toBe('## svcgen check\n\nGenerated output matches the pinned specs.\n\n');
  });

  it('fails (exit 1) naming a hand-edited generated file', async () => {
    const file = join(root, 'generated/acme/operations.js');
    writeFileSync(file, readFileSync(file, 'utf8') + '\n// edited\n');
    const outcome = await svcgen(root, ['check']);
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toContain('acme/operations.js: changed');
    const github = await svcgen(root, ['check', '--format', 'github']);
    expect(github.stdout).toContain('::error file=acme/operations.js,title=svcgen check::generated file changed');
  });

  it('fails (exit 1) on a spec pinned but not regenerated, naming the operations that changed', async () => {
    const doc = structuredClone(base);
    changed(doc);
    pinWithPrevious(doc);
    const outcome = await svcgen(root, ['check']);
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toContain('acme/operations.js: changed');
    expect(outcome.stdout).toContain('GET /v1/widgets/{id}  getWidget()');
    expect(outcome.stdout).toContain("required query parameter 'tenant' added");
    expect(outcome.stdout).toMatch(/operation-removed: operation removed \(listGadgets\)/);
    const json = JSON.parse((await svcgen(root, ['check', '--json'])).stdout);
    expect(json.semantic.changes.map((c: any) => c.operation)).toEqual(expect.arrayContaining(['GET /v1/widgets/{id}', 'GET /v1/gadgets']));
    const markdown = await svcgen(root, ['check', '--format', 'markdown']);
    expect(markdown.stdout).toContain('## svcgen check');
    expect(markdown.stdout).toContain('`GET /v1/gadgets` `listGadgets()`');
  });

  it("finds the old inputs through git HEAD's lock when no previous pin is kept", async () => {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'fixture');
    const oldBytes = readFileSync(join(root, 'mirror/acme/openapi.yaml'));
    const doc = structuredClone(base);
    changed(doc);
    repin(root, doc);
    // The old bytes stay reachable in the download cache, keyed by their sha256, as after a download.
    const oldSha = createHash('sha256').update(oldBytes).digest('hex');
    mkdirSync(join(root, '.svcgen-cache/downloads'), { recursive: true });
    writeFileSync(join(root, '.svcgen-cache/downloads', `${oldSha}-openapi.yaml`), oldBytes);
    const outcome = await svcgen(root, ['check']);
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toContain("required query parameter 'tenant' added");
  });

  it('a missing role-previous file is bad input (exit 2) naming it', async () => {
    const previous = pinWithPrevious(structuredClone(base));
    rmSync(join(root, 'mirror', previous));
    const outcome = await svcgen(root, ['check']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain(`svcgen: ${previous}: not in the mirror`);
  });

  it('an altered role-previous file is bad input (exit 2) naming it', async () => {
    const previous = pinWithPrevious(structuredClone(base));
    writeFileSync(join(root, 'mirror', previous), readFileSync(join(root, 'mirror', previous), 'utf8') + '\n# altered\n');
    const outcome = await svcgen(root, ['check']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain(`svcgen: ${previous}: sha256 mismatch`);
  });
});
