// The svcgen command line: a thin layer over generate() that parses arguments, reports progress
// and maps outcomes to exit codes (0 success, 1 check failure, heap limit or internal error, 2 bad input/usage).
import { parseArgs } from 'node:util';
import { SvcgenInputError } from '../load/errors.ts';
import { SvcgenLimitError } from '../limit-error.ts';
import { generate, type GenerateResult } from '../generate.ts';

const HELP: Record<string, string> = {
  main: `Usage: svcgen <command> [options]

Commands:
  generate   Generate types, clients, schemas and webhook helpers for the pinned vendors
  check      Fail (exit 1) when generated/ differs from what the pinned specs give; say what moved in the API
  scaffold   Write or extend a Hono routes file (yours to edit) for chosen operations and webhook events
  diff       Classify the changes between two versions of a vendor's specs (breaking or not) and their impact on your code
  update     Pin a new version of a vendor's spec file, regenerate, and refuse (exit 1) when it breaks code you use
  init       Create a Cloudflare Worker project (Hono app, bindings, workerd tests) for chosen vendors
  add        Add a vendor from its OpenAPI spec: pin it, write a starter profile, add it to the config, generate

Run 'svcgen <command> --help' for a command's options.
Exit codes: 0 success, 1 check failure, a worker's heap limit or internal error, 2 bad input or usage.`,
  generate: `Usage: svcgen generate [--vendor NAME]... [--out DIR] [--config FILE] [--force] [--json]
       svcgen generate --spec FILE|URL [--spec FILE|URL]... --vendor NAME --out DIR [--json]

  --vendor NAME   Generate only this vendor (repeatable); default: the config's vendors, else all in specs/lock.json
  --spec FILE|URL One-off: generate --vendor NAME from this spec (repeatable) into --out DIR, with no lock
                  entry and a profile inferred from the spec; prints the pin 'svcgen add' would write
  --out DIR       Output folder (default: the config's 'out', else generated/)
  --config FILE   Config file (default: svcgen.config.ts when present)
  --force         Regenerate even when pinned inputs, overlays, config and generator are unchanged
  --json          Print a JSON summary on stdout instead of text

Environment: SVCGEN_SPEC_MIRROR (folder with the pinned spec files, default ../shared/specs),
SVCGEN_CACHE_DIR (parse and download cache, default .svcgen-cache). Node's compile cache is on:
NODE_COMPILE_CACHE names its folder (default: node-compile-cache in the temp folder),
NODE_DISABLE_COMPILE_CACHE=1 turns it off.
Writes are atomic: a failed run leaves the output folder exactly as it was.`,
  check: '', // check-command.ts has its own help
};

const OPTIONS = {
  vendor: { type: 'string', multiple: true },
  spec: { type: 'string', multiple: true },
  out: { type: 'string' },
  config: { type: 'string' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

class UsageError extends Error {}

function progress(json: boolean) {
  const tty = process.stderr.isTTY && !json;
  return ({ vendor, stage, ms }: { vendor: string; stage: string; ms: number }) => {
    if (tty) process.stderr.write(`  ${vendor.padEnd(10)} ${stage.padEnd(11)} ${Math.round(ms)} ms\n`);
  };
}

function printSummary(result: GenerateResult, json: boolean): void {
  if (json) {
    process.stdout.write(JSON.stringify({ out: result.outDir, ms: Math.round(result.ms), vendors: result.vendors.map((v) => ({ ...v, ms: Math.round(v.ms) })) }) + '\n');
    return;
  }
  for (const v of result.vendors) {
    const state = v.upToDate ? 'up to date' : `${v.renamed} renamed`;
    const repaired = `${v.repaired} spec repair${v.repaired === 1 ? '' : 's'}`;
    // Said on every run, not only in the manifest: a left-out operation is a function the user will look for.
    const omitted = v.omitted ? `, ${v.omitted} left out (fetch cannot send their method; manifest omittedOperations)` : '';
    process.stdout.write(`${v.vendor}: ${v.operations} operations${omitted}, ${v.files} files, ${repaired}, ${state} (${Math.round(v.ms)} ms)\n`);
  }
  process.stdout.write(`done in ${Math.round(result.ms)} ms → ${result.outDir}\n`);
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(HELP.main + '\n');
      return command ? 0 : 2;
    }
    // Loaded on demand: scaffold needs ts-morph (the TypeScript compiler), generate does not.
    if (command === 'scaffold') return await (await import('../scaffold/command.ts')).runScaffold(rest);
    if (command === 'add') return await (await import('./add-command.ts')).runAdd(rest);
    if (command === 'check') return await (await import('./check-command.ts')).runCheck(rest);
    if (command === 'diff') return await (await import('./diff-command.ts')).runDiff(rest);
    if (command === 'update') return await (await import('./update-command.ts')).runUpdate(rest);
    if (command === 'init') return await (await import('../init/command.ts')).runInit(rest);
    if (!(command in HELP) || command === 'main') throw new UsageError(`unknown command '${command}'`);
    let values;
    try {
      ({ values } = parseArgs({ args: rest, options: OPTIONS, strict: true, allowPositionals: false }));
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    if (values.help) {
      process.stdout.write(HELP[command] + '\n');
      return 0;
    }
    const json = Boolean(values.json);
    const base = {
      root: process.cwd(),
      ...(values.vendor ? { vendors: values.vendor } : {}),
      ...(values.out ? { out: values.out } : {}),
      ...(values.config ? { configFile: values.config } : {}),
      onProgress: progress(json),
    };
    if (values.spec && command !== 'generate') throw new UsageError(`--spec is an option of 'generate' only`);
    if (command === 'generate' && values.spec) {
      const { runOneOffGenerate } = await import('./one-off-command.ts');
      return await runOneOffGenerate({ specs: values.spec, vendors: values.vendor, out: values.out, json, cwd: process.cwd() });
    }
    // Only `generate` gets here: `check` is dispatched to check-command.ts above.
    const result = await generate({ ...base, force: Boolean(values.force) });
    printSummary(result, json);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      // The help of the command that was misused; an unknown command gets the list of commands.
      const help = command === 'generate' ? HELP.generate : HELP.main;
      process.stderr.write(`svcgen: ${err.message}\n\n${help}\n`);
      return 2;
    }
    if (err instanceof SvcgenInputError) {
      process.stderr.write(`svcgen: ${err.message}\n`);
      return 2;
    }
    if (err instanceof SvcgenLimitError) {
      process.stderr.write(`svcgen: ${err.message}\n`);
      return 1;
    }
    process.stderr.write(`svcgen: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}
