// Patterns of real directory specs written in another regular-expression dialect (Java's POSIX
// classes and class intersection, `\A…\z` anchors, bare script names, POSIX brackets). Before,
// the validators skipped those JavaScript refuses and, worse, compiled `\A…\z` without the `u` flag,
// where `\A` and `\z` are the letters A and z: a valid IPv4 address failed datasync's validator.
// Now each is checked as its dialect means it (generator/emit/zod/pattern-dialect.ts), or not at
// all, and the manifest lists both kinds. Each row names the spec the pattern comes from; the
// values are read by hand against the dialect's meaning, not against the rewritten expression.
import { afterEach, describe, expect, it } from 'vitest';
import { patternSample } from './support.ts';
import { generateOneOff, type OneOffRun } from '../cli/one-off-vendor.ts';

/** [spec the pattern comes from, pattern, values it matches, values it does not] */
const ROWS: [string, string, string[], string[]][] = [
  ['amazonaws.com/datasync', '\\A(25[0-5]|2[0-4]\\d|[0-1]?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|[0-1]?\\d?\\d)){3}\\z', ['192.168.0.1', '10.0.0.255'], ['192.168.0.256', 'A192.168.0.1z', '192.168.0.1\n']],
  ['amazonaws.com/route53-recovery-readiness', '\\A[a-zA-Z0-9_]+\\z', ['cell_1'], ['cell-1', '']],
  ['amazonaws.com/es', '\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}', ['0f8fad5b-d9cb-469f-a165-70867728950e'], ['0f8fad5b-d9cb-469f-a165-70867728950g']],
  ['amazonaws.com/autoscaling-plans', '[\\p{Print}&&[^|:/]]+', ['web tier 1'], ['|', ':/', 'é']],
  ['amazonaws.com/runtime.sagemaker', '\\A\\S[\\p{Print}]*\\z', ['a b~'], [' a', 'aé', 'a\tb']],
  ['amazonaws.com/migration-hub-refactor-spaces', '^[\\p{Alnum}\\p{Punct}\\p{Blank}]*$', ['Env-1 (test)\t!'], ['naïve', 'a\nb']],
  ['amazonaws.com/iot', '[\\p{Upper}\\p{Digit}_]+', ['A_1'], ['abc']],
  ['amazonaws.com/iot, anchored here', '^[^\\p{Cntrl}]*$', ['any text é'], ['bell\u0007']],
  ['amazonaws.com/opsworkscm', '^[\\-\\p{Alnum}_:.]+$', ['server-1:a.b'], ['server 1']],
  ['amazonaws.com/alexaforbusiness, anchored here', '^([A-Za-z\\-\' 0-9._]|\\p{IsLetter})*$', ["O'Brien-Łukasz 2"], ['a@b']],
  ['amadeus.com/amadeus-hotel-booking', '^[A-Za-z \\p{Han}\\p{Katakana}\\p{Hiragana}\\p{Hangul}-]*$', ['Yamada 山田 タロウ', '김-Kim'], ['Müller']],
  ['amazonaws.com/lookoutmetrics', '^([12]\\d{3})-(1[0-2]|0[1-9])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):([0-5]\\d):([0-5]\\d)(Z|(\\+|\\-)(0\\d|1[0-2]):([0-5]\\d)(\\[[[:alnum:]\\/\\_]+\\])?)$', ['2021-03-04T05:06:07+01:00[Europe/Paris]', '2021-03-04T05:06:07Z'], ['2021-03-04T05:06:07+01:00[Europe-Paris]']],
  // Java, Ruby and PCRE read `\Z` as the end or before a final line break.
  ['linode.com', '\\A(\\*\\.)?([a-zA-Z0-9-_]{1,63}\\.)+([a-zA-Z]{2,3}\\.)?([a-zA-Z]{2,16}|xn--[a-zA-Z0-9]+)\\Z', ['*.example.com', 'example.com\n'], ['example', 'example.com\n\n']],
];

/**
 * [where from, pattern]: not checked. The two real ones escape their metacharacters into letters
 * (`\\p\\{L\\}`), which JavaScript without the `u` flag reads as the letters; the third names a
 * Unicode block, which JavaScript has no class for.
 */
