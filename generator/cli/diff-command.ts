// `svcgen diff`: two spec sets of a vendor → classified changes, optionally their impact on a
// project. Exit 0 nothing fails, 1 something fails (--fail-on), 2 bad input or usage.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/load-config.ts';
import type { SvcgenConfig } from '../config/schema.ts';
import { SvcgenInputError } from '../load/errors.ts';
import { LOCK_FILE, readLock, type Lock } from '../load/lock.ts';
import { resolveOptions, type LoadOptions } from '../load/options.ts';
import { FORMATS, formatReport, type Format } from '../diff/format/index.ts';
import { analyzeImpact } from '../diff/impact/index.ts';
import { oneOffPair } from '../diff/one-off-pair.ts';
import { diffSets, type SideBySide } from '../diff/run.ts';
import { headLock, headOverlays, overlayHashes, pinnedSet, readSource, replaceInput, targetInput } from '../diff/sources.ts';
import { failed, type FailOn } from '../diff/summary.ts';
import type { DiffReport } from '../diff/types.ts';
import { VENDOR_NAME } from '../profile-infer/one-off.ts';
import { commandLine, processIO, type CommandIO } from './command-line.ts';

export const DIFF_HELP = `Usage: svcgen diff [OLD NEW] [--vendor NAME]... [--against PATH|URL] [--file NAME]
                   [--base REF] [--project DIR] [--format text|json|markdown|github|junit] [--json]
                   [--fail-on breaking|any|none] [--config FILE]

Compares two versions of a vendor's spec set as the generator sees them (overlays applied) and
classifies every change for an existing caller of the generated client: breaking, non-breaking or
deprecation, with the rule that decided it (docs/diff.md).

  OLD NEW             Two spec files of one vendor (the vendor is found from the lock's paths, or --vendor);
                      outside a project (no specs/lock.json), two versions of any spec (file or URL),
                      both read with the profile generate --spec infers from OLD
  --against PATH|URL  Compare the vendor's pinned inputs with this file
  (neither)           Compare specs/lock.json and specs/overlays/ in git HEAD (or --base REF) with the working tree
  --base REF          The git revision the no-file form compares with (default HEAD; e.g. origin/main in a pull request)
  --vendor NAME       The vendor (repeatable in the git mode)
  --file NAME         For a vendor with several input files: the one OLD/NEW/--against replaces
  --project DIR       Find the project's uses of the changed operations, types and webhook events
                      (file:line) and type-check it against the regenerated client in a temporary copy
  --format F          text (default), json, markdown (pull-request comment), github (annotations), junit
  --json              Same as --format json
  --fail-on WHAT      breaking (default): exit 1 on a breaking change (with --project: one that touches
                      the project, or a new compile error); any: on any change; none: never`;

