// A fingerprint of everything that shapes the output besides the specs: the generator's own
// sources, templates and the versions of the libraries that emit code. Unchanged fingerprint +
// unchanged pinned inputs + untouched files = nothing to regenerate.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from './hash.ts';

/** The svcgen package itself (not the user's project root). */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out;
}

export function generatorFingerprint(root: string = PACKAGE_ROOT): string {
  const parts: string[] = [];
  for (const dir of ['generator', 'templates']) {
    for (const file of listFiles(join(root, dir))) parts.push(relative(root, file), sha256(readFileSync(file)));
  }
  const lock = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const dep of ['openapi-typescript', 'zod', 'swagger2openapi']) parts.push(dep, String(lock.dependencies?.[dep]));
  return sha256(parts.join('\n'));
}
