// A consumer outside this repository reads `svcgen/runtime` through the declaration files that
// package.json's `types` condition names (dist/types, built by `npm run build:types`) and the
// generated operations through operations.d.ts. This compiles the generated-operations type tests
// (generated-operations.<vendor>.ts or .test.ts, one file per vendor) the way such a consumer would
// (no svcgen-source condition) and checks that nothing was lost: every `@ts-expect-error` there
// must still meet an error, so declarations that had decayed to `any` would fail here, and the
// program must be made of the declarations, not of the sources.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STRICT_CONSUMER_OPTIONS, TSGO } from '../../../bench/lib/typescript.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const WORK = path.join(ROOT, 'test', '.work', `published-declarations-${process.pid}`);
const TYPE_TESTS = path.join(ROOT, 'test', 'unit', 'types');
/** The per-vendor type tests, by the vendor their file name carries. */
const typeTests = readdirSync(TYPE_TESTS).flatMap((name) => {
  const vendor = /^generated-operations\.([\w-]+)(?:\.test)?\.ts$/.exec(name)?.[1];
  return vendor ? [{ vendor, file: path.join(TYPE_TESTS, name) }] : [];
});

describe('the published declarations', () => {
  it('keep the generated clients as strict for a consumer as for this repository', () => {
    expect(existsSync(path.join(ROOT, 'dist', 'types', 'runtime', 'index.d.ts')), 'dist/types is missing: run `npm run build:types`').toBe(true);
    mkdirSync(WORK, { recursive: true });
    const tsconfig = path.join(WORK, 'tsconfig.json');
    writeFileSync(
      tsconfig,
      JSON.stringify({
        // The benchmarks' consumer settings: strict, skipLibCheck, bundler resolution, no custom condition.
        compilerOptions: { ...STRICT_CONSUMER_OPTIONS, allowImportingTsExtensions: true },
        files: typeTests.map((test) => test.file),
      }),
    );
    const run = spawnSync(process.execPath, [TSGO, '-p', tsconfig, '--listFiles', '--pretty', 'false'], { encoding: 'utf8', cwd: WORK });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(output.split('\n').filter((line) => /error TS\d+/.test(line))).toEqual([]);
    expect(run.status).toBe(0);
    const files = output.split('\n').map((line) => path.relative(ROOT, line.trim()));
    expect(files).toContain(path.join('dist', 'types', 'runtime', 'index.d.ts'));
    expect(typeTests.length).toBeGreaterThan(0);
    for (const { vendor } of typeTests) {
      expect(files).toContain(path.join('generated', vendor, 'operations.d.ts'));
      expect(files).toContain(path.join('generated', vendor, 'types.d.ts'));
    }
    expect(files.filter((file) => file.startsWith(`runtime${path.sep}`))).toEqual([]);
  }, 120_000);
});
