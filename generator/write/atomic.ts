// Atomic replacement of the output folder: everything is written into a sibling temp folder and
// swapped in with renames, so a failed run leaves the previous output byte-for-byte as it was.
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface OutputTree {
  /** Files to write, relative to the output folder. */
  files: Map<string, string>;
  /** Top-level entries of the existing output folder to carry over unchanged (other vendors). */
  keep: string[];
}

export function replaceOutput(outDir: string, tree: OutputTree): void {
  const suffix = `${process.pid}-${Date.now().toString(36)}`;
  const temp = `${outDir}.tmp-${suffix}`;
  const old = `${outDir}.old-${suffix}`;
  try {
    mkdirSync(temp, { recursive: true });
    for (const entry of tree.keep) {
      const from = join(outDir, entry);
      if (existsSync(from)) cpSync(from, join(temp, entry), { recursive: true });
    }
    for (const [rel, content] of tree.files) {
      const target = join(temp, rel);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  } catch (err) {
    rmSync(temp, { recursive: true, force: true });
    throw err;
  }
  const hadOutput = existsSync(outDir);
  if (hadOutput) renameSync(outDir, old);
  try {
    renameSync(temp, outDir);
  } catch (err) {
    if (hadOutput) renameSync(old, outDir);
    rmSync(temp, { recursive: true, force: true });
    throw err;
  }
  if (hadOutput) rmSync(old, { recursive: true, force: true });
}
