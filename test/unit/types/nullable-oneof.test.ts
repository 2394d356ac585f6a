// test/fixtures/nullable-oneof: a `type` that allows null (an OpenAPI 3.1 list with "null", or 3.0's
// `nullable: true` beside a `type`) next to oneOf/anyOf alternatives that each reject null. The
// reading svcgen gives them: null, or one of the alternatives that is of a listed type. 3.1's
// literal JSON Schema reading loses the null (every alternative rejects it), so the load adds a
// `{ type: "null" }` alternative and lists it; 3.0's `nullable` already reads that way in our zod
// validators and in openapi-typescript. openapi-typescript types several of these shapes as
// something else (no value at all, or any string): the typing document drops the `type` the
// alternatives imply (generator/model/implied-types.ts). Here the generated types, the generated
// zod validators and, for 3.1, ajv (Prism's validator) on the repaired schema accept exactly the
// same sample values.
import openapiTS, { astToString } from 'openapi-typescript';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ZodType } from 'zod';
import { readNullTypeAsAlternative } from '../../../generator/load/null-with-alternatives.ts';
import { acceptedBy, acceptedByTypes, ajvAccepts, fixtureSet, type Generated, type Version } from './sample-agreement.ts';

// Each type check compiles types.d.ts and a probe (the standard library's declarations the first time).
vi.setConfig({ testTimeout: 60_000 });

const fixtures = fixtureSet('nullable-oneof');

/** The values each schema admits, read as null or one of the alternatives of a listed type. */
const EXPECTED: Record<Version, Record<string, string[]>> = {
  '3.1': {
    ObjectOrNullOneOf: ['null', 'card', 'bank'],
    ObjectOrNullAnyOf: ['null', 'card', 'bank'],
    StringOrNullRefs: ['null', 'usd', 'US'],
    StringOrNullInline: ['null', 'usd', 'US'],
    StringOrNullAnyOf: ['null', 'usd', 'US'],
    MixedOrNull: ['null', 'card', 'usd'],
    // No alternative is a string: null is the only value (and the listed repair says so).
    StringOrNullObjects: ['null'],
  },
  '3.0': {
    ObjectNullableOneOf: ['null', 'card', 'bank'],
    ObjectNullableAnyOf: ['null', 'card', 'bank'],
    StringNullableRefs: ['null', 'usd', 'US'],
    StringNullableAnyOf: ['null', 'usd', 'US'],
    NullableOneOfNoType: ['null', 'card', 'bank'],
    StringNullableObjects: ['null'],
  },
};

const fixture = fixtures.spec;
const readFixture = fixtures.read;

let generated: Record<Version, Generated>;

beforeAll(async () => {
  generated = await fixtures.generate();
}, 120_000);

describe.each(['3.1', '3.0'] as const)('a type allowing null beside oneOf/anyOf (OpenAPI %s)', (version) => {
  const schemas = Object.keys(EXPECTED[version]);

  it('types admit null and each alternative of a listed type, and reject the rest', () => {
    expect(acceptedByTypes(generated[version].types, schemas)).toEqual(EXPECTED[version]);
  });

  it('the zod validators accept the same values', () => {
    const zod = generated[version].zod;
    expect(acceptedBy(schemas, (schema, value) => (zod[schema] as ZodType).safeParse(value).success)).toEqual(EXPECTED[version]);
  });
});

describe('OpenAPI 3.1: the listed repair', () => {
  const schemas = Object.keys(EXPECTED['3.1']);

  it('JSON Schema as written loses the null: ajv rejects it for every schema', () => {
    const withoutNull = Object.fromEntries(Object.entries(EXPECTED['3.1']).map(([schema, samples]) => [schema, samples.filter((sample) => sample !== 'null')]));
    expect(acceptedBy(schemas, ajvAccepts(readFixture('3.1')))).toEqual(withoutNull);
  });

  it('read as repaired, ajv accepts what the types and zod validators accept', () => {
    const document = readFixture('3.1');
    readNullTypeAsAlternative(document, fixture('3.1'));
    expect(acceptedBy(schemas, ajvAccepts(document))).toEqual(EXPECTED['3.1']);
  });

  it('is listed with file and pointer by `generate --spec`; 3.0 has none', () => {
    const listed = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('  ') && line.includes('#/')).map((line) => line.trim().split(': ')[0]);
    expect(listed(generated['3.1'].stderr)).toEqual(schemas.map((schema) => `${fixture('3.1')}#/components/schemas/${schema}/type`));
    expect(generated['3.1'].stderr).toContain(
      '#/components/schemas/ObjectOrNullOneOf/type: type ["object","null"] beside oneOf allows null but none of the 2 alternatives does; read as null or one of them: { type: "null" } added to oneOf\n',
    );
    expect(generated['3.1'].stderr).toContain('StringOrNullObjects/type: type ["string","null"] beside oneOf allows null but none of the 2 alternatives does; read as null or one of them: { type: "null" } added to oneOf; none of the alternatives is of type "string", so null is its only value');
    expect(listed(generated['3.0'].stderr)).toEqual([]);
  });
});

describe('openapi-typescript on the fixtures as written (what the typing document works around)', () => {
  it.each(['3.1', '3.0'] as const)('OpenAPI %s: some shapes admit no value, lose null, or admit any string', async (version) => {
    const declarations = astToString(await openapiTS(JSON.stringify(readFixture(version)), { silent: true }));
    const accepted = acceptedByTypes(declarations, Object.keys(EXPECTED[version]));
    if (version === '3.1') {
      expect(accepted).toMatchObject({ ObjectOrNullOneOf: [], StringOrNullInline: [], StringOrNullRefs: ['usd', 'US'], MixedOrNull: ['usd'] });
    } else {
      expect(accepted).toMatchObject({ StringNullableAnyOf: ['null', 'usd', 'US', 'gbp'] });
    }
  });
});
