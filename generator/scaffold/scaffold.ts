// The library API under `svcgen scaffold`: resolve the request against the vendor's model, then
// create the routes file from the skeleton or add to the existing one. Running it again with the
// same request changes nothing; a smaller request removes nothing.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { SvcgenInputError } from '../load/errors.ts';
import type { ApiModel, OperationModel } from '../model/types.ts';
import { loadScaffoldModel } from './load-model.ts';
import { listedWebhooks, NAME_THE_SCHEME } from './unsigned-webhooks.ts';
import { mergeScaffold, type MergeOutcome } from './merge.ts';
import { REQUEST_COMMENT } from '../emit/zod.ts';
import { schemeBindingChoices, schemesNeeded, skeleton } from './stubs.ts';

export interface ScaffoldOptions {
  /** Project root: specs/, svcgen.config.ts and generated/ are found from here. */
  root: string;
  vendor: string;
  /** The user's routes file, relative to `root` or absolute. */
  out: string;
  /** Operation ids (`PostPaymentIntents`); function names (`postPaymentIntents`) are accepted too. */
  operations?: string[];
  /** Add the webhook receiver route (implied by `events`). */
  webhooks?: boolean;
  events?: string[];
  configFile?: string;
  /** Folder of the generated output (default: the config's `out`, else generated/). */
  generatedDir?: string;
  /** Compute the result, write nothing. */
  dryRun?: boolean;
}

export interface ScaffoldResult extends Omit<MergeOutcome, 'text'> {
  /** Absolute path of the routes file. */
  file: string;
  created: boolean;
  changed: boolean;
  /** The file's new contents (also when `dryRun`). */
  text: string;
  /** Things worth telling the user that are not errors (e.g. generated files missing). */
  notes: string[];
}

export async function scaffold(options: ScaffoldOptions): Promise<ScaffoldResult> {
  const root = resolve(options.root);
  const { model, document, generatedDir } = await loadScaffoldModel({
    root,
    vendor: options.vendor,
    ...(options.configFile ? { configFile: options.configFile } : {}),
    ...(options.generatedDir ? { generatedDir: options.generatedDir } : {}),
  });
  const operations = unique(options.operations ?? []).map((name) => findOperation(model, name));
  const events = unique(options.events ?? []);
  const webhooks = Boolean(options.webhooks) || events.length > 0;
  if (webhooks) checkEvents(model, document, events);

  const file = resolve(root, options.out);
  const shown = relative(root, file) || file;
  if (existsSync(file) && !statSync(file).isFile()) throw new SvcgenInputError({ file: shown }, '--out names a folder, not a file');
  let specifier = relative(dirname(file), generatedDir).split(sep).join('/');
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  const created = !existsSync(file);
  const before = created ? skeleton(model, specifier, operations) : readFileSync(file, 'utf8');
  const requestValidatorNames = readRequestValidatorNames(resolve(generatedDir, 'schemas.d.ts'));
  const outcome = mergeScaffold(shown, before, { model, document, operations, webhooks, events, generatedSpecifier: specifier, requestValidatorNames });
  const changed = created || outcome.text !== before;
  if (changed && !options.dryRun) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, outcome.text);
  }
  const notes: string[] = [];
  // A file made earlier passes the credentials its first routes needed: say what an added route
  // needs that the file reads from no binding (its client() is the user's code, not rewritten here).
  notes.push(...unmetRequirements(model, operations));
  if (!created) notes.push(...missingCredentials(model, operations.filter((op) => outcome.addedRoutes.includes(op.id)), outcome.text));
  const generatedShown = relative(root, generatedDir) || generatedDir;
  if (!existsSync(resolve(generatedDir, 'operations.js'))) notes.push(`${generatedShown}/operations.js does not exist yet: run \`svcgen generate\``);
  else if (webhooks && !existsSync(resolve(generatedDir, 'routes.ts'))) notes.push(`${generatedShown}/routes.ts does not exist yet: run \`svcgen generate\``);
  return { ...outcome, file, created, changed, notes };
}

