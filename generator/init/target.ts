// The project is built in a sibling staging folder and moved into place at the end, so a failed
// init leaves the target folder as it was (absent, empty, or with only the user's own files).
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { SvcgenInputError } from '../load/errors.ts';

/** Refuses a non-empty folder unless `force` (exit 2, naming it). */
export function checkTarget(dir: string, force: boolean, shown: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new SvcgenInputError({ file: shown }, 'exists and is not a folder');
  const entries = readdirSync(dir);
  if (entries.length > 0 && !force) {
    throw new SvcgenInputError({ file: shown }, `the folder is not empty (${entries.length} entries, e.g. ${entries.slice(0, 3).join(', ')}): choose an empty folder or pass --force`);
  }
}

export function createStaging(dir: string): string {
  const staging = join(dirname(resolve(dir)), `.${basename(dir)}.svcgen-init-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  return staging;
}

/** Moves every top-level entry of `staging` into `dir` (replacing same-named entries), then removes `staging`. */
export function publish(staging: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(staging)) {
    rmSync(join(dir, name), { recursive: true, force: true });
    renameSync(join(staging, name), join(dir, name));
  }
  rmSync(staging, { recursive: true, force: true });
}
