// `svcgen check`: does generated/ (and its manifest) still match what the pinned specs, overlays,
// config and generator would produce? Also verifies every pinned file (role `previous` included),
// and for each vendor whose pinned inputs moved since the manifest was written, reports what moved
// in the API (the semantic diff). Exit 0 match, 1 drift, 2 bad input or usage.
//
// An untouched tree is answered without regenerating: when the manifest's record of the inputs
// (generator fingerprint, lock entry, overlays, config) equals the current one and each generated
// vendor folder holds exactly the files the manifest lists, each with its recorded hash,
// regeneration would give the same bytes (the generator is deterministic and the fingerprint covers
// its sources). That path hashes files without keeping them and loads no emitter, spec parser or
// worker, and only the report formatter its output needs: a CI drift gate runs it on every push.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, checkVendors } from '../config/load-config.ts';
import { readLock, type Lock } from '../load/lock.ts';
import type { LoadOptions } from '../load/options.ts';
import { generatorFingerprint } from '../write/fingerprint.ts';
import { MANIFEST_FILE, readManifest, type Manifest } from '../write/manifest.ts';
import type { Format } from '../diff/format/index.ts';
import type { DiffReport } from '../diff/types.ts';
import { commandLine, processIO, type CommandIO } from './command-line.ts';
import { findDrift, vendorFiles, type Drift } from './drift.ts';
import { verifyPinnedHashes } from './pinned-hashes.ts';

export const CHECK_HELP = `Usage: svcgen check [--vendor NAME]... [--out DIR] [--config FILE] [--json] [--format text|json|markdown|github|junit]

Verifies every file specs/lock.json pins (role 'previous' included) against its sha256, compares
generated/ and its manifest with what the pinned inputs would produce, and for each vendor whose
pinned specs or overlays moved since the manifest was written, prints what moved in the API
(operations, parameters, fields, enums …, classified as in 'svcgen diff').
Exit 1 and a list of drifted files when anything differs; exit 0 when all match.`;

