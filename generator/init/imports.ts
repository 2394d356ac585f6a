// Adding import lines to a TypeScript file written by the scaffold, before the user owns it.
/** Adds `lines` after the last import of `text` (those not already there). */
export function addImports(text: string, lines: string[], file: string): string {
  const missing = lines.filter((line) => !text.includes(line));
  if (missing.length === 0) return text;
  const last = [...text.matchAll(/^import [\s\S]*?;$/gm)].at(-1);
  if (!last || last.index === undefined) throw new Error(`svcgen init: no import in ${file}`);
  const at = last.index + last[0].length;
  return `${text.slice(0, at)}\n${missing.join('\n')}${text.slice(at)}`;
}