const OPTIONS = {
  vendor: { type: 'string', multiple: true },
  against: { type: 'string' },
  base: { type: 'string' },
  file: { type: 'string' },
  project: { type: 'string' },
  format: { type: 'string' },
  json: { type: 'boolean' },
  'fail-on': { type: 'string' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const cli = commandLine('diff', DIFF_HELP, OPTIONS);
const usage = cli.usage;

class Usage extends Error {}

export function outputOptions(values: { format?: string; json?: boolean; 'fail-on'?: string }): { format: Format; failOn: FailOn } {
  const format = (values.json ? 'json' : (values.format ?? 'text')) as Format;
  if (!FORMATS.includes(format)) throw new Usage(`--format must be one of ${FORMATS.join(', ')}`);
  const failOn = (values['fail-on'] ?? 'breaking') as FailOn;
  if (!['breaking', 'any', 'none'].includes(failOn)) throw new Usage('--fail-on must be breaking, any or none');
  return { format, failOn };
}

function vendorOfFiles(lock: Lock, mirror: string, files: string[]): string | undefined {
  const found = new Set<string>();
  for (const [vendor, entry] of Object.entries(lock.vendors)) {
    for (const file of entry.files) if (files.includes(path.resolve(mirror, file.path))) found.add(vendor);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

function oneVendor(lock: Lock, vendors: string[] | undefined, inferred?: string): string {
  if (vendors && vendors.length > 1) throw new Usage('give one --vendor for this form');
  const vendor = vendors?.[0] ?? inferred ?? (Object.keys(lock.vendors).length === 1 ? Object.keys(lock.vendors)[0] : undefined);
  if (!vendor) throw new Usage(`name the vendor with --vendor (specs/lock.json pins ${Object.keys(lock.vendors).join(', ')})`);
  return vendor;
}

async function pairs(positionals: string[], values: { vendor?: string[]; against?: string; file?: string; base?: string; project?: string }, root: string, cwd: string, config: SvcgenConfig): Promise<SideBySide[]> {
  if (positionals.length === 2 && !existsSync(path.join(root, LOCK_FILE))) {
    const vendor = values.vendor?.[0] ?? 'spec';
    if ((values.vendor?.length ?? 0) > 1 || !VENDOR_NAME.test(vendor)) throw new Usage('outside a project, --vendor names the spec once, in lowercase letters, digits and hyphens');
    if (values.against || values.file || values.base || values.project) throw new Usage('outside a project (no specs/lock.json), give OLD NEW alone: --against, --file, --base and --project need a project\'s lock');
    return [await oneOffPair(positionals[0]!, positionals[1]!, vendor, cwd)];
  }
  const lock = await readLock(root);
  const options: LoadOptions = { root, ...(config.specMirror ? { mirror: path.resolve(root, config.specMirror) } : {}), ...(config.download === false ? { download: false } : {}) };
  const vendorConfig = (vendor: string) => config.vendors?.[vendor] ?? {};
  if (positionals.length === 2) {
    const [oldFile, newFile] = positionals as [string, string];
    const vendor = oneVendor(lock, values.vendor, vendorOfFiles(lock, resolveOptions(options).mirror, [path.resolve(cwd, oldFile), path.resolve(cwd, newFile)]));
    const base = await pinnedSet(lock, vendor, options);
    const oldSource = await readSource(oldFile, cwd);
    const newSource = await readSource(newFile, cwd);
    const index = targetInput(base, newSource.shown, values.file);
    return [await diffSets(replaceInput(base, index, oldSource), replaceInput(base, index, newSource), { root, config: vendorConfig(vendor) })];
  }
  if (positionals.length !== 0) throw new Usage('give two files (OLD NEW), or none');
  if (values.against) {
    const vendor = oneVendor(lock, values.vendor);
    const base = await pinnedSet(lock, vendor, options);
    const source = await readSource(values.against, cwd);
    const index = targetInput(base, source.shown, values.file);
    return [await diffSets(base, replaceInput(base, index, source), { root, config: vendorConfig(vendor), oldName: 'pinned', newName: source.shown })];
  }
  const base = values.base ?? 'HEAD';
  const head = headLock(root, base);
  if (!head) throw new SvcgenInputError({ file: 'specs/lock.json' }, `not in git ${base} (or not a git repository): give OLD NEW or --against PATH|URL`);
  const overlays = headOverlays(root, base);
  try {
    const results: SideBySide[] = [];
    for (const vendor of values.vendor ?? Object.keys(lock.vendors)) {
      if (!head.vendors?.[vendor]) continue;
      const sameLock = JSON.stringify(head.vendors[vendor]) === JSON.stringify(lock.vendors[vendor]);
      const sameOverlays = JSON.stringify([...overlayHashes(root, vendor)]) === JSON.stringify([...overlayHashes(overlays.dir, vendor)]);
      if (sameLock && sameOverlays) continue;
      const oldSet = await pinnedSet(head, vendor, options, overlays.dir, lock.vendors[vendor]?.files ?? []);
      const newSet = await pinnedSet(lock, vendor, options);
      results.push(await diffSets(oldSet, newSet, { root, config: vendorConfig(vendor), oldName: `git ${base}`, newName: 'working tree' }));
    }
    return results;
  } finally {
    overlays.dispose();
  }
}

export async function runDiff(args: string[], io: CommandIO = processIO()): Promise<number> {
  const parsed = cli.parse(args, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  try {
    const { format, failOn } = outputOptions(values);
    const root = io.cwd;
    const { config } = await loadConfig(root, values.config);
    const compared = await pairs(positionals, values, root, io.cwd, config);
    const report: DiffReport = { diffs: compared.map((c) => c.diff) };
    if (values.project) {
      const project = path.resolve(io.cwd, values.project);
      if (!existsSync(project)) throw new SvcgenInputError({ file: values.project }, 'project folder not found');
      report.impact = await analyzeImpact({ project, root, compared, outDir: config.out ?? 'generated', config });
    }
    io.stdout.write(formatReport(report, format));
    return failed(report, failOn) ? 1 : 0;
  } catch (err) {
    if (err instanceof Usage) return usage(io, err.message);
    throw err;
  }
}
