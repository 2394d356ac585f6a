// The svcgen CLI as the tests run it on a fixture project: a child process (real exit codes and
// stderr) with the project's own `mirror/` folder as the spec mirror, and a byte-for-byte snapshot
// of a folder to prove a failed run left it as it was.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const BIN = fileURLToPath(new URL('../../bin/svcgen.js', import.meta.url));

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

const run = promisify(execFile);

export async function runSvcgen(root: string, args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd: root,
      env: { ...process.env, SVCGEN_SPEC_MIRROR: join(root, 'mirror'), ...env },
      maxBuffer: 1 << 26,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Every file under `dir`, path → contents (as text), for byte-for-byte comparisons. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}
