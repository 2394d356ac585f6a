// The Worker's own specs/: the chosen vendors' pins (the files svcgen itself generates from) and
// their overlays, so `npx svcgen generate` inside the Worker resolves and regenerates the same way.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLock, SvcgenInputError } from '../load/index.ts';
import type { Lock } from '../load/index.ts';

export async function writeSpecs(packageRoot: string, staging: string, vendors: string[]): Promise<void> {
  const lock: Lock = await readLock(packageRoot);
  const known = Object.keys(lock.vendors);
  for (const vendor of vendors) {
    if (!known.includes(vendor)) throw new SvcgenInputError({ file: '--vendors' }, `unknown vendor '${vendor}' (svcgen pins: ${known.join(', ')})`);
  }
  const own: Lock & { $comment: string } = {
    $comment: 'The specs this Worker generates from (copied from svcgen by `svcgen init`). Files resolve from SVCGEN_SPEC_MIRROR or download from `url`; the sha256 is always verified.',
    ...lock,
    vendors: Object.fromEntries(
      vendors.map((vendor) => {
        const entry = lock.vendors[vendor]!;
        // Only what the project generates from; earlier versions stay in svcgen's own lock.
        return [vendor, { ...entry, files: entry.files.filter((file) => file.role === 'input') }];
      }),
    ),
  };
  mkdirSync(join(staging, 'specs', 'overlays'), { recursive: true });
  writeFileSync(join(staging, 'specs', 'lock.json'), JSON.stringify(own, null, 2) + '\n');
  for (const vendor of vendors) {
    cpSync(join(packageRoot, 'specs', 'overlays', vendor), join(staging, 'specs', 'overlays', vendor), { recursive: true });
  }
}
