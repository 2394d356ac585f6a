// One vendor's contract test, shared by the per-vendor files so each runs in its own worker.
import { describe, expect, it } from 'vitest';
import { describeFailures, runContract, type ContractOptions } from './harness.ts';
import { PRISM_FIXES } from './prism-fixes.ts';

export function contractSuite(options: ContractOptions): void {
  describe(`contract ${options.vendor}`, () => {
    it('sends every operation a request Prism finds valid', async () => {
      const report = await runContract({ prismImports: [...PRISM_FIXES], ...options });
      const lines = [
        report.line,
        `  caller ${report.caller}, Prism started in ${report.prismStartupMs} ms, ${report.total} operations in ${report.runMs} ms`,
      ];
      const mockErrors = report.results.filter((r) => r.passed && r.notes.length > 0);
      if (mockErrors.length > 0) {
        const kinds = [...new Set(mockErrors.flatMap((r) => r.notes))].join(', ');
        lines.push(`  ${mockErrors.length} valid requests got a mock-side error instead of an example (${kinds})`);
      }
      if (report.failures.length > 0) lines.push('  failures:', ...describeFailures(report.failures));
      if (report.excluded.length > 0) lines.push('  excluded (expected to fail):', ...report.excluded.map((r) => `  ${r.id}: ${options.exclusions?.[r.id]}`));
      if (report.staleExclusions.length > 0) lines.push('  exclusions that now pass (remove them):', ...report.staleExclusions.map((r) => `  ${r.id}`));
      const missed = report.canaries.filter((c) => !c.flagged);
      if (missed.length > 0) lines.push('  broken requests NOT flagged:', ...missed.map((c) => `  ${c.id} ${c.kind} ${c.field}: ${c.problems.join(' | ') || 'no problem reported'}`));
      console.log(lines.join('\n'));
      expect(report.total).toBeGreaterThan(0);
      expect(report.canaries.length).toBeGreaterThan(0);
      expect(missed.map((c) => `${c.id}: ${c.kind} ${c.field}`)).toEqual([]);
      expect(report.failures.map((r) => `${r.id}: ${r.problems.slice(0, 3).join(' | ')}`)).toEqual([]);
      expect(report.staleExclusions.map((r) => r.id)).toEqual([]);
    });
  });
}
