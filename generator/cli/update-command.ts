// `svcgen update VENDOR --from PATH|URL`: exit 0 updated, 1 refused (the change breaks code the
// project uses; nothing changed), 2 bad input or usage (nothing changed).
import { formatReport } from '../diff/format/index.ts';
import { commandLine, processIO, type CommandIO } from './command-line.ts';
import { update } from '../update/update.ts';
import { outputOptions } from './diff-command.ts';

export const UPDATE_HELP = `Usage: svcgen update VENDOR --from PATH|URL [--file NAME] [--allow-breaking]
                     [--format text|json|markdown|github|junit] [--json] [--config FILE]

Reads the new file (or downloads it), checks that it loads through the generator (parse, overlays,
validation), diffs it against the pinned one and finds what it breaks in this project's code. Then,
unless a breaking change touches code you use (exit 1, nothing changed) or with --allow-breaking,
it pins it: the file goes into the spec mirror under the input's path, specs/lock.json gets the new
sha256, size and address (the replaced pin is kept as role 'previous'), and generated/ is
regenerated. A failure at any step leaves the mirror, the lock and generated/ as they were.

  --from PATH|URL   The new version of the file
  --file NAME       For a vendor with several input files: the one it replaces (lock path or file name)
  --allow-breaking  Apply even when the change breaks code in this project`;

const OPTIONS = {
  from: { type: 'string' },
  file: { type: 'string' },
  'allow-breaking': { type: 'boolean' },
  format: { type: 'string' },
  json: { type: 'boolean' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const cli = commandLine('update', UPDATE_HELP, OPTIONS);
const usage = cli.usage;

export async function runUpdate(args: string[], io: CommandIO = processIO()): Promise<number> {
  const parsed = cli.parse(args, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return usage(io, 'name one VENDOR');
  if (!values.from) return usage(io, 'missing --from PATH|URL');
  let format;
  try {
    ({ format } = outputOptions(values));
  } catch (err) {
    return usage(io, (err as Error).message);
  }
  const result = await update({
    root: io.cwd,
    vendor: positionals[0]!,
    from: values.from,
    ...(values.file ? { file: values.file } : {}),
    ...(values['allow-breaking'] ? { allowBreaking: true } : {}),
    ...(values.config ? { configFile: values.config } : {}),
  });
  io.stdout.write(formatReport(result.report, format));
  if (!result.applied) {
    io.stderr.write(`svcgen update: ${result.refused}\n`);
    return result.refused?.startsWith('the file is the one') ? 0 : 1;
  }
  io.stderr.write(`svcgen update: pinned ${result.pin!.current.path} (sha256 ${result.pin!.current.sha256}); the replaced pin is kept as ${result.pin!.previous.path} (role previous)\n`);
  return 0;
}
