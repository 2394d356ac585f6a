// A code generator as the benchmark drives it: a Node script with arguments that reads `inputs`
// and writes into `outDir`. Each peer module describes its own tool's command line.

export interface Invocation {
  /** The tool's own entry script, run with this Node. */
  readonly script: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

export interface CodeGenerator {
  /** Row label in the report. */
  readonly name: string;
  /** Writes any config file the tool needs beside `outDir`, and returns the command. */
  invocation(inputs: readonly string[], outDir: string): Invocation;
}
