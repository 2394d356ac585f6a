// Type-checks a copy of the user's project against two versions of the generated output (old,
// then regenerated) and returns the errors only the second shows. Nothing is written into the
// project: the copy lives in a temporary folder that is removed afterwards.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Project, ts } from 'ts-morph';

export interface CompileError {
  file: string;
  line: number;
  code: number;
  message: string;
}

/** Settings for a project without a tsconfig: what a strict Worker project would use. */
const DEFAULT_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  allowImportingTsExtensions: true,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  types: [],
};

const NOT_COPIED = new Set(['node_modules', '.git', '.svcgen-cache', '.wrangler']);

/** The svcgen package this code runs from (its `svcgen/runtime` declarations serve a project without svcgen installed). */
function svcgenPackageRoot(): string {
  let dir = import.meta.dirname;
  while (dir !== path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'svcgen') return dir;
    dir = path.dirname(dir);
  }
  throw new Error('svcgen: cannot find the svcgen package root');
}

export interface ScratchProject {
  dir: string;
  write(files: Iterable<[string, string]>, vendors: string[]): void;
  check(): CompileError[];
  dispose(): void;
}

export function scratchProject(project: string, outDir: string): ScratchProject {
  const dir = mkdtempSync(path.join(tmpdir(), 'svcgen-impact-'));
  cpSync(project, dir, { recursive: true, filter: (source) => !NOT_COPIED.has(path.basename(source)) || source === project });
  const modules = path.join(dir, 'node_modules');
  mkdirSync(modules);
  const own = path.join(project, 'node_modules');
  if (existsSync(own)) for (const name of readdirSync(own)) symlinkSync(path.join(own, name), path.join(modules, name));
  if (!existsSync(path.join(modules, 'svcgen'))) symlinkSync(svcgenPackageRoot(), path.join(modules, 'svcgen'), 'dir');
  const generated = path.resolve(dir, outDir);
  return {
    dir,
    write(files, vendors) {
      for (const vendor of vendors) rmSync(path.join(generated, vendor), { recursive: true, force: true });
      for (const [rel, content] of files) {
        const target = path.join(generated, rel);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, content);
      }
    },
    check() {
      const tsconfig = path.join(dir, 'tsconfig.json');
      const program = existsSync(tsconfig)
        ? new Project({ tsConfigFilePath: tsconfig })
        : new Project({ compilerOptions: DEFAULT_OPTIONS });
      if (!existsSync(tsconfig)) program.addSourceFilesAtPaths([path.join(dir, '**/*.{ts,tsx,mts}'), `!${path.join(dir, 'node_modules/**')}`, `!${path.join(generated, '**')}`]);
      const errors: CompileError[] = [];
      for (const d of program.getPreEmitDiagnostics()) {
        if (d.getCategory() !== ts.DiagnosticCategory.Error) continue;
        const file = d.getSourceFile()?.getFilePath();
        if (!file || !file.startsWith(dir + path.sep) || file.startsWith(generated + path.sep)) continue;
        const text = d.getMessageText();
        const message = typeof text === 'string' ? text : ts.flattenDiagnosticMessageText(text.compilerObject, ' ');
        errors.push({ file: path.relative(dir, file), line: d.getLineNumber() ?? 0, code: d.getCode(), message: message.replace(/\s+/g, ' ') });
      }
      return errors;
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function errorKey(e: CompileError): string {
  return `${e.file}:${e.line}:${e.code}:${e.message}`;
}
