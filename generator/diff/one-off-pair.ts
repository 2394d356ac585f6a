// `svcgen diff OLD NEW` where no project pins the spec (no specs/lock.json): two versions of one
// spec, each loaded as `generate --spec` loads a spec, with the profile inferred from the older
// version for both sides, so what the profile reads from the spec (auth, idempotency) is held fixed
// and every change reported is the spec's own.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inferProfile } from '../profile-infer/index.ts';
import { renderProfileOverlay } from '../profile-infer/render.ts';
import { pinFor, readSpecSource, type SpecSource } from '../profile-infer/sources.ts';
import { diffSets, type SideBySide } from './run.ts';
import type { SpecSet } from './spec-set.ts';

export async function oneOffPair(oldArg: string, newArg: string, vendor: string, cwd: string): Promise<SideBySide> {
  const before = await readSpecSource(oldArg, cwd);
  const after = await readSpecSource(newArg, cwd);
  const lockPath = pinFor(vendor, [before], cwd).files[0]!.path;
  const overlaysRoot = mkdtempSync(path.join(tmpdir(), 'svcgen-diff-profile-'));
  try {
    const overlay = path.join(overlaysRoot, 'specs', 'overlays', vendor, '00-profile.yaml');
    mkdirSync(path.dirname(overlay), { recursive: true });
    const url = /^https?:\/\//i.test(oldArg) ? { source: oldArg } : {};
    writeFileSync(overlay, renderProfileOverlay(vendor, inferProfile([before.document], { vendor, ...url })));
    const set = (source: SpecSource): SpecSet => ({ vendor, format: source.format, overlaysRoot, files: [{ path: lockPath, bytes: source.bytes, shown: source.source }] });
    return await diffSets(set(before), set(after), { root: cwd });
  } finally {
    rmSync(overlaysRoot, { recursive: true, force: true });
  }
}
