// A validator checks patterns on text a caller sends, and a scaffolded route validates what the
// world sends it: a pattern whose matching can backtrack exponentially lets one short crafted
// string hold a Worker's CPU for seconds, each character more doubling the time. scslre, the analysis behind
// eslint-plugin-regexp's no-super-linear-backtracking, finds those in a fraction of a millisecond
// per pattern, where full analysers (recheck) take seconds; such a pattern is left unchecked and
// listed. Its polynomial reports are not acted on: their cost grows with the length of the text,
// which the pattern's own length bounds often limit, and most of them are single-character
// approximations that do not hold for the whole pattern.
import { createRequire } from 'node:module';
import type * as Regexpp from '@eslint-community/regexpp';
import type * as Scslre from 'scslre';
import type { ReadPattern } from './pattern.ts';

// Loaded on the first pattern (about 40 ms and 11 MB here): a spec without patterns does not pay.
const require = createRequire(import.meta.url);
let analyser: { parser: Regexpp.RegExpParser; analyse: typeof Scslre.analyse } | undefined;

/** Whether JavaScript's backtracking matcher can take exponential time on some text for `read`. */
export function backtracksExponentially(read: ReadPattern): boolean {
  analyser ??= {
    parser: new (require('@eslint-community/regexpp') as typeof Regexpp).RegExpParser({ ecmaVersion: 2025 }),
    analyse: (require('scslre') as typeof Scslre).analyse,
  };
  const literal = analyser.parser.parseLiteral(`/${read.source}/${read.flags}`);
  return analyser.analyse(literal, { reportTypes: { Move: false } }).reports.some((report) => report.exponential);
}
