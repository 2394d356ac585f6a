// Shared by the tests that check a fixture's generated types, zod validators and ajv accept the
// same sample values: generate a fixture spec, then ask each reader which samples each schema
// admits (one compiler program for all type cases, one line per case).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { BIN } from '../../support/cli.ts';
import { loadSchemasModule } from '../zod/support.ts';
import { probeErrorLines } from './compile-probe.ts';

export const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface Generated {
  stderr: string;
  /** types.d.ts as written. */
  types: string;
  /** schemas.js, run: export name → zod schema. */
  zod: Record<string, unknown>;
}

/** `svcgen generate --spec <spec>` into `out`; throws with stderr when it fails. */
export async function generateFixture(spec: string, vendor: string, out: string): Promise<Generated> {
  const run = await new Promise<{ code: number; stderr: string }>((resolve) => {
    execFile(process.execPath, [BIN, 'generate', '--spec', spec, '--vendor', vendor, '--out', out], { cwd: ROOT }, (error, _stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stderr });
    });
  });
  if (run.code !== 0) throw new Error(`generate --spec ${spec} failed:\n${run.stderr}`);
  return {
    stderr: run.stderr,
    types: readFileSync(path.join(out, vendor, 'types.d.ts'), 'utf8'),
    zod: loadSchemasModule(readFileSync(path.join(out, vendor, 'schemas.js'), 'utf8')),
  };
}

type Samples = Record<string, unknown>;

/** Per component schema, the sample names its TypeScript type in `declarations` accepts. */
export function acceptedByTypes(declarations: string, schemas: string[], samples: Samples): Record<string, string[]> {
  const cases = casesOf(schemas, samples);
  const probe = [
    `import type { components } from './types.js';`,
    ...cases.map(({ schema, sample }, index) => `export const case${index}: components['schemas'][${JSON.stringify(schema)}] = ${JSON.stringify(samples[sample])};`),
  ].join('\n');
  const rejected = probeErrorLines(declarations, probe);
  return group(cases.filter((_, index) => !rejected.has(index + 2)), schemas);
}

/** Per schema, the sample names `accepts` admits. */
export function acceptedBy(schemas: string[], samples: Samples, accepts: (schema: string, value: unknown) => boolean): Record<string, string[]> {
  return group(casesOf(schemas, samples).filter(({ schema, sample }) => accepts(schema, samples[sample])), schemas);
}

/** ajv (draft-07 keywords: type lists, oneOf, anyOf, enum, $ref, OpenAPI's nullable) on a component of `document`. */
export function ajvAccepts(document: Record<string, any>): (schema: string, value: unknown) => boolean {
  const ajv = new Ajv({ strict: false });
  ajv.addSchema(document, 'fixture');
  return (schema, value) => ajv.validate({ $ref: `fixture#/components/schemas/${schema}` }, value);
}

function casesOf(schemas: string[], samples: Samples): { schema: string; sample: string }[] {
  return schemas.flatMap((schema) => Object.keys(samples).map((sample) => ({ schema, sample })));
}

function group(cases: { schema: string; sample: string }[], schemas: string[]): Record<string, string[]> {
  return Object.fromEntries(schemas.map((schema) => [schema, cases.filter((c) => c.schema === schema).map((c) => c.sample)]));
}