const OPTIONS = {
  vendor: { type: 'string', multiple: true },
  out: { type: 'string' },
  config: { type: 'string' },
  json: { type: 'boolean' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;


export interface CheckOutcome {
  drift: Drift[];
  report: DiffReport;
  /** Vendors whose semantic summary could not be built, with why. */
  unavailable: { vendor: string; reason: string }[];
  /** True when the untouched-tree shortcut answered (nothing regenerated). */
  fast: boolean;
}

async function upToDate(root: string, outDir: string, vendors: string[], manifest: Manifest | undefined, config: Awaited<ReturnType<typeof loadConfig>>): Promise<boolean> {
  if (!manifest || manifest.config !== config.hash) return false;
  const fingerprint = generatorFingerprint();
  if (manifest.generator?.fingerprint !== fingerprint) return false;
  const { vendorInputs, filesIntact } = await import('../generate.ts');
  return vendors.every((vendor) => {
    const entry = manifest.vendors[vendor];
    if (!entry || entry.inputs !== vendorInputs(root, fingerprint, vendor, config.config)) return false;
    if (!existsSync(path.join(outDir, vendor))) return true;
    // A file the manifest does not list is drift ('unexpected') as much as an edited one.
    const present = vendorFiles(outDir, vendor);
    return present.length === Object.keys(entry.files).length && present.every((rel) => Object.hasOwn(entry.files, rel)) && filesIntact(outDir, entry);
  });
}

async function semantic(root: string, vendors: string[], manifest: Manifest | undefined, lock: Lock, load: LoadOptions, config: Awaited<ReturnType<typeof loadConfig>>['config']): Promise<Pick<CheckOutcome, 'report' | 'unavailable'>> {
  const report: DiffReport = { diffs: [] };
  const unavailable: CheckOutcome['unavailable'] = [];
  const { overlayHashes, pinnedSet, manifestSet, headLock, headOverlays } = await import('../diff/sources.ts');
  const moved = vendors.filter((vendor) => {
    const entry = manifest?.vendors[vendor];
    if (!entry) return false;
    const pinned = lock.vendors[vendor]!.files.filter((f) => f.role === 'input').map((f) => [f.path, f.sha256]);
    const overlays = [...overlayHashes(root, vendor)];
    return JSON.stringify(pinned) !== JSON.stringify(entry.specs.map((s) => [s.path, s.sha256])) || JSON.stringify(overlays) !== JSON.stringify(entry.overlays.map((o) => [o.path, o.sha256]));
  });
  if (moved.length === 0) return { report, unavailable };
  const { diffSets } = await import('../diff/run.ts');
  let head: ReturnType<typeof headOverlays> | undefined;
  try {
    const headSide = { lock: headLock(root), overlays: () => (head ??= headOverlays(root)).dir };
    for (const vendor of moved) {
      const old = await manifestSet(root, vendor, manifest!.vendors[vendor]!, lock, load, headSide);
      if ('missing' in old) {
        unavailable.push({ vendor, reason: old.missing });
        continue;
      }
      const current = await pinnedSet(lock, vendor, load);
      const compared = await diffSets(old.set, current, { root, config: config.vendors?.[vendor] ?? {}, oldName: `${MANIFEST_FILE} (what generated/ was made from)`, newName: 'specs/lock.json (pinned now)' });
      report.diffs.push(compared.diff);
    }
  } finally {
    head?.dispose();
  }
  return { report, unavailable };
}

export async function check(options: { root: string; vendors?: string[]; out?: string; configFile?: string }): Promise<CheckOutcome> {
  const root = path.resolve(options.root);
  // A config whose hash the manifest recorded was validated when the output was generated.
  let manifest: Manifest | undefined;
  const config = await loadConfig(root, options.configFile, (hash, raw) => {
    manifest = readManifest(path.resolve(root, options.out ?? (typeof raw.out === 'string' ? raw.out : 'generated')));
    return manifest?.config === hash;
  });
  const lock = await readLock(root);
  const known = Object.keys(lock.vendors);
  checkVendors(config.config, known, config.file);
  const vendors = options.vendors?.length ? options.vendors : Object.keys(config.config.vendors ?? {}).length ? Object.keys(config.config.vendors!) : known;
  checkVendors({ vendors: Object.fromEntries(vendors.map((v) => [v, {}])) }, known, '--vendor');
  const load: LoadOptions = { root, ...(config.config.specMirror ? { mirror: path.resolve(root, config.config.specMirror) } : {}), ...(config.config.download === false ? { download: false } : {}) };
  for (const vendor of vendors) await verifyPinnedHashes(lock, vendor, load);
  const outDir = path.resolve(root, options.out ?? config.config.out ?? 'generated');
  manifest ??= readManifest(outDir);
  if (await upToDate(root, outDir, vendors, manifest, config)) return { drift: [], report: { diffs: [] }, unavailable: [], fast: true };

  const { generate } = await import('../generate.ts');
  const result = await generate({ root, vendors, ...(options.out ? { out: options.out } : {}), ...(options.configFile ? { configFile: options.configFile } : {}), force: true, dryRun: true });
  const drift = findDrift(result);
  return { drift, ...(await semantic(root, vendors, manifest, lock, load, config.config)), fast: false };
}

async function render(outcome: CheckOutcome, format: Format): Promise<string> {
  const { drift, report, unavailable } = outcome;
  const driftText = drift.length === 0 ? 'check: generated output matches the pinned specs' : `check: ${drift.length} file(s) drifted:\n${drift.map((d) => `  ${d.file}: ${d.problem}`).join('\n')}`;
  const notes = unavailable.map((u) => `check: no semantic summary for ${u.vendor}: ${u.reason}`);
  // The formatters are loaded only when a report needs them (json needs its own module only).
  const formats = () => import('../diff/format/index.ts');
  if (format === 'json') {
    const { jsonReport } = await import('../diff/format/json.ts');
    return JSON.stringify({ drift, semantic: jsonReport(report), unavailable }) + '\n';
  }
  if (format === 'github') {
    const lines = drift.map((d) => `::error file=${d.file},title=svcgen check::generated file ${d.problem}: run npx svcgen generate and commit`);
    lines.push(...unavailable.map((u) => `::warning title=svcgen check ${u.vendor}::${u.reason}`));
    return (lines.length ? lines.join('\n') + '\n' : '') + (await formats()).formatReport(report, 'github');
  }
  if (format === 'junit') {
    const { formatJunit, xml } = await import('../diff/format/junit.ts');
    const cases = drift.map((d) => `    <testcase classname="svcgen.check" name="${xml(d.file)}"><failure type="${d.problem}" message="${xml(`${d.file}: ${d.problem}`)}"/></testcase>`);
    const suite = [`  <testsuite name="svcgen check" tests="${Math.max(drift.length, 1)}" failures="${drift.length}">`, ...(cases.length ? cases : ['    <testcase classname="svcgen.check" name="generated output matches the pinned specs"/>']), '  </testsuite>'].join('\n');
    return formatJunit(report, [suite]);
  }
  if (format === 'markdown') {
    const lines = ['## svcgen check', '', drift.length === 0 ? 'Generated output matches the pinned specs.' : `${drift.length} file(s) drifted:`, '', ...drift.map((d) => `- \`${d.file}\`: ${d.problem}`), ...notes.map((n) => `- ${n}`), ''];
    return lines.join('\n') + (report.diffs.length ? (await formats()).formatReport(report, 'markdown') : '');
  }
  return [driftText, ...notes].join('\n') + '\n' + (report.diffs.length ? (await formats()).formatReport(report, 'text') : '');
}

const cli = commandLine('check', CHECK_HELP, OPTIONS);
const usage = cli.usage;

export async function runCheck(args: string[], io: CommandIO = processIO()): Promise<number> {
  const parsed = cli.parse(args, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length > 0) return usage(io, `unexpected argument '${positionals[0]}'`);
  const format = (values.json ? 'json' : (values.format ?? 'text')) as Format;
  if (values.format !== undefined) {
    const { FORMATS } = await import('../diff/format/index.ts');
    if (!FORMATS.includes(format)) return usage(io, `--format must be one of ${FORMATS.join(', ')}`);
  }
  const outcome = await check({ root: io.cwd, ...(values.vendor ? { vendors: values.vendor } : {}), ...(values.out ? { out: values.out } : {}), ...(values.config ? { configFile: values.config } : {}) });
  io.stdout.write(await render(outcome, format));
  return outcome.drift.length === 0 ? 0 : 1;
}
