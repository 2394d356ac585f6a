// Compiles emitted declarations plus a probe file in memory (strict mode), for type tests that
// check what a generated type accepts and rejects without writing a project to disk.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** The standard library's declarations, parsed once for every program here. */
const libraries = new Map<string, ts.SourceFile | undefined>();

/** Compiler messages for types.d.ts plus `probe`, strict mode, in memory. */
export function diagnostics(declarations: string, probe: string): string[] {
  return compile(declarations, probe).map(message);
}

/**
 * 1-based lines of `probe` that have a compiler error, so one program checks many cases (one per
 * line); throws when types.d.ts itself does not compile.
 */
export function probeErrorLines(declarations: string, probe: string): Set<number> {
  const found = compile(declarations, probe);
  const elsewhere = found.filter((d) => d.file?.fileName !== '/p/probe.ts');
  if (elsewhere.length > 0) throw new Error(elsewhere.map(message).join('\n'));
  return new Set(found.map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line + 1));
}

/**
 * 1-based lines of `lines` (a function body after `header`) that do not compile when written as
 * probe.ts into the generated project at `root` (strict, on disk: the client and its runtime
 * imports resolve as a consumer's would); throws when anything else fails to compile.
 * `checkDeclarations` also checks every declaration file (no skipLibCheck), operations.d.ts among them.
 */
export function projectProbeErrorLines(root: string, header: readonly string[], lines: readonly string[], { checkDeclarations = false } = {}): Set<number> {
  const path = join(root, 'probe.ts');
  writeFileSync(path, [...header, ...lines, '}', ''].join('\n'));
  const options: ts.CompilerOptions = {
    strict: true, noEmit: true, skipLibCheck: !checkDeclarations, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler, allowImportingTsExtensions: true, allowJs: false, types: [], lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  };
  const found = ts.getPreEmitDiagnostics(ts.createProgram([path], options));
  const elsewhere = found.filter((d) => d.file?.fileName !== path);
  if (elsewhere.length) throw new Error(elsewhere.map(message).join('\n'));
  return new Set(found.map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line + 1 - header.length));
}

function message(d: ts.Diagnostic): string {
  return `${d.file?.fileName ?? ''}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
}

function compile(declarations: string, probe: string): readonly ts.Diagnostic[] {
  const files: Record<string, string> = { '/p/types.d.ts': declarations, '/p/probe.ts': probe };
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, types: [] };
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => {
    if (name in files) return ts.createSourceFile(name, files[name]!, language, true);
    if (!libraries.has(name)) libraries.set(name, getSourceFile(name, language, ...rest));
    return libraries.get(name);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name in files || fileExists(name);
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (name) => name === '/p' || (directoryExists?.(name) ?? false);
  const program = ts.createProgram({ rootNames: Object.keys(files), options, host });
  return ts.getPreEmitDiagnostics(program);
}

