// svcgen check answers an untouched tree without regenerating (the shortcut a CI gate takes on
// every push). Each kind of drift must still fail it, named: a file added to, removed from or
// edited in a generated vendor folder, a manifest made by another generator, an edited overlay, a
// changed config; and a pinned file is found wherever the loader finds it (the download cache when
// the mirror lacks it) and refused when its bytes differ from the lock's sha256.
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { check } from '../../../generator/cli/check-command.ts';
import { removeProject, svcgen, tempProject } from '../diff/project.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

let template: string;
let root: string;

beforeAll(async () => {
  template = tempProject('svcgen-check-kinds-template-');
  expect((await svcgen(template, ['generate'])).code).toBe(0);
});
afterAll(() => removeProject(template));
beforeEach(() => {
  root = tempProject('svcgen-check-kinds-');
  cpSync(template, root, { recursive: true });
});
afterEach(() => removeProject(root));

async function drifted(): Promise<string> {
  const outcome = await svcgen(root, ['check']);
  expect(outcome.stderr).toBe('');
  expect(outcome.code).toBe(1);
  return outcome.stdout;
}

describe('svcgen check on each kind of drift', () => {
  it('answers an untouched tree without regenerating, and passes it', async () => {
    const mirror = process.env.SVCGEN_SPEC_MIRROR;
    process.env.SVCGEN_SPEC_MIRROR = join(root, 'mirror');
    try {
      expect(await check({ root })).toMatchObject({ drift: [], fast: true });
    } finally {
      if (mirror === undefined) delete process.env.SVCGEN_SPEC_MIRROR;
      else process.env.SVCGEN_SPEC_MIRROR = mirror;
    }
    expect(await svcgen(root, ['check'])).toMatchObject({ code: 0, stdout: 'check: generated output matches the pinned specs\n' });
  });

  it('names a file added to a generated vendor folder, also in a subfolder', async () => {
    writeFileSync(join(root, 'generated/acme/extra.ts'), 'export {};\n');
    mkdirSync(join(root, 'generated/acme/nested'));
    writeFileSync(join(root, 'generated/acme/nested/more.js'), '\n');
    const stdout = await drifted();
    expect(stdout).toContain('acme/extra.ts: unexpected');
    expect(stdout).toContain('acme/nested/more.js: unexpected');
  });

  it('names a generated file that was removed', async () => {
    rmSync(join(root, 'generated/acme/schemas.js'));
    expect(await drifted()).toContain('acme/schemas.js: missing');
  });

  it('names a generated file renamed to a name the manifest does not list', async () => {
    renameSync(join(root, 'generated/acme/client.ts'), join(root, 'generated/acme/client.old.ts'));
    const stdout = await drifted();
    expect(stdout).toContain('acme/client.ts: missing');
    expect(stdout).toContain('acme/client.old.ts: unexpected');
  });

  it('names a generated file edited by one byte', async () => {
    const file = join(root, 'generated/acme/operations.d.ts');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, -1) + (text.endsWith('\n') ? ' ' : '\n'));
    expect(await drifted()).toContain('acme/operations.d.ts: changed');
  });

  it('fails a manifest written by another generator (its fingerprint differs)', async () => {
    const file = join(root, 'generated/manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    manifest.generator.fingerprint = '0'.repeat(64);
    writeFileSync(file, JSON.stringify(manifest, null, 2) + '\n');
    expect(await drifted()).toContain('manifest.json: changed');
  });

  it('fails after an overlay was edited and not regenerated', async () => {
    const overlay = join(root, 'specs/overlays/acme/00-profile.yaml');
    writeFileSync(overlay, readFileSync(overlay, 'utf8') + '# a comment changes the overlay hash\n');
    expect(await drifted()).toContain('manifest.json: changed');
  });

  it('fails after the config changed and was not regenerated', async () => {
    writeFileSync(join(root, 'svcgen.config.ts'), "export default { out: 'generated' };\n");
    expect(await drifted()).toContain('manifest.json: changed');
  });

  it('finds a pinned file in the download cache when the mirror lacks it', async () => {
    const lock = JSON.parse(readFileSync(join(root, 'specs/lock.json'), 'utf8'));
    const pinned = lock.vendors.acme.files[0];
    mkdirSync(join(root, '.svcgen-cache/downloads'), { recursive: true });
    renameSync(join(root, 'mirror', pinned.path), join(root, '.svcgen-cache/downloads', `${pinned.sha256}-openapi.yaml`));
    expect(await svcgen(root, ['check'])).toMatchObject({ code: 0, stdout: 'check: generated output matches the pinned specs\n' });
  });

  it('refuses (exit 2) a pinned input whose bytes differ from the lock, naming it', async () => {
    const spec = join(root, 'mirror/acme/openapi.yaml');
    writeFileSync(spec, readFileSync(spec, 'utf8') + '\n# altered\n');
    const outcome = await svcgen(root, ['check']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('svcgen: acme/openapi.yaml: sha256 mismatch');
  });
});
