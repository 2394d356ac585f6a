// The webhook end-to-end tests' shared steps (test/webhooks/generated.<vendor>.test.ts): load a
// vendor's effective document (its overlays applied), build the webhook model, emit webhooks.ts
// next to openapi-typescript's types, and compile files under tsconfig.worker.json (strict, Web
// APIs only). Output goes inside the project (git-ignored) so `hono` and the `svcgen/runtime/*`
// self-reference resolve.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { emitWebhooks } from '../../../generator/emit/webhooks.ts';
import { loadVendor } from '../../../generator/load/index.ts';
import type { WebhookModel } from '../../../generator/model/types.ts';
import { buildWebhookModel } from '../../../generator/model/webhooks.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const OUT = path.join(ROOT, '.svcgen-cache', 'test-webhooks');

export interface GeneratedWebhooks {
  document: Record<string, any>;
  model: WebhookModel;
  /** The folder holding types.d.ts and webhooks.ts. */
  dir: string;
}

/** Emits `vendor`'s webhooks.ts and types.d.ts into a fresh folder of its own. */
export async function generateWebhooks(vendor: string): Promise<GeneratedWebhooks> {
  const loaded = await loadVendor(vendor, { root: ROOT, download: false });
  const model = buildWebhookModel(loaded.document);
  if (!model) throw new Error(`${vendor}: no webhook model`);
  const dir = path.join(OUT, vendor);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const types = astToString(await openapiTS(loaded.document as never, { silent: true }));
  await writeFile(path.join(dir, 'types.d.ts'), types);
  await writeFile(path.join(dir, 'webhooks.ts'), emitWebhooks({ vendor, webhooks: model }));
  return { document: loaded.document, model, dir };
}

/** Compiler diagnostics of `files` under tsconfig.worker.json, as `file:line message`. */
export function typecheck(files: string[]): string[] {
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.worker.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${path.relative(ROOT, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

/** Writes `source` as `name` next to the generated webhooks.ts and compiles the two. */
export async function typecheckBeside(generated: GeneratedWebhooks, files: Record<string, string>): Promise<string[]> {
  const written: string[] = [];
  for (const [name, source] of Object.entries(files)) {
    const file = path.join(generated.dir, name);
    await writeFile(file, source);
    written.push(file);
  }
  return typecheck([...written, path.join(generated.dir, 'webhooks.ts')]);
}
