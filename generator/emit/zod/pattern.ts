// OpenAPI `pattern` → a JavaScript regular-expression literal. Patterns are ECMA-262 in theory,
// but vendor files hold some that only compile without the `u` flag (identity escapes such as
// `\-` inside classes) and, in other specs, some that do not compile at all.

/** A RegExp expression for `pattern`, or undefined when JavaScript cannot compile it. */
export function compilePattern(pattern: string): string | undefined {
  for (const flags of ['u', '']) {
    // Without `u`, `\p{…}` is a plain `p` (and TypeScript rejects the literal): a property class
    // JavaScript does not know (`\p{Print}`, Java/Ruby syntax) has no faithful rendering.
    if (flags === '' && /\\[pP]\{/.test(pattern)) return undefined;
    try {
      const compiled = new RegExp(pattern, flags);
      // `source` escapes `/` and line terminators, so it is safe inside a literal. Without `u`,
      // JavaScript still accepts Annex B forms (`\x4`, octal `\01`) that TypeScript's regex
      // checker rejects in a literal: those patterns go through the constructor, same meaning.
      return flags ? `/${compiled.source}/${flags}` : `new RegExp(${JSON.stringify(compiled.source)})`;
    } catch {
      // try the next flag set
    }
  }
  return undefined;
}
