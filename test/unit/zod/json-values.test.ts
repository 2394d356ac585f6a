// test/fixtures/zod-values: `enum` members that are objects or arrays, which the validators left
// unchecked (a zod literal holds primitives only; 8 such enums in 6 directory specs, among them
// enode.io, docker.com's engine and mailchimp.com), and `anyOf` beside `oneOf` in one schema, which
// they read as one list of alternatives where JSON Schema binds both. ajv on the fixture as
// written is the oracle (OpenAPI 3.0's `nullable` written for ajv as a type list).
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ZodType } from 'zod';
import { admitted, ajvAccepts, fixtureSet, sampleVerdicts, type Generated, type SampleTable, type Version } from '../types/sample-agreement.ts';

vi.setConfig({ testTimeout: 60_000 });

const fixtures = fixtureSet('zod-values');

/** Per component (as a response; these read the same in a request): sample values and whether JSON Schema admits each. */
const SAMPLES: SampleTable = {
  Override: [[{ override: true }, true], [{ level: 2, mode: 'auto' }, true], [{ override: false }, false], [{ override: true, extra: 1 }, false], [{}, false]],
  Reason: [['DEFAULT', true], [{ override: true }, true], ['OTHER', false], [{ override: 'true' }, false], [[], false]],
  Origin: [[[0, 0], true], [[0.0, -0], true], [[0], false], [[0, 0, 0], false], [[0, 1], false]],
  Nullable: [[{ on: true }, true], [null, true], [{ on: false }, false]],
  Both: [[{ a: 1, c: 1 }, true], [{ b: 1, d: 1 }, true], [{ a: 1 }, false], [{ c: 1 }, false], [{ a: 1, b: 1 }, false]],
};

let generated: Record<Version, Generated>;

beforeAll(async () => {
  generated = await fixtures.generate();
}, 120_000);

/** OpenAPI 3.0's `nullable: true` as the type list JSON Schema (ajv) reads. */
function forAjv(document: Record<string, any>): Record<string, any> {
  const copy = structuredClone(document);
  for (const schema of Object.values<Record<string, any>>(copy.components.schemas)) {
    if (schema.nullable === true) Object.assign(schema, { type: [schema.type, 'null'], nullable: undefined });
  }
  return JSON.parse(JSON.stringify(copy));
}

describe.each(['3.0', '3.1'] as const)('validators of enums with object members, and of anyOf beside oneOf (OpenAPI %s)', (version) => {
  it('ajv on the fixture admits the listed samples (the oracle)', () => {
    expect(sampleVerdicts(SAMPLES, ajvAccepts(forAjv(fixtures.read(version))))).toEqual(admitted(SAMPLES));
  });

  it('the generated schemas admit the same samples', () => {
    const zod = generated[version].zod;
    expect(sampleVerdicts(SAMPLES, (schema, value) => (zod[schema] as ZodType).safeParse(value).success)).toEqual(admitted(SAMPLES));
  });
});
