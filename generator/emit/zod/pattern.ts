// OpenAPI `pattern` → a JavaScript regular expression. Patterns are ECMA-262 in theory, but vendor
// files hold some that only compile without the `u` flag (identity escapes such as `\-` inside
// classes), some in another dialect (pattern-dialect.ts) and some that do not compile at all.
import { backtracksExponentially } from './pattern-backtracking.ts';
import { toJavaScriptSyntax } from './pattern-dialect.ts';

export interface ReadPattern {
  /** The expression's source, as JavaScript reads it. */
  readonly source: string;
  readonly flags: 'u' | '';
  /** The spec's text had to be rewritten in JavaScript's syntax (it was in another dialect). */
  readonly translated: boolean;
}

/** `pattern` as JavaScript reads it with the meaning the spec gives it, or undefined when it cannot be. */
export function readPattern(pattern: string): ReadPattern | undefined {
  const plain = compile(pattern, 'u');
  if (plain !== undefined) return { source: plain, flags: 'u', translated: false };
  const rewritten = toJavaScriptSyntax(pattern);
  if (rewritten === undefined) return undefined;
  const translated = rewritten !== pattern;
  const unicode = compile(rewritten, 'u');
  if (unicode !== undefined) return { source: unicode, flags: 'u', translated };
  // Without `u`, `\p{…}` is a plain `p` (and TypeScript rejects the literal): a property class
  // JavaScript does not know (`\p{Print}`) has no faithful rendering. toJavaScriptSyntax gave up on
  // letter escapes JavaScript would read as the letter, so what is left reads the same either way.
  if (/\\[pP]\{/.test(rewritten)) return undefined;
  const legacy = compile(rewritten, '');
  return legacy === undefined ? undefined : { source: legacy, flags: '', translated };
}

export type UncheckedReason = 'not readable as meant' | 'exponential backtracking';

/** What a vendor's validators made of its patterns, for the manifest. */
export interface PatternNotes {
  /** the spec's text → the RegExp expression checked */
  readonly translated: Map<string, string>;
  /** patterns not checked → why: JavaScript cannot read them as meant, or matching them can take exponential time */
  readonly unchecked: Map<string, UncheckedReason>;
}

/** A RegExp expression for `pattern`, or undefined when JavaScript cannot read it as meant. */
export function compilePattern(pattern: string): string | undefined {
  const read = readPattern(pattern);
  return read === undefined ? undefined : patternExpression(read);
}

/** What a validator does with `pattern`: the RegExp expression it checks, or why it checks none. */
export function patternCheck(pattern: string): { expression: string; translated: boolean } | { unchecked: UncheckedReason } {
  const read = readPattern(pattern);
  if (read === undefined) return { unchecked: 'not readable as meant' };
  // A validator checks what callers send: one crafted text must not hold the CPU (pattern-backtracking.ts).
  if (backtracksExponentially(read)) return { unchecked: 'exponential backtracking' };
  return { expression: patternExpression(read), translated: read.translated };
}

/** The RegExp expression that checks `read`. */
export function patternExpression(read: ReadPattern): string {
  // Without `u`, JavaScript still accepts Annex B forms (`\x4`, octal `\01`) that TypeScript's regex
  // checker rejects in a literal: those patterns go through the constructor, same meaning.
  return read.flags ? `/${read.source}/${read.flags}` : `new RegExp(${JSON.stringify(read.source)})`;
}

/** `source` compiled, as the RegExp's own `source` (it escapes `/` and line terminators, safe in a literal). */
function compile(source: string, flags: 'u' | ''): string | undefined {
  try {
    return new RegExp(source, flags).source;
  } catch {
    return undefined;
  }
}
