// Counts over a report's changes, and what `--fail-on` makes of them.
import type { Change, DiffReport, DiffSummary } from './types.ts';

export function allChanges(report: DiffReport): Change[] {
  return report.diffs.flatMap((d) => d.changes);
}

export function summarize(changes: Change[]): DiffSummary {
  const byKind: Record<string, number> = {};
  const changed = new Set<string>();
  for (const c of changes) {
    byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
    if (c.operation && c.kind !== 'operation-added' && c.kind !== 'operation-removed') changed.add(`${c.vendor} ${c.operation}`);
  }
  return {
    changes: changes.length,
    breaking: changes.filter((c) => c.breaking).length,
    nonBreaking: changes.filter((c) => c.classification === 'non-breaking').length,
    deprecations: changes.filter((c) => c.classification === 'deprecation').length,
    operationsAdded: byKind['operation-added'] ?? 0,
    operationsRemoved: byKind['operation-removed'] ?? 0,
    operationsChanged: changed.size,
    byKind: Object.fromEntries(Object.entries(byKind).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

export type FailOn = 'breaking' | 'any' | 'none';

/**
 * Exit 1 or 0. With a project, `breaking` fails only on breaking changes that touch a use in the
 * project or on new compile errors: a breaking change to an operation nobody calls is reported, not failed.
 */
export function failed(report: DiffReport, failOn: FailOn): boolean {
  const changes = allChanges(report);
  if (failOn === 'none') return false;
  if (failOn === 'any') return changes.length > 0;
  if (report.impact) return report.impact.hits.some((h) => h.change.breaking) || report.impact.compileErrors.length > 0;
  return changes.some((c) => c.breaking);
}
