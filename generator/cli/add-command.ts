// `svcgen add NAME --spec FILE|URL [--spec …]`: a new vendor from its spec. The spec is first
// generated in a throw-away project (so a spec svcgen cannot handle changes nothing); then the
// files are copied into the spec mirror, pinned in specs/lock.json, a starter profile with a
// comment for each guess is written to specs/overlays/NAME/00-profile.yaml, the vendor is added
// to the config, and the vendor is generated. Any failure puts every touched file back.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { commandLine, processIO, type CommandIO } from './command-line.ts';
import { loadConfig } from '../config/load-config.ts';
import { generate } from '../generate.ts';
import { SvcgenInputError } from '../load/errors.ts';
import { LOCK_FILE } from '../load/lock.ts';
import { resolveOptions } from '../load/options.ts';
import { addVendorToConfig } from '../profile-infer/config-edit.ts';
import { generateOneOff, VENDOR_NAME } from '../profile-infer/one-off.ts';
import { readSpecSource, type SpecSource } from '../profile-infer/sources.ts';
import { escapePointerSegment } from '../json-pointer.ts';

export const ADD_HELP = `Usage: svcgen add NAME --spec FILE|URL [--spec FILE|URL]... [--config FILE] [--json]

Adds a vendor from its OpenAPI spec (2.0, 3.0 or 3.1; several files are merged):
  - copies the files into the spec mirror and pins them in specs/lock.json (sha256, bytes, source),
  - writes specs/overlays/NAME/00-profile.yaml: servers, auth, idempotency header, pagination and
    policy inferred from the spec, with a comment on every guess and every gap,
  - adds NAME to the config's vendors, and generates it.
Nothing is changed when the spec cannot be generated. NAME: lowercase letters, digits, single hyphens.
To try a spec without adding it: svcgen generate --spec FILE --vendor NAME --out DIR`;

