#!/usr/bin/env node
// Launcher. In a checkout of the svcgen repository the CLI runs from its TypeScript sources through
// Node's type stripping (no build step while developing, never a stale build). An installed copy
// (npm pack / npm install) ships no sources, and Node refuses to strip types under node_modules, so
// there it runs the JavaScript compiled into dist/ (docs/DESIGN-packaging.md). In a checkout the
// stripped text of each module is kept between runs (strip-cache.js), keyed by its source.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`svcgen: Node >= 22.18 is required (this is ${process.version}).\n`);
  process.exit(2);
}
// Node's compile cache (V8 code kept on disk for every module loaded from here on; its default
// folder unless NODE_COMPILE_CACHE names one, off with NODE_DISABLE_COMPILE_CACHE=1): every thread
// that generates loads the TypeScript compiler, and compiling its 9 MB typescript.js afresh was the
// largest single cost of start-up in profiles of a one-vendor run. generator/parallel.ts hands the
// folder to the worker threads.
(await import('node:module')).enableCompileCache();
const source = new URL('../generator/cli/main.ts', import.meta.url);
let entry = new URL('../dist/generator/cli/main.js', import.meta.url);
if (existsSync(fileURLToPath(source))) {
  // A project config importing 'svcgen/config' must then reach the sources too, as the
  // repository's tsconfig does with its custom condition.
  const { registerHooks } = await import('node:module');
  registerHooks({
    resolve: (specifier, context, next) =>
      specifier === 'svcgen' || specifier.startsWith('svcgen/')
        ? next(specifier, { ...context, conditions: [...context.conditions, 'svcgen-source'] })
        : next(specifier, context),
  });
  const checkout = new URL('../', import.meta.url);
  const stripping = (await import('./strip-cache.js')).typeStrippingCache(fileURLToPath(new URL('node_modules/.cache/svcgen/strip/', checkout)), checkout.href);
  if (stripping) registerHooks(stripping);
  entry = source;
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
