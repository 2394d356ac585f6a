// `svcgen update`: pin a new version of one vendor file. Everything is checked first (the file
// loads through the generator's own pipeline; the diff and its impact on the project are known);
// then the mirror, the lock and generated/ change, and any failure puts all three back.
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../config/load-config.ts';
import { generate } from '../generate.ts';
import { LOCK_FILE, readLock } from '../load/lock.ts';
import { resolveOptions, type LoadOptions } from '../load/options.ts';
import { analyzeImpact } from '../diff/impact/index.ts';
import { diffSets } from '../diff/run.ts';
import { pinnedSet, readSource, replaceInput, targetInput } from '../diff/sources.ts';
import type { DiffReport } from '../diff/types.ts';
import { verifyPinnedFiles } from '../load/resolve.ts';
import { newPin, type PinChange } from './pin.ts';

export interface UpdateOptions {
  root: string;
  vendor: string;
  from: string;
  file?: string;
  allowBreaking?: boolean;
  configFile?: string;
}

export interface UpdateResult {
  report: DiffReport;
  /** True when the lock, mirror and generated/ were updated. */
  applied: boolean;
  /** Why nothing was applied. */
  refused?: string;
  pin?: PinChange;
}

/** Writes a file through a temporary sibling and a rename; returns how to undo it. */
function replaceFile(file: string, bytes: Buffer | string): () => void {
  const before = existsSync(file) ? readFileSync(file) : undefined;
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
  return () => {
    if (before === undefined) rmSync(file, { force: true });
    else writeFileSync(file, before);
  };
}

export async function update(options: UpdateOptions): Promise<UpdateResult> {
  const root = path.resolve(options.root);
  const { config } = await loadConfig(root, options.configFile);
  const load: LoadOptions = { root, ...(config.specMirror ? { mirror: path.resolve(root, config.specMirror) } : {}), ...(config.download === false ? { download: false } : {}) };
  const lock = await readLock(root);
  await verifyPinnedFiles(lock, options.vendor, load);
  const base = await pinnedSet(lock, options.vendor, load);
  const source = await readSource(options.from, root);
  const index = targetInput(base, source.shown, options.file);
  const candidate = replaceInput(base, index, source);
  const compared = await diffSets(base, candidate, { root, config: config.vendors?.[options.vendor] ?? {}, oldName: base.files[index]!.path, newName: source.shown });
  const report: DiffReport = { diffs: [compared.diff] };
  report.impact = await analyzeImpact({ project: root, root, compared: [compared], outDir: config.out ?? 'generated', config });
  const breaksUse = report.impact.hits.some((h) => h.change.breaking) || report.impact.compileErrors.length > 0;
  if (breaksUse && !options.allowBreaking) {
    return { report, applied: false, refused: 'the update breaks code in this project (see impact); nothing was changed; pass --allow-breaking to apply it anyway' };
  }
  if (compared.diff.changes.length === 0 && base.files[index]!.bytes.equals(source.bytes)) {
    return { report, applied: false, refused: 'the file is the one already pinned' };
  }

  const remote = /^https?:\/\//.test(options.from);
  const url = remote ? options.from : pathToFileURL(path.resolve(root, options.from)).href;
  // A local file is found again by its place in the project (resolve.ts), wherever the project is cloned.
  const local = remote ? undefined : path.relative(root, path.resolve(root, options.from)).split(path.sep).join('/');
  const pin = newPin(lock, options.vendor, base.files[index]!.path, base.files[index]!.bytes, { ...source, url, ...(local !== undefined ? { local } : {}) });
  const mirror = resolveOptions(load).mirror;
  const undo: (() => void)[] = [];
  try {
    for (const [rel, bytes] of pin.writes) undo.push(replaceFile(path.join(mirror, rel), bytes));
    undo.push(replaceFile(path.join(root, LOCK_FILE), JSON.stringify(pin.lock, null, 2) + '\n'));
    await generate({ root, vendors: [options.vendor], ...(options.configFile ? { configFile: options.configFile } : {}) });
  } catch (error) {
    for (const step of undo.reverse()) step();
    throw error;
  }
  return { report, applied: true, pin };
}
