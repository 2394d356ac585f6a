// Hand-written specs in a throw-away folder, each generated as a user tries one
// (`svcgen generate --spec NAME.json --vendor fz --out out-NAME`, a child process: real exit codes
// and stderr). Shared by the tests that check what a spec is refused with, and where.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSvcgen, type Outcome } from './cli.ts';

export interface SpecFolder {
  readonly dir: string;
  /** Generates `NAME.json` into `out-NAME`. */
  generate(name: string): Promise<Outcome>;
  remove(): void;
}

/** Writes each spec as `NAME.json` into a new folder under the system's temp folder: an object as JSON, a string as it is (JSON that JSON.stringify cannot write, such as 1e999). */
export function specFolder(prefix: string, specs: Record<string, unknown>): SpecFolder {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, spec] of Object.entries(specs)) writeFileSync(join(dir, `${name}.json`), typeof spec === 'string' ? spec : JSON.stringify(spec));
  return {
    dir,
    generate: (name) => runSvcgen(dir, ['generate', '--spec', `${name}.json`, '--vendor', 'fz', '--out', `out-${name}`]),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
