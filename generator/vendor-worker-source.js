// The worker entry in a checkout, where the generator runs from its TypeScript sources. Module
// hooks are per thread, so the launcher's type-stripping cache (bin/strip-cache.js) registered on
// the main thread does not reach a worker, and the worker's Node stripped every module it loaded
// with amaro (swc compiled to WebAssembly): ~36 MB more resident for a thread loading
// vendor-job.ts (peak RSS of a process whose one worker loads it, 166-168 MB without the cache,
// 130-132 MB with, three runs each). Plain JavaScript, so that nothing is stripped before the
// cache is in place; the installed package (dist/) strips nothing and starts vendor-worker.js.
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';
import { typeStrippingCache } from '../bin/strip-cache.js';

const checkout = new URL('../', import.meta.url);
// The folder and scope bin/svcgen.js gives the main thread's cache, so both threads share entries.
const hooks = typeStrippingCache(fileURLToPath(new URL('node_modules/.cache/svcgen/strip/', checkout)), checkout.href);
if (hooks) registerHooks(hooks);
await import('./vendor-worker.ts');
