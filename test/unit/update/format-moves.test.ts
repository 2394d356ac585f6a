// `svcgen update` when a vendor's new release is written in another OpenAPI version: @readme/oas-
// examples' petstore as Swagger 2.0 is added, then updated to the same API written as OpenAPI 3.0.
// Before, the lock's format (swagger-2.0) made the update stop at "the lock says swagger-2.0, but
// the file declares 3.0.0", and only editing the lock by hand pinned it. The folder starts with a
// config and no specs/: `svcgen add` ended there in an internal error (ENOENT writing the lock).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runSvcgen } from '../../support/cli.ts';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const EXAMPLES = path.resolve(import.meta.dirname, '../../../node_modules/@readme/oas-examples');
let root: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'svcgen-format-moves-'));
  writeFileSync(path.join(root, 'svcgen.config.ts'), 'export default { vendors: {} };\n');
  writeFileSync(path.join(root, 'petstore-2.json'), readFileSync(path.join(EXAMPLES, '2.0/json/petstore.json')));
  writeFileSync(path.join(root, 'petstore-3.json'), readFileSync(path.join(EXAMPLES, '3.0/json/petstore.json')));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const lockFormat = () => JSON.parse(readFileSync(path.join(root, 'specs/lock.json'), 'utf8')).vendors.pets.format;

describe('a release that moves from Swagger 2.0 to OpenAPI 3.0', () => {
  it('add starts specs/lock.json in a folder that has none', async () => {
    expect(existsSync(path.join(root, 'specs'))).toBe(false);
    const added = await runSvcgen(root, ['add', 'pets', '--spec', 'petstore-2.json']);
    expect(added.code, added.stderr).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(path.join(root, 'specs/lock.json'), 'utf8')).vendors)).toEqual(['pets']);
  });

  it('is compared across the two versions, and pinned with the lock following its format', async () => {
    expect(lockFormat()).toBe('swagger-2.0');
    const outcome = await runSvcgen(root, ['update', 'pets', '--from', 'petstore-3.json', '--allow-breaking', '--json']);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stderr).toContain('svcgen update: pinned pets/petstore-2.json');
    // The one difference of the two documents: the 3.0 one makes Pet.id read-only.
    const changes = JSON.parse(outcome.stdout).changes.map((c: { rule: string; message: string }) => `${c.rule}: ${c.message}`);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatch(/^request-property-removed: Pet: property 'id' is now read-only/);
    expect(lockFormat()).toBe('openapi-3.0');
    expect((await runSvcgen(root, ['check'])).code).toBe(0);
  });
});
