// runtime/validation.ts keyed by names that are Object.prototype members: the validators a client
// is given (a subset may leave out an operation whose id is `constructor` or `toString`), and the
// header record built from a Headers object (a header named `__proto__`). Schemas here record what
// they are handed, so the test sees the value validation passes on, not zod's reading of it.
import { describe, expect, it } from 'vitest';
import { validation, type OperationValidator, type SchemaLike } from '../../../runtime/validation.ts';

/** A schema that accepts anything and keeps every value it was asked about. */
function recording(): SchemaLike & { seen: unknown[] } {
  const seen: unknown[] = [];
  return { seen, safeParse: (value) => (seen.push(value), { success: true }) };
}

describe('validation keyed by names special in JavaScript', () => {
  it('an operation left out of the validators is not validated, whatever its id', () => {
    const checks = validation({ listThings: { id: 'listThings', request: {}, responses: {} } });
    for (const id of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__']) {
      expect(() => checks.checkRequest(id, { body: { a: 1 } }), id).not.toThrow();
      expect(() => checks.checkResponse(id, 200, { a: 1 }), id).not.toThrow();
    }
  });

  it('a header named __proto__ in a Headers object reaches the header schema as an own key', () => {
    const header = recording();
    const validator: OperationValidator = { id: 'op', request: { header }, responses: {} };
    validation({ op: validator }).checkRequest('op', { params: { header: new Headers([['__proto__', 'p'], ['X-Other', 'o']]) } });
    const [record] = header.seen as [Record<string, unknown>];
    expect(Object.hasOwn(record, '__proto__')).toBe(true);
    expect(Object.entries(record)).toEqual([['__proto__', 'p'], ['x-other', 'o']]);
  });
});
