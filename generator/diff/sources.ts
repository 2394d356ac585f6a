// Where the two sides of a diff come from: the pinned inputs, a file or URL handed in, the pin in
// git HEAD, or the inputs generated/manifest.json records. Each becomes a SpecSet.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SvcgenInputError } from '../load/errors.ts';
import { sha256Hex } from '../load/fs-util.ts';
import { LOCK_FILE, lockVendor, type Lock, type LockFileEntry } from '../load/lock.ts';
import { resolveSpecFile } from '../load/resolve.ts';
import type { LoadOptions } from '../load/options.ts';
import type { VendorManifest } from '../write/manifest.ts';
import type { SpecSet } from './spec-set.ts';

export async function pinnedSet(lock: Lock, vendor: string, options: LoadOptions, overlaysRoot = options.root): Promise<SpecSet> {
  const entry = lockVendor(lock, vendor);
  const inputs = entry.files.filter((f) => f.role === 'input');
  const files = await Promise.all(inputs.map(async (file) => ({ path: file.path, bytes: (await resolveSpecFile(file, options)).bytes, shown: file.path, entry: file })));
  return { vendor, format: entry.format, files, overlaysRoot };
}

/** A local path or an http(s) URL → bytes; a missing file or failed download is bad input naming it. */
export async function readSource(source: string, cwd: string, fetcher: typeof fetch = globalThis.fetch): Promise<{ bytes: Buffer; shown: string }> {
  if (/^https?:\/\//.test(source)) {
    try {
      const response = await fetcher(source);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return { bytes: Buffer.from(await response.arrayBuffer()), shown: source };
    } catch (error) {
      throw new SvcgenInputError({ file: source }, `download failed: ${(error as Error).message}`, { cause: error });
    }
  }
  const file = path.resolve(cwd, source);
  if (!existsSync(file)) throw new SvcgenInputError({ file: source }, 'file not found');
  return { bytes: readFileSync(file), shown: source };
}

