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

export class SvcgenInputError extends Error {
  readonly file: string;
  readonly pointer?: string;
  readonly line?: number;
  readonly column?: number;

  constructor(location: InputErrorLocation, problem: string, options?: { cause?: unknown }) {
    super(`${formatLocation(location)}: ${problem}`, options);
    this.name = 'SvcgenInputError';
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
