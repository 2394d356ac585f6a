// test/fixtures/type-gaps: three shapes openapi-typescript types otherwise than JSON Schema and our
// zod validators read them.
// 1. A plain `type` beside anyOf alternatives all of that type (`{ type: string, anyOf: [Currency,
//    Country] }`): openapi-typescript adds the type to the union, so any string passes.
// 2. A type list without null beside alternatives (`{ type: ["object", "string"], oneOf: [Card,
//    Currency] }`): the list is intersected with them and its "object" is `Record<string, never>`,
//    so no card passes.
// 3. A bare object that allows null (3.1 `["object", "null"]`, 3.0 `nullable: true`) with no
//    properties and no additionalProperties: `Record<string, never> | null`, no key allowed.
// The typing document drops the implied `type` (generator/model/implied-types.ts) and opens such
// objects (generator/model/open-objects.ts). Here the generated types, the generated request-side
// zod validators and ajv on the fixture as written accept exactly the same sample values.
import openapiTS, { astToString } from 'openapi-typescript';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ZodType } from 'zod';
import { acceptedBy, acceptedByTypes, ajvAccepts, fixtureSet, type Generated, type Version } from './sample-agreement.ts';

// Each type check compiles types.d.ts and a probe (the standard library's declarations the first time).
vi.setConfig({ testTimeout: 60_000 });

const fixtures = fixtureSet('type-gaps');

const ANY_OBJECT = ['card', 'bank', 'cash', 'empty'];

/** The values each schema admits as JSON Schema reads it (3.0: with `nullable` adding null). */
const EXPECTED: Record<Version, Record<string, string[]>> = {
  '3.1': {
    StringAnyOfRefs: ['usd', 'US'],
    StringAnyOfInline: ['usd', 'US'],
    StringOneOfRefs: ['usd', 'US'],
    // Card admits no string: the currency is the only alternative left.
    StringAnyOfRuledOut: ['usd'],
    ObjectOrStringOneOf: ['card', 'usd'],
    ObjectOrStringAnyOf: ['card', 'usd'],
    ObjectOrNull: ['null', ...ANY_OBJECT],
    ObjectOrNullNoProperties: ['null', ...ANY_OBJECT],
    ObjectOrString: [...ANY_OBJECT, 'usd', 'US', 'gbp'],
    ObjectOrNullClosed: ['null', 'empty'],
  },
  '3.0': {
    StringAnyOfRefs: ['usd', 'US'],
    StringAnyOfInline: ['usd', 'US'],
    ObjectNullable: ['null', ...ANY_OBJECT],
    ObjectNullableClosed: ['null', 'empty'],
  },
};

let generated: Record<Version, Generated>;

beforeAll(async () => {
  generated = await fixtures.generate();
}, 120_000);

/** Which fixture schemas show which of the three shapes (numbered as above). */
const CASES: Record<Version, [string, string[]][]> = {
  '3.1': [
    ['1. a plain type beside alternatives of that type', ['StringAnyOfRefs', 'StringAnyOfInline', 'StringOneOfRefs', 'StringAnyOfRuledOut']],
    ['2. a type list without null beside alternatives', ['ObjectOrStringOneOf', 'ObjectOrStringAnyOf']],
    ['3. a bare object in a type list', ['ObjectOrNull', 'ObjectOrNullNoProperties', 'ObjectOrString', 'ObjectOrNullClosed']],
  ],
  '3.0': [
    ['1. a plain type beside alternatives of that type', ['StringAnyOfRefs', 'StringAnyOfInline']],
    ['3. a bare nullable object', ['ObjectNullable', 'ObjectNullableClosed']],
  ],
};

const only = (accepted: Record<string, string[]>, schemas: string[]) => Object.fromEntries(schemas.map((schema) => [schema, accepted[schema]]));

describe.each(['3.1', '3.0'] as const)('type gaps (OpenAPI %s)', (version) => {
  const schemas = Object.keys(EXPECTED[version]);
  let typed: Record<string, string[]> | undefined;
  // One compiler program for every case of this version.
  const acceptedByGeneratedTypes = () => (typed ??= acceptedByTypes(generated[version].types, schemas));

  it('the fixture shows each shape once: every schema belongs to one case', () => {
    expect(CASES[version].flatMap(([, names]) => names).sort()).toEqual([...schemas].sort());
  });

  it('ajv on the fixture as written admits the expected values (the oracle)', () => {
    expect(acceptedBy(schemas, ajvAccepts(fixtures.read(version)))).toEqual(EXPECTED[version]);
  });

  it.each(CASES[version])('the generated types admit the same values: %s', (_label, names) => {
    expect(only(acceptedByGeneratedTypes(), names)).toEqual(only(EXPECTED[version], names));
  });

  it('the request-side zod validators admit the same values', () => {
    // A closed object has its own request validator (`…Input`); responses stay loose by design.
    const zod = generated[version].zod;
    const validator = (schema: string) => (zod[`${schema}Input`] ?? zod[schema]) as ZodType;
    expect(acceptedBy(schemas, (schema, value) => validator(schema).safeParse(value).success)).toEqual(EXPECTED[version]);
  });

  it('lists no repair: the spec is read as written', () => {
    expect(generated[version].stderr).not.toContain('#/components/schemas/');
  });
});

describe('openapi-typescript on the fixtures as written (what the typing document works around)', () => {
  it.each(['3.1', '3.0'] as const)('OpenAPI %s: any string beside anyOf, no object in a type list or a nullable bare object', async (version) => {
    const declarations = astToString(await openapiTS(JSON.stringify(fixtures.read(version)), { silent: true }));
    const accepted = acceptedByTypes(declarations, Object.keys(EXPECTED[version]));
    if (version === '3.1') {
      expect(accepted).toMatchObject({
        StringAnyOfRefs: ['usd', 'US', 'gbp'],
        ObjectOrStringOneOf: ['usd'],
        ObjectOrNull: ['null', 'empty'],
        ObjectOrString: ['empty', 'usd', 'US', 'gbp'],
      });
    } else {
      expect(accepted).toMatchObject({ StringAnyOfRefs: ['usd', 'US', 'gbp'], ObjectNullable: ['null', 'empty'] });
    }
  });
});
