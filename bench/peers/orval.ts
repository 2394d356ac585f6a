// orval: a fetch client (types and one function per operation), and separately its zod output,
// which on the largest pinned spec (4 MB) grows until it runs out of memory (so it always runs under a timeout).
import path from 'node:path';
import { packageFile } from '../lib/paths.ts';
import type { CodeGenerator, Invocation } from './tool.ts';

const CLI = packageFile('orval', 'dist', 'bin', 'orval.mjs');

function orval(client: 'fetch' | 'zod', name: string): CodeGenerator {
  return {
    name,
    invocation(inputs: readonly string[], outDir: string): Invocation {
      if (inputs.length !== 1) throw new Error('orval takes one input file per run');
      return { script: CLI, args: ['--input', inputs[0]!, '--output', path.join(outDir, 'client.ts'), '--client', client] };
    },
  };
}

export const orvalFetch = orval('fetch', 'orval (fetch client)');
export const orvalZod = orval('zod', 'orval (zod schemas)');
