// Every pinned vendor's inputs compared with themselves (each vendor's first input file given as
// both OLD and NEW, the other files as pinned): the effective documents are equal, so `svcgen diff`
// must report nothing and exit 0, even with --fail-on any.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { PROJECT_ROOT, REPO_ROOT } from '../../support/project.ts';

vi.setConfig({ testTimeout: 300_000 });

const ROOT = PROJECT_ROOT;
const MIRROR = path.resolve(ROOT, process.env.SVCGEN_SPEC_MIRROR ?? '../shared/specs');
const lock = JSON.parse(readFileSync(path.join(ROOT, 'specs/lock.json'), 'utf8'));

describe('a pinned spec set against itself', () => {
  for (const [vendor, entry] of Object.entries<{ files: { path: string; role: string }[] }>(lock.vendors)) {
    it(`${vendor}: no changes, exit 0`, async () => {
      const file = path.join(MIRROR, entry.files.find((f) => f.role === 'input')!.path);
      const result = await promisify(execFile)(process.execPath, [path.join(REPO_ROOT, 'bin/svcgen.js'), 'diff', file, file, '--vendor', vendor, '--json', '--fail-on', 'any'], { cwd: ROOT, maxBuffer: 1 << 26 });
      const report = JSON.parse(result.stdout);
      expect(report.changes).toEqual([]);
      expect(report.summary.changes).toBe(0);
    });
  }
});
