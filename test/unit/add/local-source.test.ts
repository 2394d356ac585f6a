// A vendor added from a spec file of the project's own (`svcgen add acme --spec acme.json`) is
// found again where the project keeps it. The lock's `url` is that file's `file:` URL, which
// Node's fetch cannot read ("fetch failed"), so once the spec mirror's copy was gone (a fresh clone,
// CI, another machine) nothing could generate the vendor, though the file sat in the project. The
// pin now records the file's place in the project (`source`), read (and checked against the sha256)
// after the mirror and the download cache; a `file:` url is read, not fetched.
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runSvcgen } from '../../support/cli.ts';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const EXAMPLES = path.resolve(import.meta.dirname, '../../../node_modules/@readme/oas-examples');
let work: string;
let project: string;

/** The project as a clone has it: no spec mirror, no download cache, no generated output. */
function cloneOf(from: string, name: string): string {
  const to = path.join(work, name);
  cpSync(from, to, { recursive: true, filter: (source) => !/[/\\](mirror|\.svcgen-cache|generated)$/.test(source) });
  return to;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'svcgen-local-source-'));
  project = path.join(work, 'project');
  cpSync(path.join(EXAMPLES, '3.0/json/petstore.json'), path.join(project, 'api/petstore.json'));
  writeFileSync(path.join(project, 'svcgen.config.ts'), 'export default { vendors: {} };\n');
  const added = await runSvcgen(project, ['add', 'pets', '--spec', 'api/petstore.json']);
  expect(added.code, added.stderr).toBe(0);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a vendor added from a file in the project', () => {
  it('pins the file by its place in the project', () => {
    const [file] = JSON.parse(readFileSync(path.join(project, 'specs/lock.json'), 'utf8')).vendors.pets.files;
    expect(file).toMatchObject({ path: 'pets/petstore.json', source: 'api/petstore.json', url: expect.stringMatching(/^file:\/\//) });
  });

  it('generates in a clone elsewhere, with no mirror, cache or output, the original gone', async () => {
    const clone = cloneOf(project, 'clone');
    // The lock's file: URL names the original: out of the way, only the clone's own file is left.
    renameSync(path.join(project, 'api'), path.join(work, 'api-away'));
    try {
      const run = await runSvcgen(clone, ['generate']);
      expect(run.code, run.stderr).toBe(0);
      expect(readFileSync(path.join(clone, 'generated/pets/operations.js'), 'utf8')).toContain('findPetsByStatus');
    } finally {
      renameSync(path.join(work, 'api-away'), path.join(project, 'api'));
    }
  });

  it('refuses the file once it no longer has the pinned bytes, naming it', async () => {
    const clone = cloneOf(project, 'edited');
    writeFileSync(path.join(clone, 'api/petstore.json'), '{}');
    const run = await runSvcgen(clone, ['generate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`sha256 mismatch for ${path.join(clone, 'api/petstore.json')}`);
  });

  it('keeps the place when update pins a new local version', async () => {
    const next = JSON.parse(readFileSync(path.join(project, 'api/petstore.json'), 'utf8'));
    next.info.version = '2.0.0';
    writeFileSync(path.join(project, 'api/petstore-2.json'), JSON.stringify(next));
    const updated = await runSvcgen(project, ['update', 'pets', '--from', 'api/petstore-2.json']);
    expect(updated.code, updated.stderr).toBe(0);
    const input = JSON.parse(readFileSync(path.join(project, 'specs/lock.json'), 'utf8')).vendors.pets.files.find((f: { role: string }) => f.role === 'input');
    expect(input.source).toBe('api/petstore-2.json');
    const run = await runSvcgen(cloneOf(project, 'updated'), ['generate']);
    expect(run.code, run.stderr).toBe(0);
  });
});
