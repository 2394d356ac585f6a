// Specs written from Java, Ruby or PCRE code carry patterns in those dialects: `\A…\z` anchors,
// POSIX classes (`\p{Alnum}`, `[[:alnum:]]`), scripts named bare (`\p{Han}`), Java's class
// intersection `[a&&[^b]]`. JavaScript refuses some of them and, worse, reads `\A` and `\z`
// without the `u` flag as the letters A and z, so a validator built from the text as it stands
// rejects valid values. This module rewrites those constructs into JavaScript's syntax (POSIX
// classes in US-ASCII, as Java and POSIX read them; Ruby reads some as Unicode) and gives up
// (undefined) on anything else, so a pattern is checked as its dialect means it or not at all.
// It is consulted only for a pattern JavaScript's `u` flag refuses: one it accepts is ECMA-262,
// which OpenAPI names, and means what JavaScript reads.

/** Java's POSIX classes: US-ASCII only, as Java reads them without UNICODE_CHARACTER_CLASS. */
const POSIX: Readonly<Record<string, string>> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
};

/** POSIX bracket expressions (`[:alnum:]` inside a class), the same classes in ASCII. */
const POSIX_BRACKET: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(POSIX).map(([name, ranges]) => [name.toLowerCase(), ranges]),
);

/** Java's `\p{IsX}` binary properties whose JavaScript name differs. */
const JAVA_BINARY: Readonly<Record<string, string>> = {
  Letter: 'L',
  Digit: 'Nd',
  Punctuation: 'P',
  Control: 'Cc',
  WhiteSpace: 'White_Space',
  HexDigit: 'Hex_Digit',
};

/** Escapes JavaScript gives a meaning without the `u` flag; any other letter escape reads as the letter. */
const JS_LETTER_ESCAPES = new Set('bBcdDfknrsStuvwWx');

function compiles(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

/** A property class as JavaScript (`u` flag) writes it: `{ property }` for `\p{…}`, `{ ranges }` for a class body, or undefined. */
function property(name: string): { property: string } | { ranges: string } | undefined {
  const posix = POSIX[name];
  if (posix !== undefined) return { ranges: posix };
  if (name === 'all') return { ranges: '\\s\\S' };
  if (name.startsWith('Is')) {
    const rest = name.slice(2);
    const known = JAVA_BINARY[rest] ?? rest;
    if (compiles(`\\p{${known}}`)) return { property: known };
    if (compiles(`\\p{Script=${rest}}`)) return { property: `Script=${rest}` };
    return undefined;
  }
  if (compiles(`\\p{${name}}`)) return { property: name };
  // PCRE, Perl and Ruby name scripts bare (`\p{Han}`); JavaScript wants `Script=`.
  if (compiles(`\\p{Script=${name}}`)) return { property: `Script=${name}` };
  return undefined;
}

interface Scan {
  readonly text: string;
  at: number;
}

/**
 * The pattern in JavaScript's syntax, the text itself when it uses nothing to rewrite, or undefined
 * when it uses a construct whose meaning JavaScript cannot be given here (a letter escape JavaScript
 * would read as the letter, a Unicode block, a negated POSIX class inside a class, …).
 */
export function toJavaScriptSyntax(pattern: string): string | undefined {
  const scan: Scan = { text: pattern, at: 0 };
  let out = '';
  while (scan.at < pattern.length) {
    const c = pattern[scan.at]!;
    if (c === '[') {
      const cls = readClass(scan);
      if (cls === undefined) return undefined;
      out += cls;
      continue;
    }
    if (c === '\\') {
      const escape = readEscape(scan, false);
      if (escape === undefined) return undefined;
      out += escape;
      continue;
    }
    out += c;
    scan.at++;
  }
  return out;
}

/** One escape at `scan.at`, rewritten; inside a class a POSIX class becomes its ranges. */
function readEscape(scan: Scan, inClass: boolean): string | undefined {
  const { text } = scan;
  const letter = text[scan.at + 1];
  if (letter === undefined) return undefined;
  if (letter === 'p' || letter === 'P') {
    const negated = letter === 'P';
    let name: string;
    if (text[scan.at + 2] === '{') {
      const end = text.indexOf('}', scan.at + 3);
      if (end < 0) return undefined;
      name = text.slice(scan.at + 3, end);
      scan.at = end + 1;
    } else {
      // Java's one-letter form, `\pL`.
      name = text[scan.at + 2] ?? '';
      if (!/^[A-Z]$/.test(name)) return undefined;
      scan.at += 3;
    }
    const found = property(name);
    if (found === undefined) return undefined;
    if ('property' in found) return `\\${negated ? 'P' : 'p'}{${found.property}}`;
    if (inClass) return negated ? undefined : found.ranges;
    return `[${negated ? '^' : ''}${found.ranges}]`;
  }
  scan.at += 2;
  if (!inClass) {
    // Anchors of the whole input; JavaScript's `^` and `$` are those without the `m` flag.
    if (letter === 'A') return '^';
    if (letter === 'z') return '$';
    // Java, Ruby and PCRE: the end, or before a final line break (read here as a line feed; Java
    // also allows its other line terminators there).
    if (letter === 'Z') return '(?=\\n?$)';
  }
  if (/[A-Za-z]/.test(letter) && !JS_LETTER_ESCAPES.has(letter)) return undefined;
  return `\\${letter}`;
}

/**
 * A character class at `scan.at`. Java's intersection `[a&&b]` (each side a class body or a nested
 * class) becomes a lookahead per right-hand side before the left one: `(?=[b])[a]`. Any other
 * nested class (Java's union) gives up.
 */
function readClass(scan: Scan): string | undefined {
  const { text } = scan;
  scan.at++; // [
  let negated = false;
  if (text[scan.at] === '^') {
    negated = true;
    scan.at++;
  }
  const operands: string[] = [];
  let body = '';
  for (;;) {
    const c = text[scan.at];
    if (c === undefined) return undefined;
    if (c === ']') {
      // `[]…]` is an empty class to JavaScript and a literal `]` to others: give up.
      if (body === '') return undefined;
      scan.at++;
      break;
    }
    if (c === '\\') {
      const escape = readEscape(scan, true);
      if (escape === undefined) return undefined;
      body += escape;
    } else if (c === '&' && text[scan.at + 1] === '&') {
      operands.push(body);
      body = '';
      scan.at += 2;
      if (text[scan.at] === '[') {
        const nested = readClass(scan);
        if (nested === undefined || !nested.startsWith('[')) return undefined;
        body = nested;
        // A nested class ends its operand.
        if (text[scan.at] !== ']' && !text.startsWith('&&', scan.at)) return undefined;
      }
    } else if (c === '[' && text[scan.at + 1] === ':') {
      // A POSIX bracket expression, `[[:alnum:]_]`.
      const end = text.indexOf(':]', scan.at + 2);
      const ranges = end < 0 ? undefined : POSIX_BRACKET[text.slice(scan.at + 2, end)];
      if (ranges === undefined) return undefined;
      body += ranges;
      scan.at = end + 2;
    } else if (c === '[') {
      return undefined;
    } else {
      body += c;
      scan.at++;
    }
  }
  if (operands.length === 0) return `[${negated ? '^' : ''}${body}]`;
  // Java's reading of `^` before an intersection differs between versions: give up.
  if (negated) return undefined;
  operands.push(body);
  const [left, ...rest] = operands.map((operand) => (operand.startsWith('[') ? operand : `[${operand}]`));
  return `${rest.map((operand) => `(?=${operand})`).join('')}${left}`;
}
