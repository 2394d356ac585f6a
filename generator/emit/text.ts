// Small text helpers shared by emitters: literals that are valid TypeScript and stable across runs,
// and doc comments that cannot be broken by spec text.

/** A TypeScript literal for JSON-like data and regular expressions, keys in insertion order, single-quoted strings. */
export function literal(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'string') return quote(value);
  if (value instanceof RegExp) return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([k, v]) => `${valueKey(k)}: ${literal(v)}`).join(', ')} }`;
}

/**
 * A key in an object literal that is evaluated: `__proto__: x`, quoted or not, would set the
 * object's prototype instead of adding a key, so that one is written as a computed key.
 */
export function valueKey(key: string): string {
  return key === '__proto__' ? `[${quote(key)}]` : propertyKey(key);
}

/** A quoted object-literal key, computed for `__proto__` as in valueKey. */
export function quotedKey(key: string): string {
  return key === '__proto__' ? `[${quote(key)}]` : quote(key);
}

/** Like `literal`, over several lines with two-space indentation (for data a reviewer reads). */
export function prettyLiteral(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object') return literal(value);
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    const flat = literal(value);
    if (flat.length <= 80) return flat;
    return `[\n${value.map((v) => inner + prettyLiteral(v, inner)).join(',\n')},\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  const flat = literal(value);
  if (entries.length === 0 || flat.length + indent.length <= 80) return flat;
  return `{\n${entries.map(([k, v]) => `${inner}${valueKey(k)}: ${prettyLiteral(v, inner)}`).join(',\n')},\n${indent}}`;
}

/** Vendor descriptions are Markdown with some HTML (`<p>`, `<code>`): plain text reads better in JSDoc. */
export function plainText(text: string): string {
  return text
    .replace(/<\/?(p|br|strong|em|code|b|i|ul|ol|li|span|a)(\s[^>]*)?>/gi, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

export function propertyKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : quote(key);
}

/** A JSDoc block; `*\/` in vendor text is defused and trailing blank lines dropped. */
export function docComment(lines: string[]): string {
  const body = lines
    .flatMap((l) => l.split('\n'))
    .map((l) => l.replace(/\*\//g, '*\\/').trimEnd());
  while (body.length && body[body.length - 1] === '') body.pop();
  return ['/**', ...body.map((l) => (l ? ` * ${l}` : ' *')), ' */'].join('\n');
}
