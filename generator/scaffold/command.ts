// `svcgen scaffold`: arguments in, a report out, and the CLI's exit codes (0 done, 1 internal
// error, 2 bad input or usage). All the work is in scaffold.ts.
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { SvcgenInputError } from '../load/errors.ts';
import { shadowedText } from './merge.ts';
import { scaffold, type ScaffoldResult } from './scaffold.ts';

export const SCAFFOLD_HELP = `Usage: svcgen scaffold --vendor NAME --out FILE [--operation ID]... [--webhooks] [--event NAME]...
                      [--generated DIR] [--config FILE] [--dry-run] [--json]

Writes a Hono routes file that is yours to edit: one route per operation, calling the generated
operation function, and with --webhooks the verified webhook receiver with a typed handler per event.
Run it again to add routes or events: it finds what the file has (by the 'svcgen:route' marker, or
method and path; handlers by event name), adds only the rest, and never rewrites or removes your code.

  --vendor NAME     Vendor as pinned in specs/lock.json
  --out FILE        The routes file to create or extend (e.g. src/acme-routes.ts)
  --operation ID    Operation id (or function name) to add a route for (repeatable)
  --webhooks        Add the webhook receiver (POST /webhooks/<vendor>)
  --event NAME      Webhook event to add an empty typed handler for (repeatable; implies --webhooks)
  --generated DIR   Generated output folder (default: the config's 'out', else generated/)
  --config FILE     Config file (default: svcgen.config.ts when present)
  --dry-run         Print what would change; write nothing
  --json            Print a JSON summary on stdout instead of text`;

const OPTIONS = {
  vendor: { type: 'string' },
  out: { type: 'string' },
  operation: { type: 'string', multiple: true },
  webhooks: { type: 'boolean' },
  event: { type: 'string', multiple: true },
  generated: { type: 'string' },
  config: { type: 'string' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface CommandIO {
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

const defaultIO = (): CommandIO => ({ cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });

export async function runScaffold(args: string[], io: CommandIO = defaultIO()): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (err) {
    return usage(io, (err as Error).message);
  }
  if (values.help) {
    io.stdout.write(SCAFFOLD_HELP + '\n');
    return 0;
  }
  if (!values.vendor) return usage(io, 'missing --vendor NAME');
  if (!values.out) return usage(io, 'missing --out FILE');
  try {
    const result = await scaffold({
      root: io.cwd,
      vendor: values.vendor,
      out: values.out,
      operations: values.operation ?? [],
      webhooks: Boolean(values.webhooks),
      events: values.event ?? [],
      ...(values.config ? { configFile: values.config } : {}),
      ...(values.generated ? { generatedDir: values.generated } : {}),
      dryRun: Boolean(values['dry-run']),
    });
    io.stdout.write(values.json ? JSON.stringify(summary(result, io.cwd)) + '\n' : report(result, io.cwd, Boolean(values['dry-run'])));
    return 0;
  } catch (err) {
    if (err instanceof SvcgenInputError) {
      io.stderr.write(`svcgen scaffold: ${err.message}\n`);
      return 2;
    }
    io.stderr.write(`svcgen scaffold: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}

function usage(io: CommandIO, problem: string): number {
  io.stderr.write(`svcgen scaffold: ${problem}\n\n${SCAFFOLD_HELP}\n`);
  return 2;
}

function summary(result: ScaffoldResult, cwd: string): Record<string, unknown> {
  const { text: _text, file, ...rest } = result;
  return { file: relative(cwd, file) || file, ...rest };
}

function report(result: ScaffoldResult, cwd: string, dryRun: boolean): string {
  const shown = relative(cwd, result.file) || result.file;
  const verb = !result.changed ? 'unchanged' : result.created ? (dryRun ? 'would create' : 'created') : dryRun ? 'would update' : 'updated';
  const lines = [`${verb} ${shown}${result.changed ? '' : ': nothing to add'}`];
  for (const id of result.addedRoutes) lines.push(`  + route ${id}`);
  if (result.addedWebhookSection) lines.push('  + webhook receiver');
  for (const event of result.addedEvents) lines.push(`  + webhook handler ${event}`);
  for (const helper of result.addedHelpers) lines.push(`  + helper ${helper}()`);
  for (const binding of result.addedBindings) lines.push(`  + binding ${binding} in Bindings`);
  for (const id of result.presentRoutes) lines.push(`  = route ${id} is already there (left as is)`);
  for (const event of result.presentEvents) lines.push(`  = webhook handler ${event} is already there (left as is)`);
  if (result.unrequestedRoutes.length) lines.push(`  ! not requested, kept (scaffold never removes code): route ${result.unrequestedRoutes.join(', ')}`);
  if (result.unrequestedEvents.length) lines.push(`  ! not requested, kept (scaffold never removes code): webhook handler ${result.unrequestedEvents.join(', ')}`);
  for (const id of result.unknownMarkers) lines.push(`  ! marker '${id}' names no operation of this vendor; kept`);
  for (const entry of result.shadowed) lines.push(`  ! ${shadowedText(entry)}`);
  for (const note of result.notes) lines.push(`  note: ${note}`);
  return lines.join('\n') + '\n';
}
