// Find a pinned spec file: the mirror first, then the download cache, then the local file it was
// added from (`source`), then the lock's `url` (a `file:` URL is read, not fetched: Node's fetch
// has no file scheme). Every byte that leaves here has been checked against the lock's sha256.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SvcgenInputError } from './errors.ts';
import { readIfExists, sha256Hex, writeCache } from './fs-util.ts';
import { lockVendor, type Lock, type LockFileEntry } from './lock.ts';
import { resolveOptions } from './options.ts';
import type { LoadOptions } from './options.ts';

export interface ResolvedSpecFile {
  /** The lock path, e.g. `acme/openapi.yaml`. */
  path: string;
  /** Where the bytes were read from. */
  absolutePath: string;
  origin: 'mirror' | 'cache' | 'file' | 'download';
  bytes: Buffer;
  sha256: string;
}

export async function resolveSpecFile(entry: LockFileEntry, options: LoadOptions): Promise<ResolvedSpecFile> {
  const resolved = resolveOptions(options);
  const mirrorPath = path.resolve(resolved.mirror, entry.path);
  const fromMirror = await readIfExists(mirrorPath);
  if (fromMirror) return verified(entry, fromMirror, mirrorPath, 'mirror');

  const cachePath = downloadCachePath(resolved.cacheDir, entry);
  const fromCache = await readIfExists(cachePath);
  if (fromCache && sha256Hex(fromCache) === entry.sha256) {
    return { path: entry.path, absolutePath: cachePath, origin: 'cache', bytes: fromCache, sha256: entry.sha256 };
  }

  // A local file is read whatever `download` says: nothing leaves the machine.
  for (const file of localFiles(entry, resolved.root)) {
    const bytes = await readIfExists(file);
    if (bytes) return verified(entry, bytes, file, 'file');
  }

  const missing = `not in the mirror (tried ${mirrorPath})`;
  if (/^file:/i.test(entry.url)) {
    throw new SvcgenInputError({ file: entry.path }, `${missing}, and neither ${[...localFiles(entry, resolved.root)].join(' nor ')} exists`);
  }
  if (!resolved.download) {
    throw new SvcgenInputError({ file: entry.path }, `${missing} and downloading is disabled; it would come from ${entry.url}`);
  }
  let bytes: Buffer;
  try {
    const response = await (resolved.fetch ?? globalThis.fetch)(entry.url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    bytes = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    throw new SvcgenInputError(
      { file: entry.path },
      `${missing} and downloading ${entry.url} failed: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const file = verified(entry, bytes, entry.url, 'download');
  await writeCache(cachePath, bytes);
  return { ...file, absolutePath: cachePath };
}

/** The local files that may hold the pin: its `source` (relative to the project root) and a `file:` url. */
function* localFiles(entry: LockFileEntry, root: string): Generator<string> {
  if (entry.source !== undefined && !/^[a-z][a-z0-9+.-]*:\/\//i.test(entry.source)) yield path.resolve(root, entry.source);
  if (/^file:/i.test(entry.url)) {
    try {
      yield fileURLToPath(entry.url);
    } catch {
      // Not a path on this machine (another host's file URL): nothing to read.
    }
  }
}

/** Keyed by hash so that a lock update never serves stale bytes. */
function downloadCachePath(cacheDir: string, entry: LockFileEntry): string {
  return path.join(cacheDir, 'downloads', `${entry.sha256}-${path.basename(entry.path)}`);
}

function verified(entry: LockFileEntry, bytes: Buffer, from: string, origin: ResolvedSpecFile['origin']): ResolvedSpecFile {
  const actual = sha256Hex(bytes);
  if (actual !== entry.sha256) {
    throw new SvcgenInputError(
      { file: entry.path },
      `sha256 mismatch for ${from}: the lock expects ${entry.sha256}, the file has ${actual}`,
    );
  }
  return { path: entry.path, absolutePath: from, origin, bytes, sha256: actual };
}

/**
 * Every file the lock pins for a vendor, `role: previous` included, found and checked against its
 * sha256 exactly as inputs are: a missing or altered previous file is bad input, not a silent gap.
 */
export async function verifyPinnedFiles(lock: Lock, vendor: string, options: LoadOptions): Promise<ResolvedSpecFile[]> {
  const entry = lockVendor(lock, vendor);
  return Promise.all(entry.files.map((file) => resolveSpecFile(file, options)));
}
