// Shared by the diff, update and check tests: a temporary copy of the fixture project (a spec with
// five operations, its profile overlay, and src/app.ts calling three of them), and the CLI run
// either in-process (fast, for the rule table) or as a child process (exit codes, stderr).
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { runSvcgen, snapshot, type Outcome } from '../../support/cli.ts';

export type { Outcome };

export const FIXTURE = fileURLToPath(new URL('../../fixtures/diff/project/', import.meta.url));
export const WEBHOOKS_OVERLAY = fileURLToPath(new URL('../../fixtures/diff/webhooks-overlay.yaml', import.meta.url));

export type Doc = Record<string, any>;

/**
 * The consumer's code. It lives here rather than as a fixture file because it imports generated
 * output that only exists in the temporary copy (the repository's type-check would not find it).
 * Lines matter: the impact tests expect each call on the line written next to it.
 */
export const APP_TS = `// A small consumer of the generated Acme client.
import { createAcmeClient, createWidget, getWidget, listWidgets, type components } from '../generated/acme/index.ts';

type Widget = components['schemas']['Widget'];

export async function run(apiKey: string): Promise<Widget[]> {
  const acme = createAcmeClient({ apiKey });
  const page = await listWidgets(acme, { params: { query: { limit: 10 } } }); // line 8
  const made = await createWidget(acme, { body: { name: 'bolt' } }); // line 9
  const again = await getWidget(acme, { params: { path: { id: made.id } } }); // line 10
  return [...page.data, again];
}
`;

export const CALL_LINES = { listWidgets: 8, createWidget: 9, getWidget: 10 } as const;

export function tempProject(prefix = 'svcgen-diff-test-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  cpSync(FIXTURE, root, { recursive: true });
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src/app.ts'), APP_TS);
  return root;
}

export function removeProject(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

export function baseSpec(root: string): Doc {
  return yaml.load(readFileSync(join(root, 'mirror/acme/openapi.yaml'), 'utf8')) as Doc;
}

/** Writes a spec file into the project (JSON text, which the YAML loader reads too). */
export function writeSpec(root: string, rel: string, doc: Doc): string {
  writeFileSync(join(root, rel), JSON.stringify(doc, null, 2));
  return rel;
}

/** Replace the pinned spec in the mirror and re-pin its sha256 and size in the lock. */
export function repin(root: string, doc: Doc): void {
  const bytes = Buffer.from(JSON.stringify(doc, null, 2));
  writeFileSync(join(root, 'mirror/acme/openapi.yaml'), bytes);
  const lockFile = join(root, 'specs/lock.json');
  const lock = JSON.parse(readFileSync(lockFile, 'utf8'));
  lock.vendors.acme.files[0].sha256 = createHash('sha256').update(bytes).digest('hex');
  lock.vendors.acme.files[0].bytes = bytes.length;
  writeFileSync(lockFile, JSON.stringify(lock, null, 2) + '\n');
}

export function svcgen(root: string, args: string[]): Promise<Outcome> {
  return runSvcgen(root, args, { CI: '' });
}

export { snapshot };
