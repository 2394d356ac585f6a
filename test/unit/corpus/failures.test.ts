// The failures list S2 and the integrator read: every spec that does not generate output that
// compiles clean, with the stage it failed at and its first diagnostic; clean specs left out.
import { expect, it } from 'vitest';
import { isClean, renderFailures } from '../../../bench/corpus/failures.ts';
import type { SpecResult } from '../../../bench/corpus/results.ts';

const base = (id: string): SpecResult => ({
  id,
  bytes: 10,
  generator: 'abcdef0123',
  svcgen: { tool: 'svcgen', id, status: 'generated', ms: 1 },
  ots: { tool: 'ots', id, status: 'generated', ms: 1 },
  types: [],
  zod: [],
});

it('lists refused, crashed and non-compiling specs with stage and first diagnostic, and leaves out clean ones', () => {
  const clean = base('dir/clean.json');
  const refused = { ...base('dir/refused.json'), svcgen: { tool: 'svcgen', id: 'dir/refused.json', status: 'refused', ms: 1, message: 'x.json#/paths: bad | path', cause: 'bad' } } as SpecResult;
  const zod = { ...base('dir/zod.json'), zod: ['type-check did not finish: tsgo ran out of memory (peak 8.1 GiB)'], zodCauses: ['type-check did not finish: tsgo ran out of memory'] };
  const unchecked = { ...base('dir/unchecked.json'), types: undefined } as SpecResult;
  expect([clean, refused, zod, unchecked].map(isClean)).toEqual([true, false, false, false]);
  const text = renderFailures([zod, clean, refused, unchecked], { of: 4, commit: 'c0ffee' });
  expect(text).toContain('3 of 4 cached results');
  expect(text).not.toContain('dir/clean.json');
  expect(text).toContain('| dir/refused.json | 10 | abcdef01 | refused | bad | x.json#/paths: bad \\| path |');
  expect(text).toContain('| dir/zod.json | 10 | abcdef01 | zod | type-check did not finish: tsgo ran out of memory | type-check did not finish: tsgo ran out of memory (peak 8.1 GiB) |');
  expect(text).toContain('| dir/unchecked.json | 10 | abcdef01 | not type-checked |');
  expect(text.indexOf('dir/refused.json')).toBeLessThan(text.indexOf('dir/zod.json'));
});
