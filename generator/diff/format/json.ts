// `--json`: {"changes": [{kind, operation, function, pointer, breaking, rule, reason, …}], "summary": {…}}.
import { allChanges, summarize } from '../summary.ts';
import type { Change, DiffReport } from '../types.ts';

function entry(c: Change): Record<string, unknown> {
  return {
    kind: c.kind,
    operation: c.operation ?? null,
    function: c.function ?? null,
    pointer: c.pointer,
    breaking: c.breaking,
    rule: c.rule,
    reason: c.reason,
    vendor: c.vendor,
    classification: c.classification,
    message: c.message,
    ...(c.affects ? { affects: c.affects } : {}),
    ...(c.event !== undefined ? { event: c.event } : {}),
  };
}

export function jsonReport(report: DiffReport): Record<string, unknown> {
  const changes = allChanges(report);
  return {
    changes: changes.map(entry),
    summary: { ...summarize(changes), vendors: report.diffs.map((d) => ({ vendor: d.vendor, old: d.old, new: d.new, ...summarize(d.changes) })) },
    ...(report.impact
      ? {
          impact: {
            project: report.impact.project,
            hits: report.impact.hits.map((h) => ({ change: entry(h.change), sites: h.sites })),
            compileErrors: report.impact.compileErrors.map((e) => ({ ...e, changes: e.changes.map(entry) })),
            ...(report.impact.typecheckSkipped ? { typecheckSkipped: report.impact.typecheckSkipped } : {}),
          },
        }
      : {}),
  };
}

export function formatJson(report: DiffReport): string {
  return JSON.stringify(jsonReport(report)) + '\n';
}
