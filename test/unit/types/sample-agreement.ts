// Shared by the tests that check a fixture set's generated types, zod validators and ajv accept the
// same sample values (test/fixtures/<name>/<name>-3.1.json and -3.0.json, which share the
// components Card, Bank, Currency and Country): generate each spec, then ask each reader which
// samples each schema admits (one compiler program for all type cases, one line per case).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import Ajv from 'ajv';
import { BIN } from '../../support/cli.ts';
import { loadSchemasModule } from '../zod/support.ts';
import { probeErrorLines } from './compile-probe.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export type Version = '3.1' | '3.0';

/** Sample values by name: null, objects (two of the fixtures' components, one of neither, an empty one), strings, a number. */
export const SAMPLES: Record<string, unknown> = {
  null: null,
  card: { kind: 'card', last4: '4242' },
  bank: { kind: 'bank', iban: 'DE89370400440532013000' },
  cash: { kind: 'cash' },
  empty: {},
  usd: 'usd',
  US: 'US',
  gbp: 'gbp',
  seven: 7,
};

export interface Generated {
  stderr: string;
  /** types.d.ts as written. */
  types: string;
  /** schemas.js, run: export name → zod schema. */
  zod: Record<string, unknown>;
}

/** The fixture set `name`: its spec paths (relative to the repository), the specs parsed, and `generate` for both. */
export function fixtureSet(name: string) {
  const spec = (version: Version) => `test/fixtures/${name}/${name}-${version}.json`;
  return {
    spec,
    read: (version: Version): Record<string, any> => JSON.parse(readFileSync(path.join(ROOT, spec(version)), 'utf8')),
    /** `svcgen generate --spec` for each version into test/.work/<name>; throws with stderr when one fails. */
    async generate(): Promise<Record<Version, Generated>> {
      const base = path.join(ROOT, 'test/.work', name);
      await rm(base, { recursive: true, force: true });
      const vendor = name.replace(/[^a-z0-9]/g, '');
      return { '3.1': await generateSpec(spec('3.1'), vendor, path.join(base, '3.1')), '3.0': await generateSpec(spec('3.0'), vendor, path.join(base, '3.0')) };
    },
  };
}

async function generateSpec(spec: string, vendor: string, out: string): Promise<Generated> {
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

/** Per component schema, the sample names its TypeScript type in `declarations` accepts. */
export function acceptedByTypes(declarations: string, schemas: string[]): Record<string, string[]> {
  const cases = casesOf(schemas);
  const probe = [
    `import type { components } from './types.js';`,
    ...cases.map(({ schema, sample }, index) => `export const case${index}: components['schemas'][${JSON.stringify(schema)}] = ${JSON.stringify(SAMPLES[sample])};`),
  ].join('\n');
  const rejected = probeErrorLines(declarations, probe);
  return group(cases.filter((_, index) => !rejected.has(index + 2)), schemas);
}

/** Per schema name: sample values, each with whether JSON Schema admits it. */
export type SampleTable = Record<string, [unknown, boolean][]>;

/** Per schema of the table, what `accepts` says of each of its samples. */
export function sampleVerdicts(samples: SampleTable, accepts: (schema: string, value: unknown) => boolean): Record<string, boolean[]> {
  return Object.fromEntries(Object.entries(samples).map(([schema, values]) => [schema, values.map(([value]) => accepts(schema, value))]));
}

/** Per schema of the table, whether JSON Schema admits each of its samples (the table's own column). */
export function admitted(samples: SampleTable): Record<string, boolean[]> {
  return Object.fromEntries(Object.entries(samples).map(([schema, values]) => [schema, values.map(([, admits]) => admits)]));
}

/** Per schema, the sample names `accepts` admits. */
export function acceptedBy(schemas: string[], accepts: (schema: string, value: unknown) => boolean): Record<string, string[]> {
  return group(casesOf(schemas).filter(({ schema, sample }) => accepts(schema, SAMPLES[sample])), schemas);
}

/** ajv (draft-07 keywords: type lists, oneOf, anyOf, enum, $ref, OpenAPI's nullable) on a component of `document`. */
export function ajvAccepts(document: Record<string, any>): (schema: string, value: unknown) => boolean {
  const ajv = new Ajv({ strict: false });
  ajv.addSchema(document, 'fixture');
  return (schema, value) => ajv.validate({ $ref: `fixture#/components/schemas/${schema}` }, value);
}

function casesOf(schemas: string[]): { schema: string; sample: string }[] {
  return schemas.flatMap((schema) => Object.keys(SAMPLES).map((sample) => ({ schema, sample })));
}

function group(cases: { schema: string; sample: string }[], schemas: string[]): Record<string, string[]> {
  return Object.fromEntries(schemas.map((schema) => [schema, cases.filter((c) => c.schema === schema).map((c) => c.sample)]));
}
