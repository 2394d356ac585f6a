// The impact part of the text and markdown reports: uses in the project, then new compile errors.
import type { DiffReport } from '../types.ts';

export function impactLines(report: DiffReport, bullet = '  '): string[] {
  const impact = report.impact;
  if (!impact) return [];
  const lines = [`impact on ${impact.project}: ${impact.hits.length} change(s) touch code in the project, ${impact.compileErrors.length} new compile error(s)`];
  for (const hit of impact.hits) {
    lines.push(`${bullet}${hit.change.breaking ? 'BREAKING' : 'ok'} ${hit.change.operation ?? hit.change.event ?? hit.change.pointer}: ${hit.change.message} [${hit.change.rule}]`);
    for (const site of hit.sites) lines.push(`${bullet}  ${site.file}:${site.line} ${site.name}`);
  }
  for (const error of impact.compileErrors) {
    const cause = error.changes.length ? error.changes.map((c) => `${c.operation ?? c.pointer}: ${c.message} [${c.rule}]`).join('; ') : 'no matching spec change found';
    lines.push(`${bullet}${error.file}:${error.line} TS${error.code}: ${error.message} ← ${cause}`);
  }
  if (impact.typecheckSkipped) lines.push(`${bullet}type-check skipped: ${impact.typecheckSkipped}`);
  return lines;
}
