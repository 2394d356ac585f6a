// The scaling part in quick mode, for real: three small directory specs through both tools, the
// charts written where asked and linked relative to the report, one chart marker per measured
// point, and the per-spec table listing every spec. No timing is compared with a bound.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scratchDir } from '../../bench/lib/paths.ts';
import { renderReport } from '../../bench/lib/report.ts';
import { oursFailures } from '../../bench/lib/verdict.ts';
import { runScalingBench } from '../../bench/scaling.ts';
import { scalingSpecs } from '../../bench/scaling-specs.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-scaling-'));
const scratch = `test-scaling-${process.pid}`;
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(scratchDir(scratch), { recursive: true, force: true });
});

describe('scaling bench, quick', () => {
  it('measures both tools on each spec and draws what it measured', { timeout: 300_000 }, async () => {
    const { specs } = scalingSpecs(true);
    expect(specs).toHaveLength(3);
    const chartDir = path.join(dir, 'charts');
    const [section] = await runScalingBench({ quick: true, scratch, chartDir, reportDir: dir });
    expect(oursFailures([section!])).toEqual([]);

    const generated = section!.figures.find((f) => f.id === 'scaling.generated')!;
    expect(generated.ours).toEqual({ kind: 'measured', samples: [3] });

    const body = section!.body!.join('\n');
    for (const spec of specs) expect(body).toContain(`\`${spec.id.replace(/^dir\//, '')}\``);
    for (const x of ['operations', 'bytes']) {
      const file = path.join(chartDir, `scaling-${x}.svg`);
      expect(existsSync(file)).toBe(true);
      expect(body).toContain(`](charts/scaling-${x}.svg)`);
      const svg = readFileSync(file, 'utf8');
      // Per tool: one legend marker, then one per spec with a value in each of the two panels
      // (a spec with no operations has no place on the operations axis).
      const plotted = x === 'operations' ? specs.filter((s) => s.operations > 0).length : specs.length;
      expect(svg.match(/<circle [^>]*fill-opacity/g)?.length).toBe(1 + 2 * plotted);
      expect(svg.match(/<rect [^>]*fill-opacity/g)?.length).toBe(1 + 2 * plotted);
    }

    const report = renderReport({ machine: { date: '', cpu: '', cores: 2, memoryGiB: '', os: '', node: '', commit: '', memorySource: '', loadAverage: '', tools: [] }, quick: true, command: 'test', sections: [section!] });
    expect(report).toContain('## Scaling with spec size');
    expect(report).toContain('<details><summary>Per spec (3)</summary>');
  });
});
