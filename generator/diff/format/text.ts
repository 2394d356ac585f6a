// Default output: one line per change, grouped by operation and naming the generated function.
import { summarize, allChanges } from '../summary.ts';
import type { DiffReport } from '../types.ts';
import { affectsText, groupChanges, label } from './group.ts';
import { impactLines } from './impact-lines.ts';

export function formatText(report: DiffReport): string {
  const lines: string[] = [];
  for (const diff of report.diffs) {
    const s = summarize(diff.changes);
    lines.push(`${diff.vendor}: ${diff.old} → ${diff.new}: ${s.changes} change(s), ${s.breaking} breaking, ${s.deprecations} deprecation(s); operations +${s.operationsAdded} −${s.operationsRemoved} ~${s.operationsChanged}`);
    for (const group of groupChanges(diff)) {
      lines.push(`  ${group.title}${group.function ? `  ${group.function}()` : ''}`);
      for (const c of group.changes) lines.push(`    ${label(c).padEnd(10)} ${c.kind}: ${c.message}${affectsText(c)} [${c.rule}] ${c.pointer}`);
    }
  }
  if (report.diffs.length === 0) lines.push('no vendor inputs changed');
  lines.push(...impactLines(report));
  const total = summarize(allChanges(report));
  lines.push(`total: ${total.changes} change(s), ${total.breaking} breaking`);
  return lines.join('\n') + '\n';
}
