// Path parameters in label and matrix style and exploded objects (runtime/encoding/path.ts
// serializePathStyled, chosen per operation by generator/emit/encoders.ts). Before, every path
// value went out in plain simple style whatever the spec said: `/label/{id}` with style label sent
// `/label/x` instead of `/label/.x`. Oracles: the RFC 6570 / OpenAPI style table, and Prism judging
// the generated client's requests on a hand-made spec (test/fixtures/path-styles).
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { prismStage } from '../../../bench/corpus/prism.ts';
import { serializePath, serializePathStyled } from '../../../runtime/encoding/path.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/path-styles/openapi.json', import.meta.url));

// OpenAPI's style examples: color = "blue", ["blue", "black", "brown"], { R: 100, G: 200, B: 150 }.
const primitive = 'blue';
const array = ['blue', 'black', 'brown'];
const object = { R: 100, G: 200, B: 150 };

function each(style: string, explode: boolean): string[] {
  const serialize = serializePathStyled({ color: { style, explode } });
  return [primitive, array, object].map((color) => serialize('/{color}', { color }).slice(1));
}

describe('serializePathStyled', () => {
  it('writes the style table of RFC 6570 and OpenAPI', () => {
    expect(each('simple', false)).toEqual(['blue', 'blue,black,brown', 'R,100,G,200,B,150']);
    expect(each('simple', true)).toEqual(['blue', 'blue,black,brown', 'R=100,G=200,B=150']);
    expect(each('label', false)).toEqual(['.blue', '.blue,black,brown', '.R,100,G,200,B,150']);
    expect(each('label', true)).toEqual(['.blue', '.blue.black.brown', '.R=100.G=200.B=150']);
    expect(each('matrix', false)).toEqual([';color=blue', ';color=blue,black,brown', ';color=R,100,G,200,B,150']);
    expect(each('matrix', true)).toEqual([';color=blue', ';color=blue;color=black;color=brown', ';R=100;G=200;B=150']);
  });

  it('percent-encodes names, keys and values, and leaves other parameters in simple style', () => {
    const serialize = serializePathStyled({ p: { style: 'matrix', explode: true } });
    expect(serialize('/{p}/{q}', { p: { 'a b': 'c/d' }, q: ['x', 'y'] })).toBe('/;a%20b=c%2Fd/x,y');
    expect(serializePath('/{q}', { q: { a: 1 } })).toBe('/a,1');
  });

  it('keeps the refusals of serializePath: missing, empty, dot segments, nested values', () => {
    const serialize = serializePathStyled({ p: { style: 'label', explode: false } });
    expect(() => serialize('/{p}', {})).toThrow(/"p" is missing/);
    expect(() => serialize('/{p}', { p: '' })).toThrow(/"p" is empty/);
    expect(() => serialize('/{p}', { p: '.' })).toThrow(/dot segment/);
    expect(() => serialize('/{p}', { p: [['a']] })).toThrow(/cannot nest/);
    expect(serializePathStyled({ p: { style: 'label', explode: false } }, ['p'])('/{p}/x', { p: '' })).toBe('//x');
  });

  it('the generated client sends label, matrix and exploded path values Prism accepts', async () => {
    const outcome = await prismStage({ id: 'fixture/path-styles', file: FIXTURE, display: 'test/fixtures/path-styles/openapi.json', bytes: statSync(FIXTURE).size });
    expect(outcome).toEqual({ passed: 3, total: 3, causes: [], failures: [] });
  }, 300_000);
});
