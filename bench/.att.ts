import { build } from 'esbuild';
import { attribute } from './bundle-attribution.ts';
const entry = process.argv[2] ?? 'bench/fixtures/bundle/ours.ts';
const r = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser', conditions: ['svcgen-source','workerd','worker','browser'], target: 'es2022', write: false, legalComments: 'none', outfile: 'bundle.js', sourcemap: 'external' });
const code = r.outputFiles.find(f=>f.path.endsWith('.js')).text; const map = JSON.parse(r.outputFiles.find(f=>f.path.endsWith('.map')).text);
const a = attribute(code, map, (s) => s.replace(/^.*?(runtime|generated|node_modules|bench)\//, '$1/'));
console.log('whole', a.whole, 'min', code.length);
for (const c of a.costs) console.log(c.gzipMarginal, c.minified, c.part);
