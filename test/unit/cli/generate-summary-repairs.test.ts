// The plain `svcgen generate` summary says how many repairs the loader made to each vendor's spec,
// the same count as the manifest's `fixes` list, on a fresh run and on an up-to-date one. The
// fixture's two path parameters lack `required: true` (one omits it, one says false).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runSvcgen } from '../../support/cli.ts';

// Each case spawns the CLI (Node start, type stripping, generation): seconds.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

const FIXTURE = fileURLToPath(new URL('../../fixtures/s9-repair-summary/', import.meta.url));

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'svcgen-summary-'));
  cpSync(FIXTURE, root, { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('svcgen generate summary', () => {
  it('counts the spec repairs on the vendor line, as many as the manifest lists', async () => {
    const first = await runSvcgen(root, ['generate']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const fixes = JSON.parse(readFileSync(join(root, 'generated/manifest.json'), 'utf8')).vendors.acme.fixes;
    expect(fixes.map((f: { pointer: string }) => f.pointer)).toEqual([
      '/paths/~1v1~1widgets~1{id}/get/parameters/0/required',
      '/paths/~1v1~1widgets~1{id}/delete/parameters/0/required',
    ]);
    expect(first.stdout).toMatch(/^acme: 4 operations, \d+ files, 2 spec repairs, 0 renamed \(\d+ ms\)$/m);

    const again = await runSvcgen(root, ['generate']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^acme: 4 operations, \d+ files, 2 spec repairs, up to date \(\d+ ms\)$/m);
  });
});