/** Which input of a multi-file vendor a new file replaces: `--file NAME` (lock path or file name), else the same file name. */
export function targetInput(set: SpecSet, shown: string, fileName?: string): number {
  if (set.files.length === 1 && fileName === undefined) return 0;
  const wanted = fileName ?? path.basename(shown.replace(/[?#].*$/, ''));
  const index = set.files.findIndex((f) => f.path === wanted || path.basename(f.path) === wanted);
  if (index === -1) {
    throw new SvcgenInputError(
      { file: LOCK_FILE, pointer: `/vendors/${set.vendor}/files` },
      `${set.vendor} has ${set.files.length} input files and none is '${wanted}'; name the one to replace with --file (e.g. --file ${set.files[0]!.path})`,
    );
  }
  return index;
}

export function replaceInput(set: SpecSet, index: number, source: { bytes: Buffer; shown: string }): SpecSet {
  const files = set.files.map((f, i) => (i === index ? { path: f.path, bytes: source.bytes, shown: source.shown } : f));
  return { ...set, files };
}

function git(root: string, args: string[]): Buffer {
  return execFileSync('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
}

export function headLock(root: string): Lock | undefined {
  try {
    return JSON.parse(git(root, ['show', `HEAD:${LOCK_FILE}`]).toString('utf8')) as Lock;
  } catch {
    return undefined;
  }
}

/** `specs/overlays/` as committed in HEAD, extracted into a scratch folder. */
export function headOverlays(root: string): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'svcgen-head-'));
  try {
    const tar = git(root, ['archive', '--format=tar', 'HEAD', 'specs/overlays']);
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
  } catch {
    // No overlays committed: the HEAD side has none.
  }
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** sha256 of every overlay file of a vendor under `root`, by repository path. */
export function overlayHashes(root: string, vendor: string): Map<string, string> {
  const dir = path.join(root, 'specs', 'overlays', vendor);
  const hashes = new Map<string, string>();
  if (!existsSync(dir)) return hashes;
  for (const name of readdirSync(dir).sort()) hashes.set(`specs/overlays/${vendor}/${name}`, sha256Hex(readFileSync(path.join(dir, name))));
  return hashes;
}

/**
 * A pin's bytes when they can still be had. The mirror usually holds the newer file under the same
 * path (a sha256 mismatch there is expected), so the download cache and the address are tried too.
 */
async function bytesOf(entry: LockFileEntry, options: LoadOptions): Promise<Buffer | undefined> {
  try {
    return (await resolveSpecFile(entry, options)).bytes;
  } catch (error) {
    if (!(error instanceof SvcgenInputError)) throw error;
  }
  try {
    return (await resolveSpecFile(entry, { ...options, mirror: path.join(tmpdir(), 'svcgen-no-mirror') })).bytes;
  } catch (error) {
    if (!(error instanceof SvcgenInputError)) throw error;
    return undefined;
  }
}

/**
 * The inputs a manifest entry was generated from, rebuilt from what can still be found: each spec by
 * its sha256 among the current lock's and HEAD's pins (any role), the overlays from the working tree
 * or HEAD when their hashes match. Undefined (with why) when something cannot be found.
 */
export async function manifestSet(
  root: string,
  vendor: string,
  recorded: VendorManifest,
  lock: Lock,
  options: LoadOptions,
  head: { lock: Lock | undefined; overlays: () => string },
): Promise<{ set: SpecSet } | { missing: string }> {
  const candidates: LockFileEntry[] = [...(lock.vendors[vendor]?.files ?? []), ...(head.lock?.vendors?.[vendor]?.files ?? [])];
  const format = lock.vendors[vendor]?.format ?? head.lock?.vendors?.[vendor]?.format;
  if (!format) return { missing: `vendor ${vendor} is not in specs/lock.json` };
  const files: SpecSet['files'] = [];
  for (const spec of recorded.specs) {
    const entry = candidates.find((c) => c.sha256 === spec.sha256);
    if (!entry) return { missing: `${spec.path} with sha256 ${spec.sha256.slice(0, 12)}… is pinned neither in specs/lock.json nor in HEAD's` };
    const bytes = await bytesOf(entry, options);
    if (!bytes) return { missing: `${spec.path} with sha256 ${spec.sha256.slice(0, 12)}… is neither in the mirror, nor in the download cache, nor downloadable from ${entry.url}` };
    files.push({ path: spec.path, bytes, shown: `${entry.path} (${spec.sha256.slice(0, 12)}…)`, entry: { ...entry, path: spec.path } });
  }
  const wanted = new Map(recorded.overlays.map((o) => [o.path, o.sha256]));
  const same = (have: Map<string, string>) => have.size === wanted.size && [...wanted].every(([p, h]) => have.get(p) === h);
  let overlaysRoot: string | undefined;
  if (same(overlayHashes(root, vendor))) overlaysRoot = root;
  else {
    const headDir = head.overlays();
    if (same(overlayHashes(headDir, vendor))) overlaysRoot = headDir;
  }
  if (!overlaysRoot) return { missing: `the overlays of ${vendor} it was generated with are neither in the working tree nor in HEAD` };
  return { set: { vendor, format, files, overlaysRoot } };
}

/**
 * The vendor's pinned inputs with each `role: previous` file in place of the input it preceded
 * (same upstream path, else same file name, else the only input): the API as it was before the update.
 */
export async function previousSet(lock: Lock, vendor: string, options: LoadOptions): Promise<SpecSet | undefined> {
  const entry = lockVendor(lock, vendor);
  const previous = entry.files.filter((f) => f.role === 'previous');
  if (previous.length === 0) return undefined;
  let set = await pinnedSet(lock, vendor, options);
  for (const file of previous) {
    const index = set.files.findIndex((f) => f.entry?.upstreamPath !== undefined && f.entry.upstreamPath === file.upstreamPath);
    const byName = set.files.findIndex((f) => path.basename(f.path) === path.basename(file.path));
    const target = index !== -1 ? index : byName !== -1 ? byName : set.files.length === 1 ? 0 : -1;
    if (target === -1) continue;
    const bytes = (await resolveSpecFile(file, options)).bytes;
    set = { ...set, files: set.files.map((f, i) => (i === target ? { path: f.path, bytes, shown: file.path, entry: { ...file, path: f.path } } : f)) };
  }
  return set;
}
