// JUnit XML: one test suite per vendor, one test case per change; breaking changes are failures,
// so CI dashboards that read JUnit show them as failed checks.
import type { DiffReport } from '../types.ts';

export function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `extraSuites`: further <testsuite> elements (svcgen check adds its file drift). */
export function formatJunit(report: DiffReport, extraSuites: string[] = []): string {
  const suites = report.diffs.map((diff) => {
    const failures = diff.changes.filter((c) => c.breaking).length;
    const cases = diff.changes.map((c) => {
      const name = xml(`${c.operation ?? c.pointer} ${c.kind}: ${c.message}`);
      const body = c.breaking ? `<failure type="${xml(c.rule)}" message="${xml(c.message)}">${xml(`${c.pointer}: ${c.reason}`)}</failure>` : '';
      return `    <testcase classname="svcgen.diff.${xml(diff.vendor)}" name="${name}">${body}</testcase>`;
    });
    return [`  <testsuite name="svcgen diff ${xml(diff.vendor)}" tests="${diff.changes.length}" failures="${failures}">`, ...cases, '  </testsuite>'].join('\n');
  });
  const errors = report.impact?.compileErrors ?? [];
  if (errors.length) {
    const cases = errors.map((e) => `    <testcase classname="svcgen.impact" name="${xml(`${e.file}:${e.line}`)}"><failure type="TS${e.code}" message="${xml(e.message)}">${xml(e.changes.map((c) => c.message).join('; '))}</failure></testcase>`);
    suites.push([`  <testsuite name="svcgen impact" tests="${errors.length}" failures="${errors.length}">`, ...cases, '  </testsuite>'].join('\n'));
  }
  suites.unshift(...extraSuites);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n${suites.join('\n')}\n</testsuites>\n`;
}
