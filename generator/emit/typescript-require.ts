// openapi-typescript (and our own emitters) reach the TypeScript compiler with `import ts from
// 'typescript'`. typescript.js is a 9 MB CommonJS file in a package with no "type", so an ESM import
// of it first reads and compiles it once more to detect its format, then lexes it for named
// exports, before require() compiles it: about 0.3 s of CPU and ~17 MB resident per thread on this
// project's machine (measured by importing it both ways in a fresh process). Every generating
// thread loads it, so each thread that is about to load the emitters sends that import to
// typescript-commonjs.ts, which require()s the compiler directly.
import { registerHooks } from 'node:module';

const SHIM = new URL(import.meta.url.endsWith('.ts') ? './typescript-commonjs.ts' : './typescript-commonjs.js', import.meta.url).href;
let registered = false;

/** Call before importing the emitters; once per thread (module hooks are per thread). */
export function importTypeScriptThroughRequire(): void {
  if (registered) return;
  registered = true;
  registerHooks({
    resolve: (specifier, context, next) =>
      // require('typescript') (the shim's own, ts-morph's) goes through the CommonJS loader as usual.
      specifier === 'typescript' && !context.conditions.includes('require') ? { url: SHIM, shortCircuit: true } : next(specifier, context),
  });
}
