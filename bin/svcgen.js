#!/usr/bin/env node
// Thin launcher: the CLI is TypeScript run through Node's built-in type stripping (Node >= 22.18),
// so the generator starts without a build step or a loader dependency.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`svcgen: Node >= 22.18 is required (this is ${process.version}).\n`);
  process.exit(2);
}
const { main } = await import('../generator/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
