// A vendor's inputs as a set of files (lock path → bytes) plus the overlays that apply, loaded
// through the generator's own load → model path. The loader reads a lock and a mirror; a spec set
// gets its own scratch root with both, so any set (an older pin, a candidate file, git HEAD) is
// loaded exactly as `svcgen generate` would load it, overlays and repairs included.
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SvcgenInputError, formatLocation } from '../load/errors.ts';
import { sha256Hex } from '../load/fs-util.ts';
import { loadVendor, type LoadedVendor } from '../load/index.ts';
import { LOCK_FILE, type LockFileEntry, type LockVendor } from '../load/lock.ts';
import { resolveOptions } from '../load/options.ts';
import { buildApiModel } from '../model/index.ts';
import type { VendorConfig } from '../config/schema.ts';
import type { EffectiveVendor } from './compare.ts';

export interface SpecSet {
  vendor: string;
  format: LockVendor['format'];
  /** Input files in lock order: the lock path the loader sees, the bytes, and how to name the file to the user. */
  files: { path: string; bytes: Buffer; shown: string; entry?: LockFileEntry }[];
  /** Folder holding `specs/overlays/<vendor>/` (the project root, or an extracted git revision). */
  overlaysRoot: string;
}

export interface LoadedSet extends EffectiveVendor {
  loaded: LoadedVendor;
}

export function lockEntryFor(file: SpecSet['files'][number]): LockFileEntry {
  const base = file.entry ?? { path: file.path, url: `file:${file.shown}`, role: 'input' as const };
  return { ...base, path: file.path, sha256: sha256Hex(file.bytes), bytes: file.bytes.length, role: 'input' };
}

/** Writes the scratch root: lock with this set's files, mirror with their bytes, the overlays linked. */
export function scratchRoot(set: SpecSet, cacheDir: string): { root: string; mirror: string; dispose: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), 'svcgen-diff-'));
  const mirror = path.join(root, 'mirror');
  mkdirSync(path.join(root, 'specs', 'overlays'), { recursive: true });
  const lock = { lockVersion: 1, vendors: { [set.vendor]: { format: set.format, files: set.files.map(lockEntryFor) } } };
  writeFileSync(path.join(root, LOCK_FILE), JSON.stringify(lock, null, 2) + '\n');
  for (const file of set.files) {
    const target = path.join(mirror, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.bytes);
  }
  const overlays = path.join(set.overlaysRoot, 'specs', 'overlays', set.vendor);
  if (existsSync(overlays)) symlinkSync(overlays, path.join(root, 'specs', 'overlays', set.vendor), 'dir');
  // The parse cache is keyed by content hash, so sharing the project's is safe and saves the parse.
  if (existsSync(cacheDir)) symlinkSync(cacheDir, path.join(root, '.svcgen-cache'), 'dir');
  return { root, mirror, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** Errors about a file the user handed in name that file, not the scratch lock path. */
function renamedError(error: unknown, set: SpecSet): unknown {
  if (!(error instanceof SvcgenInputError)) return error;
  const file = set.files.find((f) => f.path === error.file);
  if (!file || file.shown === file.path) return error;
  const location = { file: error.file, ...(error.pointer !== undefined ? { pointer: error.pointer } : {}), ...(error.line !== undefined ? { line: error.line } : {}), ...(error.column !== undefined ? { column: error.column } : {}) };
  const problem = error.message.slice(formatLocation(location).length + 2);
  return new SvcgenInputError({ ...location, file: file.shown }, problem, { cause: error });
}

export async function loadSpecSet(set: SpecSet, options: { root: string; config?: VendorConfig }): Promise<LoadedSet> {
  const { cacheDir } = resolveOptions({ root: options.root });
  const scratch = scratchRoot(set, cacheDir);
  try {
    const loaded = await loadVendor(set.vendor, { root: scratch.root, mirror: scratch.mirror, download: false, cacheDir });
    const config = options.config ?? {};
    const model = buildApiModel(loaded, {
      ...(config.include ? { include: config.include } : {}),
      ...(config.exclude ? { exclude: config.exclude } : {}),
    });
    return { vendor: set.vendor, document: loaded.document, model, loaded };
  } catch (error) {
    throw renamedError(error, set);
  } finally {
    scratch.dispose();
  }
}
