// What `svcgen init` copies from the running svcgen: the versions it pins (its own package.json),
// the vendor pins and overlays (specs/), and the project templates (templates/init/). In a checkout
// the generator runs from generator/ beside them; an installed copy runs from dist/generator/, with
// the templates copied into dist/ (scripts/build-dist.mjs) and package.json + specs/ one level up.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PackageFiles {
  /** The folder holding svcgen's package.json and specs/. */
  root: string;
  /** templates/init/ */
  templates: string;
  version: string;
  /** Every dependency and devDependency pin of svcgen's package.json. */
  pins: Readonly<Record<string, string>>;
}

let cached: PackageFiles | undefined;

export function packageFiles(): PackageFiles {
  if (cached) return cached;
  const here = fileURLToPath(new URL('.', import.meta.url));
  let dir = here;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
      if (pkg.name === 'svcgen' && existsSync(join(dir, 'specs', 'lock.json'))) {
        cached = {
          root: dir,
          templates: fileURLToPath(new URL('../../templates/init/', import.meta.url)),
          version: pkg.version,
          pins: { ...pkg.dependencies, ...pkg.devDependencies },
        };
        return cached;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`svcgen's own package.json and specs/lock.json were not found above ${here}`);
    dir = parent;
  }
}

/** svcgen's pin of `name`; a missing pin is a packaging bug, not user input. */
export function pinOf(name: string): string {
  const pin = packageFiles().pins[name];
  if (!pin) throw new Error(`svcgen's package.json pins no version of ${name}`);
  return pin;
}
