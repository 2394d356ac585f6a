// Generation on two threads (generator/parallel.ts: one worker per core claims vendor jobs from a
// shared counter while the main thread waits) must write exactly what one thread writes, and an
// input error in a job on either thread must end the run with exit 2, the file and pointer named,
// the output untouched.
// The fixture project gets a second vendor, a copy of the first, so there are two jobs.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runSvcgen, snapshot } from '../../support/cli.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

const FIXTURE = fileURLToPath(new URL('../../fixtures/cli-project/', import.meta.url));
const ONE_THREAD = { SVCGEN_THREADS: '1' };

let root: string;
let oneThread: Record<string, string>;

function edit(file: string, change: (text: string) => string): void {
  writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8')));
}

/** A dangling $ref in a vendor's spec, re-pinned so that it passes the sha256 check. */
async function breakSpec(vendor: string): Promise<void> {
  const file = `mirror/${vendor}/openapi.yaml`;
  edit(file, (t) => t.replace("items: { $ref: '#/components/schemas/Widget' }\n                  has_more", "items: { $ref: '#/components/schemas/Gadget' }\n                  has_more"));
  const { createHash } = await import('node:crypto');
  const spec = readFileSync(join(root, file));
  edit('specs/lock.json', (text) => {
    const lock = JSON.parse(text);
    Object.assign(lock.vendors[vendor].files[0], { sha256: createHash('sha256').update(spec).digest('hex'), bytes: spec.length });
    return JSON.stringify(lock, null, 2);
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'svcgen-parallel-'));
  cpSync(FIXTURE, root, { recursive: true });
  cpSync(join(root, 'mirror/acme'), join(root, 'mirror/bravo'), { recursive: true });
  cpSync(join(root, 'specs/overlays/acme'), join(root, 'specs/overlays/bravo'), { recursive: true });
  edit('specs/lock.json', (text) => {
    const lock = JSON.parse(text);
    lock.vendors.bravo = structuredClone(lock.vendors.acme);
    lock.vendors.bravo.files[0].path = 'bravo/openapi.yaml';
    return JSON.stringify(lock, null, 2);
  });
  const first = await runSvcgen(root, ['generate'], ONE_THREAD);
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  oneThread = snapshot(join(root, 'generated'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

// With one core the pool stays in one thread whatever SVCGEN_THREADS says, and there is nothing to compare.
describe.skipIf(availableParallelism() < 2)('svcgen generate on two threads', () => {
  it('writes the same files, byte for byte, as on one thread', async () => {
    expect(Object.keys(oneThread).filter((f) => f.startsWith('bravo/')).length).toBeGreaterThan(0);
    const outcome = await runSvcgen(root, ['generate', '--force']);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    expect(snapshot(join(root, 'generated'))).toEqual(oneThread);
  });

  // Module hooks are per thread: the worker takes the launcher's stripping cache itself
  // (generator/vendor-worker-source.js) instead of loading amaro to strip every module again.
  // vendor-worker.ts is loaded by workers only, so its entry shows the worker went through the cache.
  it('strips the worker\'s modules through the launcher\'s cache', async () => {
    const url = new URL('../../../generator/vendor-worker.ts', import.meta.url).href;
    const entry = join(fileURLToPath(new URL('../../../node_modules/.cache/svcgen/strip/', import.meta.url)), `${createHash('sha256').update(url).digest('hex').slice(0, 32)}.js`);
    rmSync(entry, { force: true });
    const outcome = await runSvcgen(root, ['generate', '--force']);
    expect(outcome.code).toBe(0);
    expect(readFileSync(entry, 'utf8')).toContain('parentPort');
  });

  // Node's compile cache: the launcher turns it on (bin/svcgen.js) in its default folder, under the
  // temp folder, and the workers, which alone load the TypeScript compiler here, must take that
  // folder from generator/parallel.ts. Node's own debug log says whether each load used the cache.
  it('the workers load the TypeScript compiler from the launcher\'s compile cache', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'svcgen-compile-cache-'));
    try {
      const env = { TMPDIR: tmp, NODE_DEBUG_NATIVE: 'COMPILE_CACHE' };
      expect((await runSvcgen(root, ['generate', '--force'], env)).code).toBe(0);
      expect(readdirSync(join(tmp, 'node-compile-cache')).length).toBeGreaterThan(0);
      const again = await runSvcgen(root, ['generate', '--force'], env);
      expect(again.code).toBe(0);
      // Counted in the whole text, not by line: each message is one write, but the threads' writes
      // interleave, and another module's "was accepted" can end a line that names typescript.js.
      const fromCache = again.stderr.match(/cache for \S*\/typescript\/lib\/typescript\.js was accepted/g);
      expect(fromCache).toHaveLength(2);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  // The main thread only hands the jobs to the workers: it never loads the emitters (a second copy
  // of the TypeScript compiler and openapi-typescript), and every job runs on a worker whose heap
  // is bounded (generator/parallel.ts workerLimits).
  it('runs no job on the main thread', async () => {
    const script = `
      import { createRequire } from 'node:module';
      const { generate } = await import(${JSON.stringify(new URL('../../../generator/generate.ts', import.meta.url).href)});
      const result = await generate({ root: process.cwd(), force: true, dryRun: true });
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((file) => file.includes('/typescript/lib/'));
      console.log(JSON.stringify({ vendors: result.vendors.map((v) => v.vendor), loaded }));`;
    // A file, not -e: workers inherit the process's --input-type, which Node refuses for a file entry.
    const file = join(root, 'main-thread-modules.mjs');
    writeFileSync(file, script);
    const { stdout } = await promisify(execFile)(process.execPath, [file], { cwd: root, env: { ...process.env, SVCGEN_SPEC_MIRROR: join(root, 'mirror') } });
    rmSync(file);
    expect(JSON.parse(stdout)).toEqual({ vendors: ['acme', 'bravo'], loaded: [] });
  });

  // A job that outgrows a worker's heap ends the run, names the limit and the two ways past it,
  // and writes nothing. The limit is set far too low here, so the first job to load overruns it.
  it('stops naming the heap limit when a worker runs out of memory, output untouched', async () => {
    const outcome = await runSvcgen(root, ['generate', '--force'], { SVCGEN_WORKER_HEAP_MB: '8' });
    expect(outcome.code).toBe(1);
    // A limit the user can move, not a bug: the message alone, no stack.
    expect(outcome.stderr).toBe("svcgen: a generation worker reached its 8 MB heap limit; SVCGEN_WORKER_HEAP_MB sets another, SVCGEN_THREADS=1 generates on the main thread under Node's own\n");
    expect(snapshot(join(root, 'generated'))).toEqual(oneThread);
  });

  // Equal weights: the first vendor of the lock is claimed first, the second next, each by a worker.
  for (const vendor of ['acme', 'bravo']) {
    it(`stops with exit 2 naming ${vendor}'s file and pointer when its job fails`, async () => {
      const pristine = mkdtempSync(join(tmpdir(), 'svcgen-parallel-pristine-'));
      cpSync(root, pristine, { recursive: true });
      try {
        await breakSpec(vendor);
        const outcome = await runSvcgen(root, ['generate', '--force']);
        expect(outcome.code).toBe(2);
        expect(outcome.stderr).toMatch(new RegExp(`${vendor}/openapi\\.yaml.*#/paths/~1v1~1widgets/get/.*Gadget`, 's'));
        expect(outcome.stderr).not.toContain('internal error');
        expect(snapshot(join(root, 'generated'))).toEqual(oneThread);
      } finally {
        rmSync(root, { recursive: true, force: true });
        cpSync(pristine, root, { recursive: true });
        rmSync(pristine, { recursive: true, force: true });
      }
    });
  }
});
