// One routes file per vendor, written by `svcgen scaffold` (so re-running scaffold in the Worker
// merges into it as usual), then wired once, at creation, to the Worker's platform: the client
// draws on the shared Durable Object budget, the KV response cache and the Analytics Engine sink
// (src/platform.ts), and the webhook receiver deduplicates through the Durable Object store. These
// edits are made only here, on the freshly scaffolded text; afterwards the file is the user's.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Shadowed } from '../scaffold/merge.ts';
import { scaffold } from '../scaffold/scaffold.ts';
import type { ApiModel } from '../model/types.ts';
import { addImports } from './imports.ts';
import type { VendorSelection } from './selection.ts';

export interface RoutesFile {
  vendor: string;
  /** Relative to the project root, e.g. src/routes/acme.ts */
  file: string;
  /** Routes an earlier one answers first, as the scaffold reported them. */
  shadowed: Shadowed[];
  /** What else the scaffold said of the file's routes (a route no request can authorise, say). */
  notes: string[];
}

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string, file: string): string {
  const matches = text.match(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'));
  if (!matches || matches.length !== 1) throw new Error(`svcgen init: cannot wire ${what} in ${file}: the scaffold's text has ${matches?.length ?? 0} matches for ${pattern}`);
  return text.replace(pattern, replacement);
}

function wire(text: string, model: ApiModel, file: string, generatedRoutes: string | undefined): string {
  let out = addImports(text, ["import { platformOptions, type PlatformBindings } from '../platform.ts';"], file);
  out = replaceOnce(out, /export interface Bindings \{/, 'export interface Bindings extends PlatformBindings {', 'the platform bindings', file);
  // First in the options, so what the scaffold sets explicitly (credentials, onEvent) wins.
  out = replaceOnce(
    out,
    /(create\w+Client\(\{)(\n(\s*)|( ))/,
    `$1$2...platformOptions(c.env, '${model.vendor}'),$2`,
    'the client options',
    file,
  );
  if (model.webhooks && generatedRoutes?.includes('dedupe') && !/\bdedupe:/.test(out)) {
    const lines = ["// Exactly once per event id, across isolates (the WebhookDedupe Durable Object).", "dedupe: { env: 'WEBHOOK_DEDUPE' },"];
    if (!/\banalytics:/.test(out)) lines.push("analytics: { env: 'ANALYTICS' },");
    out = replaceOnce(
      out,
      /^([ \t]*)(secret: \{ env: '[A-Z0-9_]+' \},)$/m,
      `$1$2${lines.map((line) => `\n$1${line}`).join('')}`,
      'the webhook dedupe store',
      file,
    );
  }
  return out;
}

export async function scaffoldRoutes(root: string, models: ReadonlyMap<string, ApiModel>, selections: ReadonlyMap<string, VendorSelection>): Promise<RoutesFile[]> {
  const files: RoutesFile[] = [];
  for (const [vendor, selection] of selections) {
    const model = models.get(vendor)!;
    const file = `src/routes/${vendor}.ts`;
    const { shadowed, notes } = await scaffold({ root, vendor, out: file, operations: selection.operations, webhooks: Boolean(model.webhooks), events: selection.events });
    const path = join(root, file);
    let generatedRoutes: string | undefined;
    try {
      generatedRoutes = readFileSync(join(root, 'generated', vendor, 'routes.ts'), 'utf8');
    } catch {
      generatedRoutes = undefined;
    }
    writeFileSync(path, wire(readFileSync(path, 'utf8'), model, file, generatedRoutes));
    files.push({ vendor, file, shadowed, notes });
  }
  return files;
}
