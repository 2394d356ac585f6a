// Where the benchmarks read and write: the project root, the spec mirror the generator also uses,
// and the git-ignored scratch folder every tool writes its output into.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Scratch space: ignored by git and, being a dot-folder, by tsconfig.json's `bench` include. */
export const workRoot = path.join(projectRoot, 'bench', '.work');

/** A benchmark's scratch folder: always one level below workRoot, so depth-relative imports hold. */
export function scratchDir(name: string): string {
  if (!/^[\w.-]+$/.test(name) || name.startsWith('.')) throw new Error(`scratch folder name '${name}' must be a plain folder name`);
  return path.join(workRoot, name);
}

export function specMirror(): string {
  return path.resolve(projectRoot, process.env.SVCGEN_SPEC_MIRROR ?? '../shared/specs');
}

export type Vendor = 'stripe' | 'sendgrid' | 'airwallex';
export const vendors: readonly Vendor[] = ['stripe', 'sendgrid', 'airwallex'];

interface LockFile {
  readonly path: string;
  readonly role?: string;
}
interface Lock {
  readonly vendors: Readonly<Record<string, { readonly format: string; readonly files: readonly LockFile[] }>>;
}

/** The pinned input files of a vendor (absolute paths in the mirror), in lock order. */
export function specInputs(vendor: Vendor): string[] {
  const lock = JSON.parse(readFileSync(path.join(projectRoot, 'specs', 'lock.json'), 'utf8')) as Lock;
  const entry = lock.vendors[vendor];
  if (!entry) throw new Error(`specs/lock.json has no vendor '${vendor}'`);
  return entry.files.filter((f) => (f.role ?? 'input') === 'input').map((f) => path.join(specMirror(), f.path));
}

/** Two small real files for --quick runs: enough to exercise every tool (and a multi-file run),
 * cheap enough for CI. */
export function tinySpecInputs(): [string, string] {
  return [path.join(specMirror(), 'sendgrid', 'tsg_mc_test_v3.json'), path.join(specMirror(), 'sendgrid', 'tsg_partner_v3.json')];
}

export function bin(name: string): string {
  return path.join(projectRoot, 'node_modules', '.bin', name);
}

/** A package's own entry script, run with this Node (the .bin shims may be shell scripts). */
export function packageFile(...parts: string[]): string {
  return path.join(projectRoot, 'node_modules', ...parts);
}