const UNCHECKED: [string, string][] = [
  ['amazonaws.com/sagemaker', '^\\([\\p\\{L\\}\\p\\{Z\\}\\p\\{N\\}_.:\\/=\\+\\-@]*\\)$\\{1,128\\}'],
  ['amazonaws.com/iot-jobs-data', '[^\\p\\{C\\}]*\\+'],
  ['hand-made: a Java block', '[\\p{InGreek}]*'],
];

const emitted = (patterns: string[]) => patternSample(patterns, 'response');

describe('patterns in another dialect', () => {
  const { result, sample } = emitted(ROWS.map(([, pattern]) => pattern));

  it.each(ROWS.map((row, index) => [row[0], index, row] as const))('%s: checked as its dialect means it', (_spec, index, [, , matches, misses]) => {
    for (const value of matches) expect(sample.safeParse({ [`p${index}`]: value }).success, JSON.stringify(value)).toBe(true);
    for (const value of misses) expect(sample.safeParse({ [`p${index}`]: value }).success, JSON.stringify(value)).toBe(false);
  });

  it('lists each rewritten pattern with the expression checked, and says so beside it in the module', () => {
    expect([...result.patterns.translated.keys()].sort()).toEqual([...new Set(ROWS.map(([, pattern]) => pattern))].sort());
    expect(result.patterns.unchecked.size).toBe(0);
    expect(result.patterns.translated.get('\\A[a-zA-Z0-9_]+\\z')).toBe('/^[a-zA-Z0-9_]+$/u');
    expect(result.ts).toContain(`.regex(/^[a-zA-Z0-9_]+$/u) /* the spec's "\\\\A[a-zA-Z0-9_]+\\\\z" (manifest: translatedPatterns) */`);
  });

  it('leaves a pattern JavaScript cannot read as meant unchecked, and lists it', () => {
    const { result: unchecked, sample: open } = emitted(UNCHECKED.map(([, pattern]) => pattern));
    expect([...unchecked.patterns.unchecked].sort()).toEqual(UNCHECKED.map(([, pattern]) => [pattern, 'not readable as meant']).sort());
    expect(unchecked.patterns.translated.size).toBe(0);
    // Compiled as before, the first demanded the text go on after its end: nothing passed.
    expect(open.safeParse({ p0: '(label)' }).success).toBe(true);
    expect(unchecked.ts).toContain('z.string() /* pattern not checked: JavaScript cannot read it as meant (manifest: uncheckedPatterns) */');
  });

  it('reads an ECMA-262 pattern as JavaScript does, even where Java would not (OpenAPI names ECMA-262)', () => {
    // `\p{Alpha}` is Unicode Alphabetic to JavaScript and [a-zA-Z] to Java; JavaScript accepts it, so it is not rewritten.
    const { result: plain, sample: alpha } = emitted(['^\\p{Alpha}+$']);
    expect(plain.patterns.translated.size).toBe(0);
    expect(alpha.safeParse({ p0: 'naïve' }).success).toBe(true);
  });
});

describe('generate --spec says which patterns it rewrote or left unchecked, and why', { timeout: 120_000 }, () => {
  const runs: OneOffRun[] = [];
  afterEach(() => runs.splice(0).forEach((run) => run.remove()));

  it('on stderr, as the manifest lists them', async () => {
    const run = await generateOneOff('test/fixtures/one-off-patterns/openapi.json', 'patterns');
    runs.push(run);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe(
      'patterns in another regular-expression dialect, checked by the validators as rewritten (1):\n' +
        '  "\\\\A(25[0-5]|2[0-4]\\\\d|[0-1]?\\\\d?\\\\d)(\\\\.(25[0-5]|2[0-4]\\\\d|[0-1]?\\\\d?\\\\d)){3}\\\\z" → /^(25[0-5]|2[0-4]\\d|[0-1]?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|[0-1]?\\d?\\d)){3}$/u\n' +
        'patterns the validators do not check (2):\n' +
        '  "^(https?:\\\\/\\\\/)?([\\\\da-z\\\\.-]+)\\\\.([a-z\\\\.]{2,6})([\\\\/\\\\w \\\\.-]*)*\\\\/?$" (exponential backtracking)\n' +
        '  "^\\\\([\\\\p\\\\{L\\\\}\\\\p\\\\{N\\\\}_.]*\\\\)$\\\\{1,128\\\\}" (not readable as meant)\n',
    );
  });
});