/**
 * Operation id → request validator export, from the comment the generated schemas.d.ts puts before
 * each (`// POST /v1/widgets: request schemas of "CreateWidget"`): the generator may have renamed
 * one to avoid a clash with a component schema. Empty when the file is not generated yet.
 */
function readRequestValidatorNames(file: string): Map<string, string> {
  const names = new Map<string, string>();
  if (!existsSync(file)) return names;
  const pattern = new RegExp(`^// .*: ${REQUEST_COMMENT} ("(?:[^"\\\\]|\\\\.)*")\\nexport declare const ([\\w$]+):`, 'gm');
  for (const match of readFileSync(file, 'utf8').matchAll(pattern)) names.set(JSON.parse(match[1]!) as string, match[2]!);
  return names;
}

function findOperation(model: ApiModel, name: string): OperationModel {
  const lower = name.toLowerCase();
  const op =
    model.operations.find((o) => o.id === name) ??
    model.operations.find((o) => o.functionName === name || o.originalId === name) ??
    model.operations.find((o) => o.id.toLowerCase() === lower);
  if (op) return op;
  const near = model.operations
    .map((o) => o.id)
    .filter((id) => id.toLowerCase().includes(lower) || lower.includes(id.toLowerCase()))
    .sort()
    .slice(0, 5);
  throw new SvcgenInputError(
    { file: '--operation' },
    `unknown operation '${name}' of ${model.vendor}${near.length ? ` (did you mean: ${near.join(', ')}?)` : ''}`,
  );
}

function checkEvents(model: ApiModel, document: Record<string, any>, events: string[]): void {
  if (!model.webhooks) {
    const listed = listedWebhooks(document).length;
    throw new SvcgenInputError(
      { file: '--webhooks' },
      listed
        ? `${model.vendor}'s spec describes ${listed} webhook(s) but no signature scheme: ${NAME_THE_SCHEME} to scaffold a verified receiver`
        : `${model.vendor} has no webhooks in its spec or overlays`,
    );
  }
  const known = new Set(model.webhooks.events.map((e) => e.name));
  for (const event of events) {
    if (known.has(event)) continue;
    const stem = event.split('.')[0]!.toLowerCase();
    const near = [...known].filter((k) => k.toLowerCase().startsWith(stem)).slice(0, 5);
    throw new SvcgenInputError(
      { file: '--event' },
      `unknown ${model.vendor} webhook event '${event}'${near.length ? ` (did you mean: ${near.join(', ')}?)` : ''}`,
    );
  }
}

/** The requested routes whose security requirement no request can carry: they always fail (model/auth.ts unmetRequirement). */
function unmetRequirements(model: ApiModel, operations: readonly OperationModel[]): string[] {
  const unmet = model.auth.kind === 'schemes' ? model.auth.unmet : undefined;
  if (!unmet) return [];
  return operations.flatMap((op) =>
    Object.hasOwn(unmet, op.id) ? [`route ${op.id} requires ${unmet[op.id]}, which need more than one Authorization header: no request can carry them, so the route always fails`] : [],
  );
}

/** One note per scheme the added routes send that no binding of the file carries. */
function missingCredentials(model: ApiModel, added: readonly OperationModel[], text: string): string[] {
  if (model.auth.kind !== 'schemes') return [];
  const reads = (binding: string) => new RegExp(`\\b${binding}\\b`).test(text);
  return schemesNeeded(model.auth, added).flatMap((scheme) => {
    const choices = schemeBindingChoices(model, scheme);
    if (choices.some((bindings) => bindings.every(reads))) return [];
    const users = added.filter((op) => schemesNeeded(model.auth as Extract<ApiModel['auth'], { kind: 'schemes' }>, [op]).includes(scheme)).map((op) => op.id);
    return [`route ${users.join(', ')} needs ${scheme} credentials, which this file reads from no binding: add \`${scheme}\` to the \`auth\` option of its client() (from ${choices[0]!.join(' and ')}), and declare ${choices[0]!.length > 1 ? 'them' : 'it'} in Bindings`];
  });
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
