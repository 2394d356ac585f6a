// Errors caused by the input (specs, lock, overlays) rather than by the generator. The CLI maps
// this class to exit code 2; everything else is a bug and exits 1.

export interface InputErrorLocation {
  /** Path as the user would recognise it: relative to the project root, or the lock path of a spec. */
  file: string;
  /** JSON pointer inside `file`. */
  pointer?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
}

/**
 * The file of an error the model stage reports at a pointer of the effective document; the stage
 * moves it to the file (and line) that wrote that pointer (model/index.ts inDocument).
 */
export const EFFECTIVE_DOCUMENT = '(effective document)';

export class SvcgenInputError extends Error {
  /** The message without its location, so a later stage can point the same problem elsewhere. */
  readonly problem: string;
  readonly file: string;
  readonly pointer?: string;
  readonly line?: number;
  readonly column?: number;

  constructor(location: InputErrorLocation, problem: string, options?: { cause?: unknown }) {
    super(`${formatLocation(location)}: ${problem}`, options);
    this.name = 'SvcgenInputError';
    this.problem = problem;
    this.file = location.file;
    if (location.pointer !== undefined) this.pointer = location.pointer;
    if (location.line !== undefined) this.line = location.line;
    if (location.column !== undefined) this.column = location.column;
  }
}

/** `file#/pointer`, `file:line:column`, or both, the forms editors and terminals link. */
export function formatLocation(location: InputErrorLocation): string {
  let text = location.file;
  if (location.line !== undefined) {
    text += `:${location.line}`;
    if (location.column !== undefined) text += `:${location.column}`;
  }
  if (location.pointer !== undefined) text += `#${location.pointer}`;
  return text;
}

/**
 * The known name closest to a misspelt one, for "did you mean" hints: the smallest edit distance
 * (case-insensitive) within about a third of the longer word, else a known name contained in the word or
 * containing it (`retryPolicy` → `policy`). Undefined when nothing is close.
 */
export function nearestName(word: string, known: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(lower, name.toLowerCase());
    const close = distance <= Math.max(2, Math.floor(Math.max(word.length, name.length) / 3));
    if (close && (!best || distance < best.distance)) best = { name, distance };
  }
  if (best) return best.name;
  const related = [...known].filter((name) => name.length >= 3 && (lower.includes(name.toLowerCase()) || name.toLowerCase().includes(lower)));
  return related.sort((a, b) => b.length - a.length)[0];
}

/** Levenshtein distance with adjacent transpositions counted as one edit. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = value;
    }
  }
  return rows[a.length]![b.length]!;
}
