// `svcgen generate --spec FILE|URL [--spec …] --vendor NAME --out DIR`: try a spec out with no lock
// entry. Writes DIR/NAME/ atomically (other entries of DIR are kept) and prints the pin and the
// inferred profile `svcgen add` would write.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { SvcgenInputError } from '../load/errors.ts';
import { generateOneOff, VENDOR_NAME } from '../profile-infer/one-off.ts';
import { readSpecSource, type SpecSource } from '../profile-infer/sources.ts';
import { replaceOutput } from '../write/atomic.ts';
import { oneOffListings } from './one-off-listings.ts';

export interface OneOffArgs {
  specs: string[];
  vendors: string[] | undefined;
  out: string | undefined;
  json: boolean;
  cwd: string;
}

export async function runOneOffGenerate(args: OneOffArgs): Promise<number> {
  if (args.vendors?.length !== 1) throw new SvcgenInputError({ file: '--vendor' }, 'with --spec, give exactly one --vendor NAME (the name the client is generated under)');
  const vendor = args.vendors[0]!;
  if (!VENDOR_NAME.test(vendor)) throw new SvcgenInputError({ file: '--vendor' }, `'${vendor}' is not a vendor name: use lowercase letters, digits and single hyphens, starting with a letter`);
  if (!args.out) throw new SvcgenInputError({ file: '--out' }, 'with --spec, give --out DIR (a one-off run never writes the project\'s output folder by default)');
  const sources: SpecSource[] = [];
  for (const spec of args.specs) sources.push(await readSpecSource(spec, args.cwd));
  const result = await generateOneOff(vendor, sources, args.cwd, undefined, { out: args.out });
  const outDir = path.resolve(args.cwd, args.out);
  const keep = existsSync(outDir) ? readdirSync(outDir).filter((entry) => entry !== vendor) : [];
  replaceOutput(outDir, { files: new Map(result.job.files), keep });
  // With no manifest in this mode, say what the manifest would list (one-off-listings.ts).
  const typed = (file: string) => sources[result.pin.files.findIndex((pinned) => pinned.path === file)]?.source ?? file;
  process.stderr.write(oneOffListings(result.job.manifest, typed));
  if (args.json) {
    const { renamed, componentRenames, omittedOperations } = result.job.manifest;
    process.stdout.write(JSON.stringify({ out: outDir, vendor, operations: result.job.operations, files: result.job.files.length, renamed, componentRenames, omittedOperations, pin: result.pin }) + '\n');
  } else {
    process.stdout.write(`${vendor}: ${result.job.operations} operations, ${result.job.files.length} files → ${path.join(outDir, vendor)}\n`);
    process.stdout.write(`not pinned; \`svcgen add ${vendor} ${args.specs.map((s) => `--spec ${s}`).join(' ')}\` would add to specs/lock.json:\n`);
    process.stdout.write(JSON.stringify({ [vendor]: result.pin }, null, 2) + '\n');
  }
  return 0;
}
