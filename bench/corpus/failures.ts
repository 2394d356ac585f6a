// The list of specs that do not generate output that compiles clean, one line each with the stage,
// the cause and the first diagnostic, for whoever fixes the generator (`run.ts --failures FILE`).
import type { SpecResult } from './results.ts';

export function isClean(r: SpecResult): boolean {
  return r.svcgen.status === 'generated' && r.types?.length === 0 && r.zod?.length === 0;
}

function verdict(r: SpecResult): { stage: string; cause: string; first: string } {
  if (r.svcgen.status !== 'generated') return { stage: r.svcgen.status, cause: r.svcgen.cause ?? '', first: r.svcgen.message ?? '' };
  if (r.types === undefined || r.zod === undefined) return { stage: 'not type-checked', cause: '', first: '' };
  const stage = r.types.length ? 'types' : 'zod';
  return { stage, cause: (stage === 'types' ? r.typeCauses : r.zodCauses)?.join('; ') ?? '', first: (stage === 'types' ? r.types : r.zod)[0] ?? '' };
}

const cell = (text: string, max: number) => text.replace(/\s+/g, ' ').replaceAll('|', '\\|').slice(0, max);

export function renderFailures(results: SpecResult[], context: { of: number; commit: string }): string {
  const failing = results.filter((r) => !isClean(r)).sort((a, b) => (a.id < b.id ? -1 : 1));
  return [
    `# Corpus specs that do not generate output that compiles clean`,
    '',
    `${failing.length} of ${results.length} cached results (${context.of} directory specs), at commit ${context.commit}. Generator = the fingerprint the result was produced with.`,
    '',
    '| spec | bytes | generator | stage | cause | first diagnostic |',
    '| --- | ---: | --- | --- | --- | --- |',
    ...failing.map((r) => {
      const v = verdict(r);
      return `| ${r.id} | ${r.bytes} | ${r.generator.slice(0, 8)} | ${v.stage} | ${cell(v.cause, 200)} | ${cell(v.first, 300)} |`;
    }),
    '',
  ].join('\n');
}
