// The diff between two spec sets of a vendor, as `svcgen diff`, `update` and `check` build it.
import { diffVendor } from './compare.ts';
import { loadSpecSet, type LoadedSet, type SpecSet } from './spec-set.ts';
import type { VendorConfig } from '../config/schema.ts';
import type { VendorDiff } from './types.ts';

export interface SideBySide {
  diff: VendorDiff;
  before: LoadedSet;
  after: LoadedSet;
  oldSet: SpecSet;
  newSet: SpecSet;
}

export function describeSet(set: SpecSet): string {
  return set.files.map((f) => f.shown).join(', ');
}

export async function diffSets(
  oldSet: SpecSet,
  newSet: SpecSet,
  options: { root: string; config?: VendorConfig; oldName?: string; newName?: string },
): Promise<SideBySide> {
  const config = options.config ? { config: options.config } : {};
  const before = await loadSpecSet(oldSet, { root: options.root, ...config });
  const after = await loadSpecSet(newSet, { root: options.root, ...config });
  const changes = diffVendor(before, after);
  return {
    diff: { vendor: newSet.vendor, old: options.oldName ?? describeSet(oldSet), new: options.newName ?? describeSet(newSet), changes },
    before,
    after,
    oldSet,
    newSet,
  };
}
