// The generated zod validators against ajv (test/corpus/zod-oracle.ts) on corpus specs where the
// two once disagreed: integers beyond 2^53 under `type: integer` (rejected by z.int()), a
// typeless allOf member that only lists `required` (ignored), and `minProperties` (ignored:
// apis.guru's own API answers `versions` with at least one member, a directory spec outside the sample). Each spec is generated with the
// one-off `generate --spec` job, in-process; every request body and success response schema gets
// the smallest instance (test/unit/zod/instances.ts), two json-schema-faker instances (fixed
// seeds) and mutations of each: an integer set to 2^60, a key dropped.
// A validator must never reject what the spec allows; where it accepts what the spec forbids,
// one of the readings the validators relax on purpose must explain it (oneOf read as anyOf, names
// a `type: object` schema requires but does not declare, closed objects inside alternatives).
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusJob } from '../../bench/corpus/job.ts';
import { directorySpecs, exampleSpecs, ROOT, type CorpusSpec } from '../../bench/corpus/specs.ts';
import { generateOneOff } from '../../generator/profile-infer/one-off.ts';
import { readSpecSource } from '../../generator/profile-infer/sources.ts';
import { minimalInstance } from '../unit/zod/instances.ts';
import { loadSchemasModule } from '../unit/zod/support.ts';
import { oracle, type Leniency, type Side } from './zod-oracle.ts';

const SPECS = ['dir/spoonacular.com.json', 'dir/sportsdata.io/mlb-v3-scores.json', 'dir/corrently.io.json', 'dir/apis.guru.json', 'ex/3.0/star-trek.json', 'ex/3.0/readme-legacy.json'];
/** What makes a spec's instances telling: integers beyond 2^53 by default, else instances ajv refuses. */
const TELLING: Record<string, 'ajvRejected'> = { 'ex/3.0/readme-legacy.json': 'ajvRejected', 'dir/apis.guru.json': 'ajvRejected' };
const LENIENCIES: Leniency[] = ['oneOfAsAnyOf', 'undeclaredRequired', 'openObjects'];

type Path = (string | number)[];
const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function paths(value: unknown, prefix: Path = [], into: Path[] = []): Path[] {
  into.push(prefix);
  if (prefix.length >= 5) return into;
  if (Array.isArray(value)) value.forEach((item, index) => paths(item, [...prefix, index], into));
  else if (isObject(value)) for (const [key, item] of Object.entries(value)) paths(item, [...prefix, key], into);
  return into;
}

const at = (value: unknown, path: Path): any => path.reduce((node: any, key) => node?.[key], value);

function mutations(value: unknown): { kind: string; value: unknown }[] {
  const out: { kind: string; value: unknown }[] = [];
  for (const path of paths(value).filter((p) => p.length > 0)) {
    const parent = (copy: unknown) => at(copy, path.slice(0, -1));
    if (Number.isInteger(at(value, path))) {
      const copy = structuredClone(value);
      parent(copy)[path.at(-1)!] = 2 ** 60;
      out.push({ kind: `2^60 at ${path.join('.')}`, value: copy });
    }
    if (isObject(at(value, path.slice(0, -1)))) {
      const copy = structuredClone(value);
      delete parent(copy)[path.at(-1)!];
      out.push({ kind: `without ${path.join('.')}`, value: copy });
    }
  }
  return out.slice(0, 40);
}

interface Finding {
  where: string;
  instance: string;
  value: string;
}

interface Outcome {
  instances: number;
  ajvRejected: number;
  bigIntegers: number;
  /** Admitted by the spec, refused by the validator. */
  rejected: Finding[];
  /** Refused by the spec, admitted by the validator, with no deliberate leniency to explain it. */
  unexplained: Finding[];
}

async function compare(spec: CorpusSpec): Promise<Outcome> {
  const { job } = await generateOneOff('corpus', [await readSpecSource(spec.display, ROOT)], ROOT, corpusJob);
  const module = loadSchemasModule(job.files.find(([name]) => name === 'schemas.js')![1]);
  const reader = oracle(job.document);
  const outcome: Outcome = { instances: 0, ajvRejected: 0, bigIntegers: 0, rejected: [], unexplained: [] };
  let seed = 1;
  for (const operation of job.model.operations) {
    const validator = module.validators[operation.id]!;
    const roots: { where: string; side: Side; schema: unknown; zod: any }[] = [];
    if (operation.requestBody?.schema !== undefined && !operation.requestBody.content && validator.request.body) {
      roots.push({ where: `${operation.id} body`, side: 'request', schema: operation.requestBody.schema, zod: validator.request.body });
    }
    for (const [status, zod] of Object.entries(validator.responses)) {
      const response = operation.responses.find((r) => r.status === status && r.schema !== undefined);
      if (response) roots.push({ where: `${operation.id} ${status}`, side: 'response', schema: response.schema, zod });
    }
    for (const root of roots) {
      const bases: { kind: string; value: unknown }[] = [];
      const minimal = minimalInstance(root.schema, job.document);
      if (minimal && !(minimal.value instanceof Blob)) bases.push({ kind: 'minimal', value: minimal.value });
      for (let i = 0; i < 2; i++) {
        const faked = reader.fake(root.schema, root.side, seed++);
        if (faked !== undefined) bases.push({ kind: `faker ${i}`, value: faked });
      }
      for (const base of bases) {
        for (const { kind, value } of [base, ...mutations(base.value).map((m) => ({ kind: `${base.kind}, ${m.kind}`, value: m.value }))]) {
          outcome.instances++;
          if (kind.includes('2^60')) outcome.bigIntegers++;
          const specAdmits = reader.accepts(root.schema, root.side, value);
          const zodAdmits = root.zod.safeParse(value).success as boolean;
          if (!specAdmits) outcome.ajvRejected++;
          const finding = { where: root.where, instance: kind, value: JSON.stringify(value).slice(0, 200) };
          if (specAdmits && !zodAdmits) outcome.rejected.push(finding);
          if (!specAdmits && zodAdmits && !LENIENCIES.some((leniency) => reader.accepts(root.schema, root.side, value, leniency))) outcome.unexplained.push(finding);
        }
      }
    }
  }
  return outcome;
}

const specs = [...directorySpecs(), ...exampleSpecs()].filter((spec) => SPECS.includes(spec.id));
const outcomes = new Map<string, Outcome>();

beforeAll(async () => {
  expect(specs.map((spec) => spec.id).sort()).toEqual([...SPECS].sort());
  for (const spec of specs) outcomes.set(spec.id, await compare(spec));
}, 120_000);

describe('zod validators agree with ajv on corpus specs', () => {
  it.each(SPECS)('%s: nothing the spec allows is refused, nothing it forbids passes unexplained', (id) => {
    const outcome = outcomes.get(id)!;
    expect(outcome.rejected.slice(0, 5)).toEqual([]);
    expect(outcome.unexplained.slice(0, 5)).toEqual([]);
    // Not vacuous: many instances, and mutations that matter (integers beyond 2^53, or keys the spec requires).
    expect(outcome.instances).toBeGreaterThan(50);
    expect(outcome[TELLING[id] ?? 'bigIntegers']).toBeGreaterThan(10);
  });
});
