// The CI gate for this repository: CI runs `npx svcgen generate` (which rewrites
// generated/manifest.json from the generator, specs, overlays and config of the checkout) and then
// `npm test`. A commit that changed any of those without regenerating and committing the manifest
// leaves the fresh manifest different from the committed one, and this test fails, naming what
// moved. Outside CI the working manifest is routinely ahead of HEAD while one works, so it is skipped.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function moved(committed: any, fresh: any): string[] {
  const out: string[] = [];
  if (committed.generator?.fingerprint !== fresh.generator?.fingerprint) out.push('generator fingerprint (generator/ or templates/ changed)');
  if (committed.config !== fresh.config) out.push('config');
  for (const vendor of new Set([...Object.keys(committed.vendors ?? {}), ...Object.keys(fresh.vendors ?? {})])) {
    const a = committed.vendors?.[vendor];
    const b = fresh.vendors?.[vendor];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    const files = Object.keys({ ...a?.files, ...b?.files }).filter((f) => a?.files?.[f] !== b?.files?.[f]);
    out.push(`${vendor}: ${files.length ? files.join(', ') : 'inputs/specs/overlays'}`);
  }
  return out;
}

describe('the committed generated/manifest.json', () => {
  it.runIf(Boolean(process.env.CI))('equals the one `svcgen generate` just wrote (regenerate and commit it otherwise)', () => {
    const committedText = execFileSync('git', ['show', 'HEAD:generated/manifest.json'], { cwd: ROOT, encoding: 'utf8' });
    const freshText = readFileSync(join(ROOT, 'generated/manifest.json'), 'utf8');
    let differences: string[] = [];
    if (committedText !== freshText) {
      differences = moved(JSON.parse(committedText), JSON.parse(freshText));
      if (differences.length === 0) differences = ['the manifest text differs'];
    }
    expect(differences, 'generated/manifest.json is stale: run `npx svcgen generate` and commit generated/manifest.json').toEqual([]);
  });
});
