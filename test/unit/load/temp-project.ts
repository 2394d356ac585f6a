// A throwaway project root with its own lock, mirror and overlays, so loader tests depend on
// nothing but the files they write.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadVendor } from '../../../generator/load/index.ts';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/load/', import.meta.url));

export interface SpecFile {
  /** Lock path, e.g. `acme/openapi.json`. */
  path: string;
  content: string;
  /** Default: the content's real hash. */
  sha256?: string;
  /** Default true: write the file into the mirror. */
  inMirror?: boolean;
  role?: 'input' | 'previous';
}

export interface TempProject {
  root: string;
  mirror: string;
  cacheDir: string;
  writeOverlay(vendor: string, name: string, content: string): Promise<string>;
  cleanup(): Promise<void>;
}

export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

export function urlFor(lockPath: string): string {
  return `https://specs.example.test/${lockPath}`;
}

export async function fixture(name: string): Promise<string> {
  return readFile(path.join(FIXTURES, name), 'utf8');
}

export async function tempProject(
  vendors: Record<string, { format: 'openapi-3.0' | 'openapi-3.1' | 'swagger-2.0'; files: SpecFile[] }>,
): Promise<TempProject> {
  const base = await mkdtemp(path.join(tmpdir(), 'svcgen-load-'));
  const root = path.join(base, 'project');
  const mirror = path.join(base, 'mirror');
  const cacheDir = path.join(root, '.svcgen-cache');
  await mkdir(path.join(root, 'specs', 'overlays'), { recursive: true });
  await mkdir(mirror, { recursive: true });
  const lock = { lockVersion: 1, vendors: {} as Record<string, unknown> };
  for (const [vendor, { format, files }] of Object.entries(vendors)) {
    lock.vendors[vendor] = {
      format,
      files: files.map((file) => ({
        path: file.path,
        url: urlFor(file.path),
        sha256: file.sha256 ?? sha256(file.content),
        role: file.role ?? 'input',
      })),
    };
    for (const file of files) {
      if (file.inMirror === false) continue;
      await mkdir(path.dirname(path.join(mirror, file.path)), { recursive: true });
      await writeFile(path.join(mirror, file.path), file.content);
    }
  }
  await writeFile(path.join(root, 'specs', 'lock.json'), JSON.stringify(lock, null, 2));
  return {
    root,
    mirror,
    cacheDir,
    async writeOverlay(vendor, name, content) {
      const directory = path.join(root, 'specs', 'overlays', vendor);
      await mkdir(directory, { recursive: true });
      await writeFile(path.join(directory, name), content);
      return `specs/overlays/${vendor}/${name}`;
    },
    cleanup: () => rm(base, { recursive: true, force: true }),
  };
}

/** A minimal valid OpenAPI 3.0 document with the given paths and schemas. */
export function openapi(paths: Record<string, unknown>, schemas: Record<string, unknown> = {}, version = '3.0.3'): string {
  return JSON.stringify({ openapi: version, info: { title: 'Fixture API', version: '1' }, paths, components: { schemas } }, null, 2);
}

export const OK = { '200': { description: 'ok' } };

/**
 * Loads one document as vendor `acme` (lock path `acme/openapi.json`) from a fresh temporary
 * project each time; `cleanup` (for afterEach) removes the last one.
 */
export function oneSpecLoader(): {
  load(document: object, format?: 'openapi-3.0' | 'openapi-3.1' | 'swagger-2.0'): ReturnType<typeof loadVendor>;
  cleanup(): Promise<void>;
} {
  let project: TempProject | undefined;
  return {
    async load(document, format = 'openapi-3.0') {
      await project?.cleanup();
      project = await tempProject({ acme: { format, files: [{ path: 'acme/openapi.json', content: JSON.stringify(document) }] } });
      return loadVendor('acme', { root: project.root, mirror: project.mirror, download: false });
    },
    async cleanup() {
      await project?.cleanup();
      project = undefined;
    },
  };
}
