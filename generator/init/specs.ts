// The Worker's own specs/: the chosen vendors' pins (the files svcgen itself generates from), their
// overlays, and the spec files no URL serves (added from a local file), so `npx svcgen generate`
// inside the Worker resolves and regenerates the same way on any machine.
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readLock, SvcgenInputError } from '../load/index.ts';
import type { Lock, LockFileEntry } from '../load/index.ts';
import { resolveSpecFile } from '../load/resolve.ts';

/** Where the Worker keeps a spec file that no URL serves (one added from a local file). */
const OWN_SPECS = 'specs/files';

/**
 * Copies the chosen vendors' pins and overlays from `sourceRoot`: svcgen's own project, or the one
 * `--from` names (`fromFlag` set), e.g. a project where the user pinned a vendor of their own.
 */
export async function writeSpecs(sourceRoot: string, staging: string, vendors: string[], fromFlag?: string): Promise<void> {
  const lock: Lock = await readLock(sourceRoot);
  const known = Object.keys(lock.vendors);
  for (const vendor of vendors) {
    if (!known.includes(vendor)) {
      const pins = fromFlag ? `${fromFlag} ${sourceRoot} pins` : 'svcgen pins';
      throw new SvcgenInputError({ file: '--vendors' }, `unknown vendor '${vendor}' (${pins}: ${known.join(', ')}${fromFlag ? '' : '; --from PROJECT takes vendors a project of yours pins'})`);
    }
  }
  const copied = new Map<LockFileEntry, string>();
  for (const vendor of vendors) {
    for (const file of lock.vendors[vendor]!.files) {
      // A pin added from a local file has a `file:` URL no other machine can read: the Worker keeps
      // the file itself (its bytes checked against the pin), so a clone regenerates anywhere.
      if (file.role !== 'input' || !/^file:/i.test(file.url)) continue;
      const resolved = await resolveSpecFile(file, { root: sourceRoot, download: false });
      const own = `${OWN_SPECS}/${file.path}`;
      mkdirSync(dirname(join(staging, own)), { recursive: true });
      writeFileSync(join(staging, own), resolved.bytes);
      copied.set(file, own);
    }
  }
  const own: Lock & { $comment: string } = {
    $comment: `The specs this Worker generates from (copied from ${fromFlag ? 'the --from project' : 'svcgen'} by \`svcgen init\`). Files resolve from SVCGEN_SPEC_MIRROR, from \`source\` (${OWN_SPECS}/ holds those added from a local file) or download from \`url\`; the sha256 is always verified.`,
    ...lock,
    vendors: Object.fromEntries(
      vendors.map((vendor) => {
        const entry = lock.vendors[vendor]!;
        // Only what the project generates from; earlier versions stay in svcgen's own lock.
        const files = entry.files.filter((file) => file.role === 'input').map((file) => (copied.has(file) ? { ...file, source: copied.get(file)! } : file));
        return [vendor, { ...entry, files }];
      }),
    ),
  };
  mkdirSync(join(staging, 'specs', 'overlays'), { recursive: true });
  writeFileSync(join(staging, 'specs', 'lock.json'), JSON.stringify(own, null, 2) + '\n');
  for (const vendor of vendors) {
    const overlays = join(sourceRoot, 'specs', 'overlays', vendor);
    if (existsSync(overlays)) cpSync(overlays, join(staging, 'specs', 'overlays', vendor), { recursive: true });
  }
}
