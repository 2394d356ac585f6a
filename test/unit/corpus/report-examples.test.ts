// CORPUS.md counts the Prism stage on @readme/oas-examples (--prism-examples) on a row of its own,
// apart from the test sample's, with its causes in their own table.
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../../bench/corpus/report.ts';
import type { SpecResult } from '../../../bench/corpus/results.ts';

const prismed = (id: string, passed: number, total: number, causes: string[] = []): SpecResult => ({
  id,
  bytes: 1,
  generator: 'g',
  svcgen: { tool: 'svcgen', id, status: 'generated', ms: 0 },
  ots: { tool: 'ots', id, status: 'generated', ms: 0 },
  prism: { passed, total, causes },
});

describe('the oas-examples Prism row of CORPUS.md', () => {
  const context = { of: 0, commit: 'abc', generators: 1, prism: [prismed('dir/a.json', 5, 5)] };

  it('counts the examples apart from the sample, with their causes', () => {
    const report = renderReport([], { ...context, examplesPrism: [prismed('ex/3.0/a.json', 3, 4, ['body: must be integer']), prismed('ex/3.1/b.json', 2, 2)] });
    expect(report).toContain('(the 1 smallest specs of the test sample) | 5/5 operations (100.0 %)');
    expect(report).toContain('| the same for every @readme/oas-examples document (2 specs, not directory specs) | 5/6 operations (83.3 %) | |');
    expect(report).toMatch(/Prism on @readme\/oas-examples: request violations and client errors[\s\S]*body: must be integer/);
  });

  it('has no such row when the stage has not run on them', () => {
    expect(renderReport([], context)).not.toContain('oas-examples');
  });
});
