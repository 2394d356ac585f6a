#!/usr/bin/env node
// `npm run bench`: plain JavaScript so Node starts it directly; the benchmarks themselves are
// TypeScript that Node >= 22.18 runs through its built-in type stripping.
const { main } = await import('./lib/cli.ts');
process.exitCode = await main(process.argv.slice(2));
