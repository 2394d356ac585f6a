// Failure causes grouped across specs: a message with its specifics (file names, quoted names,
// pointers, numbers) blanked, so one bug hit by many specs counts once with its number of specs.

export function causeOf(message: string): string {
  return message
    .replace(/^\S+?(#\/\S*)?(:\d+(:\d+)?)?: /, '')
    .replace(/#\/\S*/g, '#/…')
    .replace(/'[^']*'|"[^"]*"|`[^`]*`/g, '…')
    .replace(/\b\d+\b/g, 'N')
    .replace(/\s+/g, ' ')
    .slice(0, 160)
    .trim();
}

/** TypeScript diagnostics: the code and its message with names blanked. */
export function tsCauseOf(code: string, message: string): string {
  return `${code} ${causeOf(message)}`;
}

export function topCauses(causes: (string | undefined)[], limit = 10): { cause: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const cause of causes) if (cause) counts.set(cause, (counts.get(cause) ?? 0) + 1);
  return [...counts].map(([cause, count]) => ({ cause, count })).sort((a, b) => b.count - a.count || (a.cause < b.cause ? -1 : 1)).slice(0, limit);
}
