// Builds what `npm pack` ships (see docs/DESIGN-packaging.md): generator and runtime compiled by
// tsc into dist/, beside them the files the compiled generator reads relative to itself
// (templates/, hand-written .d.ts files tsc does not copy) and a small package.json, because the
// generator's fingerprint reads the emitting libraries' versions from the package root it sits in.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = join(root, 'dist');
for (const dir of ['generator', 'runtime', 'templates']) rmSync(join(dist, dir), { recursive: true, force: true });

const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

cpSync(join(root, 'templates'), join(dist, 'templates'), { recursive: true });

function copyDeclarations(dir) {
  for (const name of readdirSync(join(root, dir))) {
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) copyDeclarations(rel);
    else if (name.endsWith('.d.ts')) {
      mkdirSync(dirname(join(dist, rel)), { recursive: true });
      cpSync(join(root, rel), join(dist, rel));
    }
  }
}
copyDeclarations('runtime');

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
writeFileSync(
  join(dist, 'package.json'),
  JSON.stringify({ $comment: 'Written by scripts/build-dist.mjs: the package root the compiled generator reads.', name: 'svcgen-dist', private: true, type: 'module', version: pkg.version, dependencies: pkg.dependencies }, null, 2) + '\n',
);
