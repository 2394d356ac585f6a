// vitest globalSetup of the workerd suite (runs in Node before the Worker starts): generates the
// acme fixture vendor and scaffolds its client-backed routes with the real CLI into
// .svcgen-cache/workerd-acme/ (git-ignored, inside the repository so `hono`, `zod` and the
// `svcgen/runtime` self-reference resolve), for scaffolded-routes.test.ts to run inside workerd.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCAFFOLDED_PROJECT = join(ROOT, '.svcgen-cache/workerd-acme');

export default async function setup(): Promise<void> {
  rmSync(SCAFFOLDED_PROJECT, { recursive: true, force: true });
  mkdirSync(SCAFFOLDED_PROJECT, { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/cli-project'), SCAFFOLDED_PROJECT, { recursive: true });
  const env = { ...process.env, SVCGEN_SPEC_MIRROR: join(SCAFFOLDED_PROJECT, 'mirror') };
  const bin = join(ROOT, 'bin/svcgen.js');
  await run(process.execPath, [bin, 'generate'], { cwd: SCAFFOLDED_PROJECT, env });
  await run(process.execPath, [bin, 'scaffold', '--vendor', 'acme', '--out', 'src/routes.ts', '--operation', 'CreateWidget', '--operation', 'ListWidgets'], {
    cwd: SCAFFOLDED_PROJECT,
    env,
  });
}
