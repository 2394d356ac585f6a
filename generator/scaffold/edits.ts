// Text edits at positions found by the AST. Only insertions (and the replacement of whitespace
// inside an empty object literal) are ever made, so every byte the user wrote stays where it was.

export interface TextEdit {
  pos: number;
  /** End of the replaced range; equal to `pos` (or absent) for an insertion. */
  end?: number;
  text: string;
}

/** Applies edits; several at one position keep the order in which they were made. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = edits.map((edit, index) => ({ ...edit, end: edit.end ?? edit.pos, index }));
  ordered.sort((a, b) => a.pos - b.pos || a.index - b.index);
  for (let i = 1; i < ordered.length; i++) {
    if (ordered[i]!.pos < ordered[i - 1]!.end) throw new Error('overlapping scaffold edits');
  }
  let out = '';
  let at = 0;
  for (const edit of ordered) {
    out += text.slice(at, edit.pos) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}
