import { closeSync, openSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

const CHUNK = 1 << 20;
let chunk: Buffer | undefined;

/**
 * A file's sha256, read in chunks through one reused buffer. Reading each file whole allocates fresh
 * memory per file, which in a short-lived process cost more than the hashing: over the 27 generated
 * files of this repository's three vendors (11.6 MB), 85-100 ms whole against 16-24 ms chunked.
 */
export function sha256File(file: string): string {
  chunk ??= Buffer.allocUnsafe(CHUNK);
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    for (let n; (n = readSync(fd, chunk, 0, CHUNK, null)) > 0; ) hash.update(chunk.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}
