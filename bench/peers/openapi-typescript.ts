// openapi-typescript, types only: the baseline our generation time is held to. Several inputs go
// through one process (a Redocly config listing them), as `svcgen generate` handles all of a
// vendor's files in one process.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packageFile } from '../lib/paths.ts';
import type { CodeGenerator, Invocation } from './tool.ts';

const CLI = packageFile('openapi-typescript', 'bin', 'cli.js');

function outputName(input: string): string {
  return `${path.basename(input).replace(/\.(ya?ml|json)$/i, '')}.ts`;
}

export const openapiTypescript: CodeGenerator = {
  name: 'openapi-typescript (types only)',
  invocation(inputs: readonly string[], outDir: string): Invocation {
    if (inputs.length === 1) return { script: CLI, args: [inputs[0]!, '--output', path.join(outDir, outputName(inputs[0]!))] };
    // JSON is YAML, so the config needs no YAML writer.
    const apis = Object.fromEntries(
      inputs.map((input, i) => [`api${i}`, { root: input, 'x-openapi-ts': { output: path.join(outDir, outputName(input)) } }]),
    );
    // Beside the output folder, which is emptied before each run.
    const config = path.join(path.dirname(outDir), `${path.basename(outDir)}.redocly.yaml`);
    mkdirSync(path.dirname(config), { recursive: true });
    writeFileSync(config, JSON.stringify({ apis }, null, 2));
    return { script: CLI, args: ['--redocly', config] };
  },
};
