// Layout of generated expressions: short argument lists stay on one line, long or nested ones
// break one item per line, so a reviewer reads a schema like hand-formatted code.

export const INDENT = '  ';
const MAX_INLINE = 100;

/** A generated expression and whether it mentions a schema of its own recursive cycle. */
export interface Expr {
  readonly code: string;
  /**
   * True when evaluating `code` now would read a const of the same cycle before it exists; an
   * enclosing object property turns it into a getter, otherwise the component wraps it in z.lazy.
   */
  readonly deferred: boolean;
}

export function expr(code: string, deferred = false): Expr {
  return { code, deferred };
}

/**
 * `open` + items + `close`, inline when short, else one item per line one level deeper. Items
 * are laid out as if they started at `indent`; a broken list shifts their lines one level.
 */
export function list(open: string, items: readonly string[], close: string, indent: string): string {
  const inline = `${open}${items.join(', ')}${close}`;
  if (!items.some(isMultiline) && inline.length + indent.length <= MAX_INLINE) return inline;
  const inner = indent + INDENT;
  return `${open}\n${items.map((item) => `${inner}${shift(item)},\n`).join('')}${indent}${close}`;
}

/** Moves every line after the first one level deeper (generated code has no multi-line literals). */
export function shift(code: string): string {
  return code.replace(/\n/g, `\n${INDENT}`);
}

export function isMultiline(code: string): boolean {
  return code.includes('\n');
}
