// `svcgen check` verifies every file the lock pins, which on an up-to-date tree is most of its work.
// A file in the mirror is hashed where it lies, in chunks, without keeping its bytes (nothing is
// parsed on that path). Any other case (not in the mirror, unreadable, a different hash) goes through
// resolveSpecFile, which looks in the download cache, downloads, and words the error; so a file
// passes here exactly when its bytes have the lock's sha256, as there.
import path from 'node:path';
import { lockVendor, type Lock } from '../load/lock.ts';
import { resolveOptions, type LoadOptions } from '../load/options.ts';
import { resolveSpecFile } from '../load/resolve.ts';
import { sha256File } from '../write/hash.ts';

export async function verifyPinnedHashes(lock: Lock, vendor: string, options: LoadOptions): Promise<void> {
  const mirror = resolveOptions(options).mirror;
  for (const file of lockVendor(lock, vendor).files) {
    if (hashInMirror(path.resolve(mirror, file.path)) === file.sha256) continue;
    await resolveSpecFile(file, options);
  }
}

function hashInMirror(file: string): string | undefined {
  try {
    return sha256File(file);
  } catch {
    return undefined; // resolveSpecFile says what is wrong, or finds the file elsewhere.
  }
}
