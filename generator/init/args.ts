// `svcgen init` arguments: parsed and checked before anything is written.
import { parseArgs } from 'node:util';

export const INIT_HELP = `Usage: svcgen init <dir> --vendors a,b,c [--from PROJECT] [--operation [VENDOR:]ID]... [--event [VENDOR:]NAME]...
                   [--example payments] [--force] [--svcgen SPEC] [--json]

Writes a Cloudflare Worker project that installs, tests in workerd, deploys and regenerates on its own:
package.json, tsconfig.json, wrangler.jsonc (Durable Objects, Queue + dead-letter queue, KV, Analytics
Engine), .dev.vars.example, README.md, svcgen.config.ts, specs/ (the pins and overlays it was made
from), generated/ (svcgen generate), src/ (a Hono app mounting one scaffolded routes file per vendor:
at the root, or under /VENDOR when one of its routes matches a request another route also matches),
test/ (workerd tests with signed webhook fixtures and a fake vendor) and a GitHub Actions workflow.

  --vendors LIST      Comma-separated vendors pinned by svcgen's specs/lock.json (or PROJECT's)
  --from PROJECT      Take the vendors' pins and overlays from the svcgen project PROJECT (its
                      specs/lock.json and specs/overlays/: a vendor you added with \`svcgen add\`)
                      instead of the ones svcgen ships
  --operation ID      Add a client-backed route for this operation (repeatable); VENDOR:ID when ambiguous
  --event NAME        Add a typed webhook handler (repeatable); a bare name goes to every chosen vendor
                      that has the event, VENDOR:NAME to one. Default: each vendor's first event
  --example payments  The payments flow: create a payment, a cached FX rate, a confirmation email sent
                      exactly once from the Queue consumer on a payment-succeeded webhook
  --force             Write into a folder that is not empty (files init writes are replaced)
  --svcgen SPEC       The svcgen dependency written to package.json, e.g. file:/path/svcgen-0.1.0.tgz
                      (default: this svcgen's version, as published on the registry)
  --json              Print a JSON summary on stdout instead of text

Environment: SVCGEN_SPEC_MIRROR (folder with the pinned spec files; otherwise they are downloaded).`;

export const EXAMPLES = ['payments'] as const;
export type ExampleName = (typeof EXAMPLES)[number];

export interface InitArgs {
  dir: string;
  vendors: string[];
  operations: string[];
  events: string[];
  example?: ExampleName;
  force: boolean;
  /** A project whose specs/ supplies the vendors, instead of svcgen's own. */
  from?: string;
  svcgenSpec?: string;
  json: boolean;
}

export class InitUsageError extends Error {}

export function parseInitArgs(args: string[]): InitArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        vendors: { type: 'string' },
        operation: { type: 'string', multiple: true },
        event: { type: 'string', multiple: true },
        example: { type: 'string' },
        force: { type: 'boolean' },
        svcgen: { type: 'string' },
        from: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new InitUsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new InitUsageError(positionals.length === 0 ? 'missing <dir>' : `one <dir> expected, got ${positionals.join(' ')}`);
  const vendors = (values.vendors ?? '').split(',').map((v) => v.trim()).filter(Boolean);
  if (vendors.length === 0) throw new InitUsageError('missing --vendors a,b,c');
  if (new Set(vendors).size !== vendors.length) throw new InitUsageError(`--vendors names a vendor twice: ${vendors.join(',')}`);
  if (values.example !== undefined && !(EXAMPLES as readonly string[]).includes(values.example)) {
    throw new InitUsageError(`unknown --example '${values.example}' (known: ${EXAMPLES.join(', ')})`);
  }
  return {
    dir: positionals[0]!,
    vendors,
    operations: values.operation ?? [],
    events: values.event ?? [],
    ...(values.example ? { example: values.example as ExampleName } : {}),
    force: Boolean(values.force),
    ...(values.svcgen ? { svcgenSpec: values.svcgen } : {}),
    ...(values.from ? { from: values.from } : {}),
    json: Boolean(values.json),
  };
}
