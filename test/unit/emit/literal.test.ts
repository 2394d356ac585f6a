// The generator writes tables taken from a spec (property names, encoding entries) as object
// literals; evaluated, each literal must give back exactly the keys and values it was made from,
// whatever a spec names its properties.
import { describe, expect, it } from 'vitest';
import { literal, prettyLiteral } from '../../../generator/emit/text.ts';

const evaluate = (source: string): unknown => new Function(`return (${source});`)();

/** Own keys and values all the way down, prototypes compared as well. */
function expectSame(actual: unknown, expected: unknown): void {
  if (expected === null || typeof expected !== 'object') return void expect(actual).toBe(expected);
  expect(Object.getPrototypeOf(actual)).toBe(Object.getPrototypeOf(expected));
  expect(Object.keys(actual as object)).toEqual(Object.keys(expected));
  for (const key of Object.keys(expected)) expectSame((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key]);
}

describe('object literals of spec-named keys', () => {
  // JSON.parse makes "__proto__" an own key, as a spec loaded from JSON has it.
  const table = JSON.parse(
    '{"__proto__": {"style": "form", "explode": false}, "constructor": "csv", "a-b": "pipes", "plain": ["x", 1, null, true], "nested": {"__proto__": "multi", "long name with spaces to pass eighty characters of width": "ssv"}}',
  ) as Record<string, unknown>;

  it('literal() gives back own keys named __proto__, constructor and unquotable names', () => {
    expectSame(evaluate(literal(table)), table);
  });

  it('prettyLiteral() does too, over several lines', () => {
    const source = prettyLiteral(table);
    expect(source).toContain('\n');
    expectSame(evaluate(source), table);
  });
});
