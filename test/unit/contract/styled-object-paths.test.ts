// Object path parameters with several keys in each style OpenAPI's style table lists, through the
// generated client to Prism (hand-made fixture test/fixtures/styled-object-paths). The client
// writes label, exploded, as `.R=1.G=1.B=1`, which the table gives; Prism 5.16 splits those pairs
// at ',' (prism-http deserializers/style/label.js, as for simple style), read one key R holding
// `1.G=1.B=1` and reported G and B missing; the harness's Prism fix (prism-param-text.ts) splits at
// '.'. Oracle: Prism itself, plain and with the fix, and the corpus Prism stage on the fixture.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { prismStage } from '../../../bench/corpus/prism.ts';
import { plainAndFixedPrism, requestProblems } from './harness-prism.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/styled-object-paths/openapi.json', import.meta.url));

describe('a label-style exploded object path parameter with several keys', () => {
  const prism = plainAndFixedPrism('prism-label-object', JSON.parse(readFileSync(FIXTURE, 'utf8')));

  it('plain Prism misreads it; with the fix it passes and a wrong member is still reported', async () => {
    const get = async (server: { url: string }, path: string) => requestProblems(await fetch(`${server.url}${path}`));
    expect(await get(prism.plain, '/label/.R=1.G=2.B=3')).toEqual(expect.arrayContaining([expect.stringContaining("required property 'G'")]));
    expect(await get(prism.fixed, '/label/.R=1.G=2.B=3')).toEqual([]);
    expect(await get(prism.fixed, '/label/.R=1.G=x.B=3')).toEqual([expect.stringContaining('color.G must be integer')]);
    expect(await get(prism.fixed, '/label/.R=1.G=2')).toEqual([expect.stringContaining("required property 'B'")]);
  });

  it('the corpus Prism stage passes label, matrix and simple, exploded or not', async () => {
    const outcome = await prismStage({ id: 'fixture/styled-object-paths', file: FIXTURE, display: 'test/fixtures/styled-object-paths/openapi.json', bytes: statSync(FIXTURE).size });
    expect(outcome).toEqual({ passed: 6, total: 6, causes: [], failures: [] });
  }, 300_000);
});