const OPTIONS = {
  spec: { type: 'string', multiple: true },
  config: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type AddIO = CommandIO;

const cli = commandLine('add', ADD_HELP, OPTIONS);
const usage = cli.usage;

export async function runAdd(args: string[], io: AddIO = processIO()): Promise<number> {
  const parsed = cli.parse(args, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return usage(io, positionals.length === 0 ? 'missing the vendor NAME' : `one vendor NAME at a time (got ${positionals.join(', ')})`);
  const vendor = positionals[0]!;
  if (!VENDOR_NAME.test(vendor)) return usage(io, `'${vendor}' is not a vendor name: use lowercase letters, digits and single hyphens, starting with a letter`);
  if (!values.spec?.length) return usage(io, 'missing --spec FILE|URL');
  try {
    const result = await addVendor({ root: io.cwd, vendor, specs: values.spec, ...(values.config ? { configFile: values.config } : {}) });
    if (values.json) io.stdout.write(JSON.stringify(result) + '\n');
    else {
      io.stdout.write(`${vendor}: pinned ${result.pinned.join(', ')} in ${LOCK_FILE}; profile ${result.profile}${result.config ? `; added to ${result.config}` : ''}\n`);
      io.stdout.write(`${vendor}: ${result.operations} operations generated into ${result.out}\n`);
      if (result.notes.length) io.stdout.write(`check the profile's comments:\n${result.notes.map((n) => `  ${n}`).join('\n')}\n`);
    }
    return 0;
  } catch (err) {
    if (err instanceof SvcgenInputError) {
      io.stderr.write(`svcgen add: ${err.message}\n`);
      return 2;
    }
    io.stderr.write(`svcgen add: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}


export interface AddOptions {
  root: string;
  vendor: string;
  specs: string[];
  configFile?: string;
  fetch?: typeof fetch;
}

export interface AddResult {
  vendor: string;
  pinned: string[];
  profile: string;
  config?: string;
  out: string;
  operations: number;
  notes: string[];
}

/** One file's state before the change, to put back on failure. */
interface Saved {
  file: string;
  text: string | undefined;
}

export async function addVendor(options: AddOptions): Promise<AddResult> {
  const root = path.resolve(options.root);
  const { vendor } = options;
  const lockFile = path.join(root, LOCK_FILE);
  const lockText = existsSync(lockFile) ? readFileSync(lockFile, 'utf8') : undefined;
  const lock = lockText === undefined ? { lockVersion: 1, vendors: {} as Record<string, unknown> } : (JSON.parse(lockText) as { vendors: Record<string, unknown> });
  if (Object.hasOwn(lock.vendors ?? {}, vendor)) {
    throw new SvcgenInputError({ file: LOCK_FILE, pointer: `/vendors/${escapePointerSegment(vendor)}` }, `vendor '${vendor}' is already pinned; use \`svcgen update\` or edit the lock to change its files`);
  }
  const overlayDir = path.join(root, 'specs', 'overlays', vendor);
  const overlayRel = path.relative(root, path.join(overlayDir, '00-profile.yaml')).split(path.sep).join('/');
  if (existsSync(overlayDir)) throw new SvcgenInputError({ file: path.relative(root, overlayDir) }, `overlays for '${vendor}' already exist; remove the folder or choose another name`);

  const sources: SpecSource[] = [];
  for (const spec of options.specs) sources.push(await readSpecSource(spec, root, options.fetch));
  // Generated once in a throw-away project first: a spec svcgen refuses changes nothing here.
  const trial = await generateOneOff(vendor, sources, root);

  const { config, file: configShown } = await loadConfig(root, options.configFile);
  const mirror = config.specMirror ? path.resolve(root, config.specMirror) : resolveOptions({ root }).mirror;
  const saved: Saved[] = [];
  const save = (file: string) => saved.push({ file, text: existsSync(file) ? readFileSync(file, 'utf8') : undefined });
  const createdMirrorFiles: string[] = [];
  const specsDir = path.dirname(lockFile);
  const createdSpecs = !existsSync(specsDir);
  try {
    for (const [index, entry] of trial.pin.files.entries()) {
      const target = path.join(mirror, entry.path);
      if (existsSync(target) && readFileSync(target).equals(sources[index]!.bytes)) continue;
      if (existsSync(target)) throw new SvcgenInputError({ file: target }, `a different file is already in the spec mirror at ${entry.path}`);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, sources[index]!.bytes);
      createdMirrorFiles.push(target);
    }
    save(lockFile);
    const nextLock = lockText === undefined ? lock : (JSON.parse(lockText) as typeof lock);
    nextLock.vendors[vendor] = trial.pin;
    // A folder with a config and no specs/ yet: the first vendor starts the lock.
    if (createdSpecs) mkdirSync(specsDir, { recursive: true });
    writeFileSync(lockFile, JSON.stringify(nextLock, null, 2) + '\n');

    mkdirSync(overlayDir, { recursive: true });
    writeFileSync(path.join(overlayDir, '00-profile.yaml'), trial.overlayText);

    let configEdited: string | undefined;
    if (configShown) {
      const configPath = path.resolve(root, configShown);
      const next = addVendorToConfig(readFileSync(configPath, 'utf8'), configShown, vendor);
      if (next !== undefined) {
        save(configPath);
        writeFileSync(configPath, next);
        configEdited = configShown;
      }
    }
    const result = await generate({ root, vendors: [vendor], ...(options.configFile ? { configFile: options.configFile } : {}) });
    const summary = result.vendors.find((v) => v.vendor === vendor);
    return {
      vendor,
      pinned: trial.pin.files.map((f) => f.path),
      profile: overlayRel,
      ...(configEdited ? { config: configEdited } : {}),
      out: path.relative(root, path.join(result.outDir, vendor)) || result.outDir,
      operations: summary?.operations ?? 0,
      notes: trial.inferred.notes.map((n) => `${n.key}: ${n.text}`),
    };
  } catch (error) {
    for (const { file, text } of saved.reverse()) {
      if (text === undefined) rmSync(file, { force: true });
      else writeFileSync(file, text);
    }
    rmSync(overlayDir, { recursive: true, force: true });
    if (createdSpecs) rmSync(specsDir, { recursive: true, force: true });
    for (const file of createdMirrorFiles) rmSync(file, { force: true });
    throw error;
  }
}
