// A throwaway project that added a hand-made spec with `svcgen add`, as a user would, for tests of
// `svcgen scaffold` on it: the scaffold command run in-process there, and the default export of a
// routes file it wrote, imported fresh (each import its own module, with its own cached client).
// It lives under .svcgen-cache/ (git-ignored) so `hono` and `svcgen/runtime` resolve from it.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { runScaffold } from '../../../generator/scaffold/command.ts';
import { ROOT } from './acme-project.ts';

export interface Said {
  code: number;
  stdout: string;
  stderr: string;
}

/** The part of a Hono app the tests call. */
export interface ServedApp {
  request(path: string, init: RequestInit, env: unknown): Promise<Response>;
}

export interface AddedProject {
  root: string;
  /** The spec mirror `add` pinned the spec into; SVCGEN_SPEC_MIRROR for commands run there. */
  mirror: string;
  /** `svcgen scaffold ARGS` in the project, its exit code and output. */
  scaffold(args: string[]): Promise<Said>;
  /** A file of the project, as text. */
  read(file: string): string;
  /** The default export of a routes file of the project, from a copy imported fresh. */
  app(file: string): Promise<ServedApp>;
  remove(): void;
}

/** `svcgen add VENDOR --spec FIXTURE` in a new project under .svcgen-cache/ named after `label`. */
export async function addedProject(label: string, vendor: string, fixture: string): Promise<AddedProject> {
  const cache = join(ROOT, '.svcgen-cache');
  mkdirSync(cache, { recursive: true });
  const root = mkdtempSync(join(cache, `test-${label}-`));
  const mirror = join(root, 'mirror');
  await promisify(execFile)(process.execPath, [join(ROOT, 'bin/svcgen.js'), 'add', vendor, '--spec', fixture], { cwd: root, env: { ...process.env, SVCGEN_SPEC_MIRROR: mirror } });
  let copies = 0;
  return {
    root,
    mirror,
    async scaffold(args) {
      let stdout = '';
      let stderr = '';
      const code = await runScaffold(args, { cwd: root, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
      return { code, stdout, stderr };
    },
    read: (file) => readFileSync(join(root, file), 'utf8'),
    async app(file) {
      const copy = join(root, file.replace(/\.ts$/, `.served-${++copies}.ts`));
      writeFileSync(copy, readFileSync(join(root, file), 'utf8'));
      return (await import(/* @vite-ignore */ pathToFileURL(copy).href)).default as ServedApp;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
