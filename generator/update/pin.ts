// The new lock for an update: the replaced input keeps its path and gets the new sha256, size and
// address; the replaced pin stays as `role: previous` at a path of its own in the mirror.
import path from 'node:path';
import { sha256Hex } from '../load/fs-util.ts';
import type { Lock, LockFileEntry, SourceFormat } from '../load/lock.ts';

export interface PinChange {
  lock: Lock;
  /** Mirror writes, lock path → bytes: the old bytes under the previous path, the new ones under the input path. */
  writes: [string, Buffer][];
  previous: LockFileEntry;
  current: LockFileEntry;
}

export function previousPath(entry: LockFileEntry): string {
  const ext = path.extname(entry.path);
  const dir = path.posix.dirname(entry.path);
  return path.posix.join(dir, 'previous', `${path.basename(entry.path, ext)}-${entry.sha256.slice(0, 12)}${ext}`);
}

export function newPin(lock: Lock, vendor: string, inputPath: string, oldBytes: Buffer, source: { bytes: Buffer; shown: string; url: string; format: SourceFormat; local?: string }): PinChange {
  const next = structuredClone(lock);
  // The new file's own format (update refuses one that differs from a multi-file vendor's others).
  next.vendors[vendor]!.format = source.format;
  const files = next.vendors[vendor]!.files;
  const index = files.findIndex((f) => f.role === 'input' && f.path === inputPath);
  const old = files[index]!;
  const commit = /\b[0-9a-f]{40}\b/.exec(source.url)?.[0];
  const current: LockFileEntry = {
    path: old.path,
    url: source.url,
    ...(old.upstream ? { upstream: old.upstream } : {}),
    ...(old.upstreamPath ? { upstreamPath: old.upstreamPath } : {}),
    ...(commit ? { commit } : {}),
    sha256: sha256Hex(source.bytes),
    bytes: source.bytes.length,
    role: 'input',
    ...(source.local !== undefined ? { source: source.local } : {}),
  };
  const previous: LockFileEntry = { ...old, path: previousPath(old), role: 'previous' };
  // One previous pin per input: the one being replaced supersedes an older one of the same file.
  const samePlace = (f: LockFileEntry) => f.role === 'previous' && (old.upstreamPath !== undefined ? f.upstreamPath === old.upstreamPath : path.basename(f.path).startsWith(path.basename(old.path, path.extname(old.path))));
  const kept = files.filter((f, i) => i !== index && !samePlace(f));
  kept.splice(Math.min(index, kept.length), 0, current);
  kept.push(previous);
  next.vendors[vendor]!.files = kept;
  return { lock: next, writes: [[previous.path, oldBytes], [current.path, source.bytes]], previous, current };
}
