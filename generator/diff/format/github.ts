// GitHub Actions workflow commands: one ::error (breaking) / ::warning (deprecation) / ::notice
// line per change; impact sites and compile errors carry file and line so they annotate the diff.
import type { DiffReport } from '../types.ts';

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(report: DiffReport): string {
  const lines: string[] = [];
  for (const diff of report.diffs) {
    for (const c of diff.changes) {
      const level = c.breaking ? 'error' : c.classification === 'deprecation' ? 'warning' : 'notice';
      const title = `${c.vendor} ${c.operation ?? c.kind}${c.function ? ` (${c.function})` : ''}`;
      lines.push(`::${level} title=${escapeProperty(title)}::${escapeData(`${c.message} [${c.rule}] ${c.pointer}: ${c.reason}`)}`);
    }
  }
  for (const hit of report.impact?.hits ?? []) {
    for (const site of hit.sites) {
      lines.push(`::${hit.change.breaking ? 'error' : 'notice'} file=${escapeProperty(site.file)},line=${site.line},title=${escapeProperty(`svcgen: ${site.name}`)}::${escapeData(`${hit.change.message} [${hit.change.rule}]`)}`);
    }
  }
  for (const e of report.impact?.compileErrors ?? []) {
    const cause = e.changes.map((c) => `${c.message} [${c.rule}]`).join('; ') || 'no matching spec change';
    lines.push(`::error file=${escapeProperty(e.file)},line=${e.line},title=${escapeProperty(`TS${e.code} after regeneration`)}::${escapeData(`${e.message} ← ${cause}`)}`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
