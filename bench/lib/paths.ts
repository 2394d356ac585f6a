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

/** A vendor pinned in specs/lock.json. */
export type Vendor = string;

interface LockFile {
  readonly path: string;
  readonly role?: string;
  readonly bytes?: number;
}
interface Lock {
  readonly vendors: Readonly<Record<string, { readonly format: string; readonly files: readonly LockFile[] }>>;
}

function readLock(): Lock {
  return JSON.parse(readFileSync(path.join(projectRoot, 'specs', 'lock.json'), 'utf8')) as Lock;
}

function inputFiles(lock: Lock, vendor: Vendor): readonly LockFile[] {
  const entry = lock.vendors[vendor];
  if (!entry) throw new Error(`specs/lock.json has no vendor '${vendor}'`);
  return entry.files.filter((f) => (f.role ?? 'input') === 'input');
}

/** Every vendor pinned in specs/lock.json, in lock order. */
export function pinnedVendors(): Vendor[] {
  return Object.keys(readLock().vendors);
}

/** The pinned input files of a vendor (absolute paths in the mirror), in lock order. */
export function specInputs(vendor: Vendor): string[] {
  return inputFiles(readLock(), vendor).map((f) => path.join(specMirror(), f.path));
}

/** Two small real files for --quick runs: enough to exercise every tool (and a multi-file run),
 * cheap enough for CI. The two smallest inputs (by the lock's `bytes`) of the multi-file vendor
 * whose two smallest are smallest together, in lock order. */
export function tinySpec(): { vendor: Vendor; inputs: [string, string] } {
  const lock = readLock();
  let best: { vendor: Vendor; files: LockFile[]; bytes: number } | undefined;
  for (const vendor of Object.keys(lock.vendors)) {
    const files = inputFiles(lock, vendor);
    if (files.length < 2 || files.some((f) => f.bytes === undefined)) continue;
    const smallest = [...files].sort((a, b) => a.bytes! - b.bytes!).slice(0, 2);
    const bytes = smallest[0]!.bytes! + smallest[1]!.bytes!;
    if (!best || bytes < best.bytes) best = { vendor, files: files.filter((f) => smallest.includes(f)), bytes };
  }
  if (!best) throw new Error('specs/lock.json pins no vendor with two or more input files of known size');
  const [a, b] = best.files.map((f) => path.join(specMirror(), f.path));
  return { vendor: best.vendor, inputs: [a!, b!] };
}

/** The two files of tinySpec(). */
export function tinySpecInputs(): [string, string] {
  return tinySpec().inputs;
}

export function bin(name: string): string {
  return path.join(projectRoot, 'node_modules', '.bin', name);
}

/** A package's own entry script, run with this Node (the .bin shims may be shell scripts). */
export function packageFile(...parts: string[]): string {
  return path.join(projectRoot, 'node_modules', ...parts);
}
