// The library API under the CLI: load → model → emit → write, per vendor, with an up-to-date check
// that skips vendors whose pinned inputs, overlays, config and generator are unchanged.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { listVendors } from './load/lock.ts';
import { runVendorJobs } from './parallel.ts';
import type { VendorJob } from './vendor-job.ts';
import { checkVendors, loadConfig } from './config/load-config.ts';
import type { SvcgenConfig } from './config/schema.ts';
import { replaceOutput } from './write/atomic.ts';
import { generatorFingerprint } from './write/fingerprint.ts';
import { sha256, sha256File } from './write/hash.ts';
import { MANIFEST_FILE, newManifest, readManifest, serializeManifest, type Manifest, type VendorManifest } from './write/manifest.ts';

export interface GenerateOptions {
  root: string;
  vendors?: string[];
  out?: string;
  configFile?: string;
  /** Regenerate even when the inputs are unchanged. */
  force?: boolean;
  /** Compute everything, write nothing (used by `svcgen check`). */
  dryRun?: boolean;
  onProgress?: (event: { vendor: string; stage: string; ms: number }) => void;
}

export interface VendorSummary {
  vendor: string;
  operations: number;
  files: number;
  renamed: number;
  /** Repairs the loader made to the vendor's spec files (the manifest's `fixes`). */
  repaired: number;
  /** Operations left out because fetch cannot send them (the manifest's `omittedOperations`). */
  omitted: number;
  upToDate: boolean;
  ms: number;
}

export interface GenerateResult {
  outDir: string;
  vendors: VendorSummary[];
  manifest: Manifest;
  /** Every file of the new output, relative to outDir (only the regenerated vendors + manifest). */
  files: Map<string, string>;
  ms: number;
}

export function vendorInputs(root: string, fingerprint: string, vendor: string, config: SvcgenConfig): string {
  const lock = JSON.parse(readFileSync(join(root, 'specs/lock.json'), 'utf8'));
  const overlaysDir = join(root, 'specs/overlays', vendor);
  const overlayHashes: string[] = [];
  if (existsSync(overlaysDir)) {
    for (const name of readdirSorted(overlaysDir)) overlayHashes.push(name, sha256(readFileSync(join(overlaysDir, name))));
  }
  return sha256(
    JSON.stringify([fingerprint, lock.vendors?.[vendor], overlayHashes, config.vendors?.[vendor] ?? {}]),
  );
}

function readdirSorted(dir: string): string[] {
  return readdirSync(dir).sort();
}

export function filesIntact(outDir: string, entry: VendorManifest | undefined): boolean {
  if (!entry) return false;
  return Object.entries(entry.files).every(([rel, hash]) => {
    const file = join(outDir, rel);
    return existsSync(file) && sha256File(file) === hash;
  });
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const root = resolve(options.root);
  let previous: Manifest | undefined;
  const { config, file: configFile, hash: configHash } = await loadConfig(root, options.configFile, (hash, raw) => {
    const out = options.out ?? (typeof raw.out === 'string' ? raw.out : 'generated');
    previous = readManifest(resolve(root, out));
    return previous?.config === hash;
  });
  const known = await listVendors(root);
  checkVendors(config, known, configFile);
  const vendors = options.vendors?.length ? options.vendors : Object.keys(config.vendors ?? {}).length ? Object.keys(config.vendors!) : known;
  checkVendors({ vendors: Object.fromEntries(vendors.map((v) => [v, {}])) }, known, '--vendor');

  const outDir = resolve(root, options.out ?? config.out ?? 'generated');
  const fingerprint = generatorFingerprint();
  previous ??= readManifest(outDir);
  const manifest = newManifest(fingerprint, configHash);
  // Vendors not regenerated this run keep their manifest entries and files.
  for (const [name, entry] of Object.entries(previous?.vendors ?? {})) {
    if (!vendors.includes(name) && existsSync(join(outDir, name))) manifest.vendors[name] = entry;
  }

  const summaries: VendorSummary[] = [];
  const files = new Map<string, string>();
  const mirror = config.specMirror ? resolve(root, config.specMirror) : undefined;
  const jobs: VendorJob[] = [];
  for (const vendor of vendors) {
    const t0 = performance.now();
    const inputs = vendorInputs(root, fingerprint, vendor, config);
    const before = previous?.vendors[vendor];
    if (!options.force && !options.dryRun && before?.inputs === inputs && filesIntact(outDir, before)) {
      manifest.vendors[vendor] = before;
      summaries.push({ vendor, operations: before.operations, files: Object.keys(before.files).length, renamed: before.renamed.length, repaired: before.fixes.length, omitted: before.omittedOperations?.length ?? 0, upToDate: true, ms: performance.now() - t0 });
      options.onProgress?.({ vendor, stage: 'up to date', ms: performance.now() - t0 });
      continue;
    }
    jobs.push({
      vendor,
      root,
      inputs,
      config: config.vendors?.[vendor] ?? {},
      ...(mirror ? { mirror } : {}),
      ...(config.download === false ? { download: false } : {}),
    });
  }
  const lock = JSON.parse(readFileSync(join(root, 'specs/lock.json'), 'utf8'));
  const inputBytes = (job: VendorJob) =>
    (lock.vendors?.[job.vendor]?.files ?? []).reduce((sum: number, f: { bytes?: number; role?: string }) => sum + (f.role === 'input' ? (f.bytes ?? 0) : 0), 0);
  const results = await runVendorJobs(jobs, inputBytes, (result) => {
    for (const s of result.stages) options.onProgress?.({ vendor: result.vendor, stage: s.stage, ms: s.ms });
  });
  for (const result of results) {
    for (const [rel, content] of result.files) files.set(rel, content);
    manifest.vendors[result.vendor] = result.manifest;
    const ms = result.stages.reduce((sum, s) => sum + s.ms, 0);
    summaries.push({ vendor: result.vendor, operations: result.operations, files: result.files.length, renamed: result.renamed, repaired: result.manifest.fixes.length, omitted: result.manifest.omittedOperations.length, upToDate: false, ms });
  }
  summaries.sort((a, b) => vendors.indexOf(a.vendor) - vendors.indexOf(b.vendor));

  const manifestText = serializeManifest(manifest);
  files.set(MANIFEST_FILE, manifestText);
  const changed = summaries.some((s) => !s.upToDate) || !existsSync(join(outDir, MANIFEST_FILE)) || readFileSync(join(outDir, MANIFEST_FILE), 'utf8') !== manifestText;
  if (!options.dryRun && changed) {
    const regenerated = new Set(summaries.filter((s) => !s.upToDate).map((s) => s.vendor));
    const keep = existsSync(outDir)
      ? readdirSync(outDir).filter((e) => e !== MANIFEST_FILE && !regenerated.has(e))
      : [];
    const writes = new Map([...files].filter(([rel]) => rel === MANIFEST_FILE || regenerated.has(rel.split('/')[0]!)));
    const t3 = performance.now();
    replaceOutput(outDir, { files: writes, keep });
    options.onProgress?.({ vendor: '*', stage: 'write', ms: performance.now() - t3 });
  }
  return { outDir, vendors: summaries, manifest, files, ms: performance.now() - started };
}
