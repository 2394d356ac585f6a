// specs/lock.json: which vendor files are pinned, where they come from and their sha256.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SvcgenInputError } from './errors.ts';
import { escapePointerSegment } from '../json-pointer.ts';

export const LOCK_FILE = 'specs/lock.json';

export type SourceFormat = 'openapi-3.0' | 'openapi-3.1' | 'swagger-2.0';
const SOURCE_FORMATS: readonly string[] = ['openapi-3.0', 'openapi-3.1', 'swagger-2.0'];

export interface LockFileEntry {
  /** Path relative to the spec mirror, e.g. `acme/openapi.json`. */
  path: string;
  url: string;
  sha256: string;
  /** `input` files make up the vendor's API; `previous` ones are kept for drift work. */
  role: 'input' | 'previous';
  upstream?: string;
  upstreamPath?: string;
  commit?: string;
  bytes?: number;
  /**
   * The file as `svcgen add` or `svcgen update` was given it, when that was a local path: relative
   * to the project root (so a project that commits its own spec finds it after a clone, wherever it
   * lies), else absolute. A URL given there is `url` itself.
   */
  source?: string;
}

export interface LockVendor {
  format: SourceFormat;
  files: LockFileEntry[];
}

export interface Lock {
  lockVersion: number;
  vendors: Record<string, LockVendor>;
}

export async function readLock(root: string): Promise<Lock> {
  let text: string;
  try {
    text = await readFile(path.join(root, LOCK_FILE), 'utf8');
  } catch (error) {
    throw new SvcgenInputError({ file: LOCK_FILE }, `cannot read the lock file (${(error as Error).message})`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SvcgenInputError({ file: LOCK_FILE }, `not valid JSON (${(error as Error).message})`, { cause: error });
  }
  return checkLock(data);
}

export async function listVendors(root: string): Promise<string[]> {
  return Object.keys((await readLock(root)).vendors);
}

export function lockVendor(lock: Lock, vendor: string): LockVendor {
  const entry = Object.hasOwn(lock.vendors, vendor) ? lock.vendors[vendor] : undefined;
  if (!entry) {
    throw new SvcgenInputError(
      { file: LOCK_FILE, pointer: `/vendors/${escapePointerSegment(vendor)}` },
      `no vendor '${vendor}' in the lock (known: ${Object.keys(lock.vendors).join(', ') || 'none'})`,
    );
  }
  return entry;
}

function checkLock(data: unknown): Lock {
  const fail = (pointer: string, problem: string): never => {
    throw new SvcgenInputError({ file: LOCK_FILE, pointer }, problem);
  };
  if (!isRecord(data)) return fail('', 'the lock must be a JSON object');
  if (!isRecord(data.vendors)) return fail('/vendors', 'missing object `vendors`');
  for (const [vendor, value] of Object.entries(data.vendors)) {
    const at = `/vendors/${escapePointerSegment(vendor)}`;
    if (!isRecord(value)) return fail(at, 'a vendor entry must be an object');
    if (typeof value.format !== 'string' || !SOURCE_FORMATS.includes(value.format)) {
      fail(`${at}/format`, `format must be one of ${SOURCE_FORMATS.join(', ')}`);
    }
    if (!Array.isArray(value.files) || value.files.length === 0) return fail(`${at}/files`, 'files must be a non-empty array');
    value.files.forEach((file: unknown, index: number) => {
      const fileAt = `${at}/files/${index}`;
      if (!isRecord(file)) return fail(fileAt, 'a file entry must be an object');
      for (const key of ['path', 'url', 'sha256'] as const) {
        if (typeof file[key] !== 'string' || file[key] === '') fail(`${fileAt}/${key}`, `missing string \`${key}\``);
      }
      if (!/^[0-9a-f]{64}$/.test(String(file.sha256))) fail(`${fileAt}/sha256`, 'sha256 must be 64 lowercase hex digits');
      if (file.role !== 'input' && file.role !== 'previous') fail(`${fileAt}/role`, "role must be 'input' or 'previous'");
      const filePath = String(file.path);
      if (path.isAbsolute(filePath) || filePath.split(/[\\/]/).includes('..')) {
        fail(`${fileAt}/path`, 'path must be relative to the mirror and stay inside it');
      }
      return undefined;
    });
    if (!value.files.some((file: Record<string, unknown>) => file.role === 'input')) {
      fail(`${at}/files`, "the vendor has no file with role 'input'");
    }
  }
  return data as unknown as Lock;
}

function isRecord(value: unknown): value is Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
