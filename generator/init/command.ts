// `svcgen init` on the command line: 0 done, 1 internal error, 2 bad input or usage (the message
// names the folder, the flag or the file and pointer).
import { relative } from 'node:path';
import { SvcgenInputError } from '../load/errors.ts';
import { INIT_HELP, InitUsageError, parseInitArgs } from './args.ts';
import { shadowedText } from '../scaffold/merge.ts';
import { init } from './init.ts';

export async function runInit(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseInitArgs(args);
  } catch (err) {
    if (!(err instanceof InitUsageError)) throw err;
    process.stderr.write(`svcgen init: ${err.message}\n\n${INIT_HELP}\n`);
    return 2;
  }
  if (parsed === 'help') {
    process.stdout.write(INIT_HELP + '\n');
    return 0;
  }
  const tty = process.stderr.isTTY && !parsed.json;
  try {
    const result = await init(parsed, process.cwd(), (stage) => tty && process.stderr.write(`  init ${stage}\n`));
    const shown = relative(process.cwd(), result.dir) || '.';
    if (parsed.json) {
      process.stdout.write(JSON.stringify({ ...result, dir: shown, ms: Math.round(result.ms) }) + '\n');
      return 0;
    }
    const lines = [`created ${shown} (${result.vendors.join(', ')}) in ${Math.round(result.ms)} ms`];
    for (const r of result.routes) {
      lines.push(`  ${r.file}: ${r.operations.length} route(s), ${r.events.length} webhook handler(s)`);
      for (const entry of r.shadowed) lines.push(`    ! ${shadowedText(entry)}`);
      for (const note of r.notes) lines.push(`    note: ${note}`);
    }
    // A vendor one of whose routes matches a request another's route also matches is mounted under its name.
    for (const c of result.collisions) lines.push(`  ! ${c.reason}: ${c.vendor}'s routes are mounted under ${c.mount}`);
    lines.push(result.secrets.length ? `  secrets: ${result.secrets.join(', ')} (see .dev.vars.example)` : '  secrets: none', '', 'Next:', `  cd ${shown}`, '  npm install', '  npm test', '');
    process.stdout.write(lines.join('\n'));
    return 0;
  } catch (err) {
    if (err instanceof SvcgenInputError) {
      process.stderr.write(`svcgen init: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`svcgen init: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}
