// @hey-api/openapi-ts with its defaults (types, SDK functions, fetch client). It wants input paths
// absolute or starting with `./`: ours are absolute.
import path from 'node:path';
import { packageFile } from '../lib/paths.ts';
import type { CodeGenerator, Invocation } from './tool.ts';

const CLI = packageFile('@hey-api', 'openapi-ts', 'bin', 'run.js');

export const heyApi: CodeGenerator = {
  name: '@hey-api/openapi-ts (SDK + fetch client)',
  invocation(inputs: readonly string[], outDir: string): Invocation {
    if (inputs.length !== 1) throw new Error('the benchmark runs @hey-api/openapi-ts on one input file per run');
    const input = inputs[0]!;
    return { script: CLI, args: ['--input', path.isAbsolute(input) ? input : `./${input}`, '--output', outDir, '--no-log-file', '--silent'] };
  },
};
