// Drift between a fresh in-memory generation and what is on disk: changed, missing and extra
// files of the generated vendors, and a manifest that no longer matches.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { GenerateResult } from '../generate.ts';
import { MANIFEST_FILE } from '../write/manifest.ts';

export interface Drift {
  file: string;
  problem: 'changed' | 'missing' | 'unexpected';
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** Every file under a vendor's output folder, relative to the output folder (as the manifest names them). */
export function vendorFiles(outDir: string, vendor: string): string[] {
  return walk(join(outDir, vendor)).map((file) => relative(outDir, file));
}

/**
 * A vendor whose folder is absent (a clean clone, where only the manifest is committed) is checked
 * through the manifest alone: its recorded file hashes must equal the fresh ones.
 */
export function findDrift(result: GenerateResult): Drift[] {
  const drift: Drift[] = [];
  for (const [rel, content] of result.files) {
    const file = join(result.outDir, rel);
    const vendorDir = rel.includes('/') ? join(result.outDir, rel.split('/')[0]!) : undefined;
    if (vendorDir && !existsSync(vendorDir)) continue;
    if (!existsSync(file)) drift.push({ file: rel, problem: 'missing' });
    else if (readFileSync(file, 'utf8') !== content) drift.push({ file: rel, problem: 'changed' });
  }
  for (const vendor of result.vendors) {
    for (const rel of vendorFiles(result.outDir, vendor.vendor)) {
      if (!result.files.has(rel) && rel !== MANIFEST_FILE) drift.push({ file: rel, problem: 'unexpected' });
    }
  }
  return drift.sort((a, b) => (a.file < b.file ? -1 : 1));
}
