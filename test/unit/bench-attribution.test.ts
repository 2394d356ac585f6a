import { build } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { attribute } from '../../bench/bundle-attribution.ts';

/** Two modules bundled by esbuild with a source map: `noisy.ts` carries 4 KiB that gzip cannot shrink. */
async function twoModuleBundle() {
  const dir = mkdtempSync(path.join(tmpdir(), 'svcgen-attribution-'));
  let seed = 7;
  const noise = Array.from({ length: 4096 }, () => String.fromCharCode(97 + ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 26))).join('');
  writeFileSync(path.join(dir, 'noisy.ts'), `export const noise = ${JSON.stringify(noise)};\n`);
  writeFileSync(path.join(dir, 'small.ts'), `export function twice(n: number): number { return n * 2; }\n`);
  writeFileSync(path.join(dir, 'entry.ts'), `import { noise } from './noisy.ts';\nimport { twice } from './small.ts';\nexport default { run: () => noise.length + twice(3) };\n`);
  const result = await build({ entryPoints: [path.join(dir, 'entry.ts')], bundle: true, minify: true, format: 'esm', write: false, outfile: path.join(dir, 'out.js'), sourcemap: 'external' });
  const code = result.outputFiles.find((f) => f.path.endsWith('.js'))!.text;
  const map = JSON.parse(result.outputFiles.find((f) => f.path.endsWith('.map'))!.text);
  return { code, map };
}

describe('bundle attribution (bench/bundle-attribution.ts)', () => {
  it('charges each byte to its source once and measures what cutting a part saves after gzip', async () => {
    const { code, map } = await twoModuleBundle();
    const partOf = (source: string) => path.basename(source, '.ts');
    const a = attribute(code, map, partOf);
    expect(a.whole).toBe(gzipSync(code, { level: 9 }).byteLength);
    // Every byte of the code is charged to exactly one part (newlines aside).
    const charged = a.costs.reduce((sum, c) => sum + c.minified, 0);
    expect(charged).toBe(code.length - (code.split('\n').length - 1));
    const noisy = a.costs.find((c) => c.part === 'noisy')!;
    const small = a.costs.find((c) => c.part === 'small')!;
    expect(noisy.minified).toBeGreaterThan(4096);
    // Random letters compress to about log2(26)/8 of their size: cutting them saves at least half of 4 KiB.
    expect(noisy.gzipMarginal).toBeGreaterThan(2048);
    expect(small.gzipMarginal).toBeLessThan(100);
    expect(a.costs[0]!.part).toBe('noisy');
    expect(a.gzipWithout(['noisy'])).toBe(a.whole - noisy.gzipMarginal);
  });
});
