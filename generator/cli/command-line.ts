// What every svcgen sub-command does with its arguments before its own work: strict parsing, --help,
// and the one usage-error shape (`svcgen <name>: <problem>`, the help, exit 2).
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CommandIO {
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export const processIO = (): CommandIO => ({ cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O; strict: true; allowPositionals: true }>>;

export interface CommandLine<O extends Options> {
  /** The parsed arguments, or the exit code when the command ends here (usage error, or --help). */
  parse(args: string[], io: CommandIO): Parsed<O> | number;
  /** Reports a usage problem with the command's help; returns exit code 2. */
  usage(io: CommandIO, problem: string): number;
}

export function commandLine<O extends Options>(name: string, help: string, options: O): CommandLine<O> {
  const usage = (io: CommandIO, problem: string): number => {
    io.stderr.write(`svcgen ${name}: ${problem}\n\n${help}\n`);
    return 2;
  };
  return {
    usage,
    parse(args, io) {
      let parsed: Parsed<O>;
      try {
        parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
      } catch (err) {
        return usage(io, (err as Error).message);
      }
      if ((parsed.values as { help?: unknown }).help) {
        io.stdout.write(help + '\n');
        return 0;
      }
      return parsed;
    },
  };
}
