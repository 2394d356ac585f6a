// The report formats `svcgen diff` and `svcgen check` share.
import type { DiffReport } from '../types.ts';
import { formatGithub } from './github.ts';
import { formatJson } from './json.ts';
import { formatJunit } from './junit.ts';
import { formatMarkdown } from './markdown.ts';
import { formatText } from './text.ts';

export const FORMATS = ['text', 'json', 'markdown', 'github', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export function formatReport(report: DiffReport, format: Format): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'markdown':
      return formatMarkdown(report);
    case 'github':
      return formatGithub(report);
    case 'junit':
      return formatJunit(report);
    default:
      return formatText(report);
  }
}
