// A throwaway copy of the CLI fixture project (vendor `acme`) with a webhook overlay, generated
// through the real CLI, plus routes.ts from emitRoutes. It lives under .svcgen-cache/ (git-ignored)
// so `hono` and the `svcgen/runtime` self-reference resolve from it, for tsc and for vitest alike.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { emitRoutes } from '../../../generator/emit/routes.ts';
import { loadVendor } from '../../../generator/load/index.ts';
import { buildApiModel } from '../../../generator/model/index.ts';
import type { ApiModel } from '../../../generator/model/types.ts';

const run = promisify(execFile);
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin/svcgen.js');
const TSGO = join(ROOT, 'node_modules/.bin/tsgo');
const FIXTURE = join(ROOT, 'test/fixtures/cli-project');
const WEBHOOK_OVERLAY = join(ROOT, 'test/unit/routes/fixtures/50-webhooks.yaml');

export interface AcmeProject {
  root: string;
  mirror: string;
  model: ApiModel;
  document: Record<string, any>;
  /** generated/acme/routes.ts as emitRoutes wrote it. */
  routesFile: string;
  /** routes.ts as `svcgen generate` wrote it, when the generator already emits it. */
  routesFromCli: string | undefined;
  remove(): void;
}

export async function createAcmeProject(label: string): Promise<AcmeProject> {
  const cache = join(ROOT, '.svcgen-cache');
  mkdirSync(cache, { recursive: true });
  const root = mkdtempSync(join(cache, `test-${label}-`));
  cpSync(FIXTURE, root, { recursive: true });
  cpSync(WEBHOOK_OVERLAY, join(root, 'specs/overlays/acme/50-webhooks.yaml'));
  const mirror = join(root, 'mirror');
  await run(process.execPath, [BIN, 'generate'], { cwd: root, env: { ...process.env, SVCGEN_SPEC_MIRROR: mirror } });

  const loaded = await loadVendor('acme', { root, mirror, download: false });
  const model = buildApiModel(loaded);
  const routesFile = join(root, 'generated/acme/routes.ts');
  const routesFromCli = existsSync(routesFile) ? readFileSync(routesFile, 'utf8') : undefined;
  writeFileSync(routesFile, emitRoutes(model));
  return { root, mirror, model, document: loaded.document, routesFile, routesFromCli, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * Diagnostics of `files` compiled with tsconfig.worker.json's options (strict, Web APIs only), by
 * tsgo (the native compiler, several times faster than tsc on the Hono and runtime types).
 */
export async function typeErrors(files: string[]): Promise<string[]> {
  const dir = dirname(files[0]!);
  const config = join(dir, `tsconfig.check-${process.pid}.json`);
  writeFileSync(config, JSON.stringify({ extends: join(ROOT, 'tsconfig.worker.json'), compilerOptions: { noEmit: true }, files, include: [] }));
  try {
    await run(TSGO, ['-p', config, '--pretty', 'false'], { cwd: ROOT });
    return [];
  } catch (err) {
    const { stdout, stderr } = err as { stdout?: string; stderr?: string };
    const lines = `${stdout ?? ''}${stderr ?? ''}`.split('\n').filter((l) => l.trim() !== '');
    return lines.length ? lines : [String(err)];
  } finally {
    rmSync(config, { force: true });
  }
}
