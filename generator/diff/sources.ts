// Where the two sides of a diff come from: the pinned inputs, a file or URL handed in, the pin in
// git HEAD, or the inputs generated/manifest.json records. Each becomes a SpecSet.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SvcgenInputError } from '../load/errors.ts';
import { sha256Hex } from '../load/fs-util.ts';
import { LOCK_FILE, lockVendor, type Lock, type LockFileEntry, type SourceFormat } from '../load/lock.ts';
import { declaredFormat } from '../load/declared-format.ts';
import { parseDocument } from '../load/parse.ts';
import { resolveSpecFile } from '../load/resolve.ts';
import type { LoadOptions } from '../load/options.ts';
import type { VendorManifest } from '../write/manifest.ts';
import type { SpecSet } from './spec-set.ts';

/**
 * `others`: further pins (e.g. the working tree's lock) where the same bytes may sit under another
 * path, as after `svcgen update` moved the replaced file to `previous/`.
 */
export async function pinnedSet(lock: Lock, vendor: string, options: LoadOptions, overlaysRoot = options.root, others: LockFileEntry[] = []): Promise<SpecSet> {
  const entry = lockVendor(lock, vendor);
  const inputs = entry.files.filter((f) => f.role === 'input');
  const files = await Promise.all(inputs.map(async (file) => ({ path: file.path, bytes: await pinBytes(file, options, others), shown: file.path, entry: file })));
  return { vendor, format: entry.format, files, overlaysRoot };
}

/**
 * A pin's bytes, checked against its sha256: from its own path in the mirror; failing that (an older
 * pin whose path now holds the newer file), from another pin with the same sha256, the download
 * cache or its address. The first error is the one reported when nothing has them.
 */
export async function pinBytes(entry: LockFileEntry, options: LoadOptions, others: LockFileEntry[] = []): Promise<Buffer> {
  let first: unknown;
  const attempts: [LockFileEntry, LoadOptions][] = [
    [entry, options],
    ...others.filter((o) => o.sha256 === entry.sha256 && o.path !== entry.path).map((o): [LockFileEntry, LoadOptions] => [o, options]),
    [entry, { ...options, mirror: path.join(tmpdir(), 'svcgen-no-mirror') }],
  ];
  for (const [pin, settings] of attempts) {
    try {
      return (await resolveSpecFile(pin, settings)).bytes;
    } catch (error) {
      if (!(error instanceof SvcgenInputError)) throw error;
      first ??= error;
    }
  }
  throw first;
}

export interface ReadSource {
  bytes: Buffer;
  shown: string;
  /** What the file declares itself: a vendor's new release may move to another OpenAPI version. */
  format: SourceFormat;
}

/** A local path or an http(s) URL → bytes; a missing file, failed download or unparsable text is bad input naming it. */
export async function readSource(source: string, cwd: string, fetcher: typeof fetch = globalThis.fetch): Promise<ReadSource> {
  let bytes: Buffer;
  if (/^https?:\/\//.test(source)) {
    try {
      const response = await fetcher(source);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      bytes = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      throw new SvcgenInputError({ file: source }, `download failed: ${(error as Error).message}`, { cause: error });
    }
  } else {
    const file = path.resolve(cwd, source);
    if (!existsSync(file)) throw new SvcgenInputError({ file: source }, 'file not found');
    bytes = readFileSync(file);
  }
  const { document } = await parseDocument({ file: source, text: bytes });
  return { bytes, shown: source, format: declaredFormat(document, source) };
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

/**
 * The set with input `index` replaced. A vendor of one file takes the new file's format (a release
 * that moves from OpenAPI 3.0 to 3.1, or from Swagger 2.0 to 3.x); one of several files must keep
 * the format the others share, which the loader's lock holds once per vendor.
 */
export function replaceInput(set: SpecSet, index: number, source: ReadSource): SpecSet {
  if (source.format !== set.format && set.files.length > 1) {
    throw new SvcgenInputError(
      { file: source.shown, pointer: source.format === 'swagger-2.0' ? '/swagger' : '/openapi' },
      `is ${source.format}, but ${set.vendor}'s other ${set.files.length - 1} input files are ${set.format}: one vendor's files share one format`,
    );
  }
  const files = set.files.map((f, i) => (i === index ? { path: f.path, bytes: source.bytes, shown: source.shown } : f));
  return { ...set, format: source.format, files };
}

function git(root: string, args: string[]): Buffer {
  return execFileSync('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
}

/** specs/lock.json as committed at `ref` (default HEAD), or undefined outside git or without one. */
export function headLock(root: string, ref = 'HEAD'): Lock | undefined {
  try {
    return JSON.parse(git(root, ['show', `${ref}:${LOCK_FILE}`]).toString('utf8')) as Lock;
  } catch {
    return undefined;
  }
}

/** `specs/overlays/` as committed at `ref` (default HEAD), extracted into a scratch folder. */
export function headOverlays(root: string, ref = 'HEAD'): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'svcgen-head-'));
  try {
    const tar = git(root, ['archive', '--format=tar', ref, 'specs/overlays']);
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
    const bytes = await pinBytes(entry, options, candidates).catch((error: unknown) => {
      if (error instanceof SvcgenInputError) return undefined;
      throw error;
    });
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

