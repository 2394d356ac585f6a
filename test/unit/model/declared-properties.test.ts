// The properties a schema declares (model/declared-properties.ts): its own and its allOf
// members', through $refs, own keys only, the first declaration of a name winning.
import { describe, expect, it } from 'vitest';
import { declaredProperties } from '../../../generator/model/declared-properties.ts';

const str = { type: 'string' };
const arr = { type: 'array', items: str };

describe('declaredProperties', () => {
  it('own properties first, then each allOf member in order (nested and through $refs), refs kept as written', () => {
    const doc = { components: { schemas: { Base: { properties: { b: arr, c: { $ref: '#/components/schemas/C' } }, allOf: [{ properties: { d: str } }] }, C: str } } };
    const found = declaredProperties(doc, { properties: { a: str }, allOf: [{ $ref: '#/components/schemas/Base' }, { properties: { e: arr } }] });
    expect([...found]).toEqual([
      ['a', str],
      ['b', arr],
      ['c', { $ref: '#/components/schemas/C' }],
      ['d', str],
      ['e', arr],
    ]);
  });

  it('a name declared twice keeps its first declaration', () => {
    const found = declaredProperties({}, { properties: { tags: str }, allOf: [{ properties: { tags: arr } }] });
    expect(found.get('tags')).toEqual(str);
  });

  it('own keys only: __proto__ written in a member is a property, what a properties object inherits is not', () => {
    const inherited = Object.create({ tags: arr }) as Record<string, unknown>;
    const member = JSON.parse('{"properties":{"__proto__":{"type":"string"}}}') as object;
    const found = declaredProperties({}, { properties: inherited, allOf: [member] });
    expect([...found.keys()]).toEqual(['__proto__']);
    expect(found.has('tags')).toBe(false);
  });

  it('a cyclic allOf ends (every property once), a dangling $ref or a non-object adds nothing', () => {
    const doc = { components: { schemas: { Loop: { properties: { x: str }, allOf: [{ $ref: '#/components/schemas/Loop' }] } } } };
    expect([...declaredProperties(doc, { $ref: '#/components/schemas/Loop' }).keys()]).toEqual(['x']);
    expect(declaredProperties(doc, { allOf: [{ $ref: '#/components/schemas/Missing' }, 'text', null] }).size).toBe(0);
    expect(declaredProperties(doc, undefined).size).toBe(0);
  });
});
