// Markdown fit for a pull-request comment: a summary table per vendor, the breaking changes, the
// rest folded in <details>.
import { summarize } from '../summary.ts';
import type { Change, DiffReport } from '../types.ts';
import { affectsText, groupChanges } from './group.ts';
import { impactLines } from './impact-lines.ts';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function row(c: Change): string {
  const where = c.operation ? `\`${c.operation}\` \`${c.function ?? ''}()\`` : cell(affectsText(c, 3).trim()) || '—';
  return `| ${c.classification === 'breaking' ? '🔴 breaking' : c.classification === 'deprecation' ? '🟡 deprecation' : '🟢 non-breaking'} | ${where} | ${c.kind} | ${cell(c.message)} | \`${c.rule}\` |`;
}

export function formatMarkdown(report: DiffReport): string {
  const out: string[] = ['## svcgen diff', ''];
  if (report.diffs.length === 0) out.push('No vendor inputs changed.', '');
  for (const diff of report.diffs) {
    const s = summarize(diff.changes);
    out.push(`### ${diff.vendor}`, '', `\`${diff.old}\` → \`${diff.new}\``, '');
    out.push('| changes | breaking | non-breaking | deprecations | operations added | removed | changed |', '| --- | --- | --- | --- | --- | --- | --- |');
    out.push(`| ${s.changes} | ${s.breaking} | ${s.nonBreaking} | ${s.deprecations} | ${s.operationsAdded} | ${s.operationsRemoved} | ${s.operationsChanged} |`, '');
    const ordered = groupChanges(diff).flatMap((g) => g.changes);
    const header = ['| class | where | kind | change | rule |', '| --- | --- | --- | --- | --- |'];
    const breaking = ordered.filter((c) => c.breaking);
    if (breaking.length) out.push('#### Breaking changes', '', ...header, ...breaking.map(row), '');
    const other = ordered.filter((c) => !c.breaking);
    if (other.length) out.push(`<details><summary>${other.length} other change(s)</summary>`, '', ...header, ...other.map(row), '', '</details>', '');
  }
  const impact = impactLines(report, '- ');
  if (impact.length) out.push('### Impact on this project', '', impact[0]!, '', ...impact.slice(1).map((l) => l.replace(/^- {2}/, '  - ')), '');
  return out.join('\n');
}
