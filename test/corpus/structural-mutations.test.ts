// Bad input on real specs: small specs of the corpus sample and of @readme/oas-examples, each
// changed in one structural way at a seeded place (a member deleted, a key renamed, a value replaced
// by another JSON type or a broken `$ref`), through the one-off generate `svcgen generate --spec`
// runs. Each changed spec must either generate or be refused with a SvcgenInputError whose message
// names the file and the JSON pointer (or line): an internal error (a TypeError from the loader,
// the model or openapi-typescript) is the failure, and so is a refusal without a place (a Swagger
// 2.0 file the converter refused was reported by file alone). The first sweep of this kind found 23
// crashes in 300 changed specs (a null schema, a `$ref` that is not text, a boolean response, a
// `summary` that is not text, ...), all refused with their place now.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleSpecs, ROOT, sampleSpecs, type CorpusSpec } from '../../bench/corpus/specs.ts';
import { SvcgenInputError } from '../../generator/load/errors.ts';
import { generateOneOff } from '../../generator/profile-infer/one-off.ts';
import { readSpecSource } from '../../generator/profile-infer/sources.ts';

const SEED = 20261207;
const SPECS = 60;
const CHANGES_PER_SPEC = 15;
/** Where a change lands: the parts of a document the generator reads. */
const ROOTS = new Set(['paths', 'components', 'definitions', 'parameters', 'responses', 'security', 'securityDefinitions', 'servers', 'host', 'basePath']);
/** Values a member is replaced with: every JSON type, and references that are broken or not text. */
const VALUES: unknown[] = [null, 0, 1.5, -1, '', 'x', true, false, [], {}, ['a'], { a: 1 }, '{id}', '#/components/schemas/Missing', { $ref: '#/components/schemas/Missing' }, { $ref: '#/paths' }, { $ref: 42 }, { type: 'nope' }];
/** Keys a member is renamed to. */
const NAMES = ['', ' ', '{x}', '/a/{b}/{b}', '__proto__', 'constructor', '$ref', 'x-y', '200', 'default', '/'];

type Segment = string | number;

/** mulberry32: the same seed draws the same specs and changes on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function places(document: unknown): Segment[][] {
  const out: Segment[][] = [];
  const walk = (node: unknown, at: Segment[]): void => {
    if (at.length > 0 && ROOTS.has(String(at[0]))) out.push(at);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) walk(value, [...at, Array.isArray(node) ? Number(key) : key]);
  };
  walk(document, []);
  return out;
}

interface Change {
  readonly spec: string;
  readonly where: string;
  readonly what: string;
  readonly document: unknown;
}

function changes(spec: CorpusSpec, next: () => number): Change[] {
  const base = JSON.parse(readFileSync(spec.file, 'utf8')) as unknown;
  const all = places(base);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const out: Change[] = [];
  for (let i = 0; i < CHANGES_PER_SPEC && all.length > 0; i++) {
    const document = structuredClone(base);
    const at = pick(all);
    const parent = at.slice(0, -1).reduce<any>((node, key) => node[key], document);
    const key = at.at(-1)!;
    const roll = next();
    let what: string;
    if (roll < 0.25 && !Array.isArray(parent)) {
      delete parent[key];
      what = 'deleted';
    } else if (roll < 0.35 && !Array.isArray(parent)) {
      const name = pick(NAMES);
      const value = parent[key];
      delete parent[key];
      parent[name] = value;
      what = `renamed to ${JSON.stringify(name)}`;
    } else {
      const value = pick(VALUES);
      parent[key] = structuredClone(value);
      what = `set to ${JSON.stringify(value)}`;
    }
    out.push({ spec: spec.id, where: `/${at.join('/')}`, what, document });
  }
  return out;
}

interface Outcome {
  generated: number;
  refused: number;
  /** Anything but a located SvcgenInputError. */
  failures: { spec: string; where: string; what: string; error: string }[];
}

const outcome: Outcome = { generated: 0, refused: 0, failures: [] };
const dir = mkdtempSync(path.join(tmpdir(), 'svcgen-mutations-'));

beforeAll(async () => {
  const next = random(SEED);
  const pool = [...sampleSpecs(), ...exampleSpecs()].filter((spec) => spec.bytes < 60_000).sort((a, b) => (a.id < b.id ? -1 : 1));
  const chosen: CorpusSpec[] = [];
  while (chosen.length < SPECS && chosen.length < pool.length) {
    const spec = pool[Math.floor(next() * pool.length)]!;
    if (!chosen.includes(spec)) chosen.push(spec);
  }
  for (const spec of chosen) {
    for (const [index, change] of changes(spec, next).entries()) {
      const file = path.join(dir, `${spec.id.replace(/\W+/g, '_')}-${index}.json`);
      writeFileSync(file, JSON.stringify(change.document));
      try {
        await generateOneOff('mutated', [await readSpecSource(file, ROOT)], ROOT);
        outcome.generated++;
      } catch (error) {
        const located = error instanceof SvcgenInputError && error.message.startsWith(file) && (error.pointer !== undefined || error.line !== undefined);
        if (located) outcome.refused++;
        else outcome.failures.push({ spec: change.spec, where: change.where, what: change.what, error: String((error as Error)?.stack ?? error).split('\n').slice(0, 3).join(' | ') });
      }
    }
  }
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('structurally changed corpus specs', () => {
  it('each generates or is refused with its file and pointer, never an internal error', () => {
    expect(outcome.failures.slice(0, 5)).toEqual([]);
  });

  it('the changes are telling: all of them ran, many generate, many are refused', () => {
    expect(outcome.generated + outcome.refused + outcome.failures.length).toBe(SPECS * CHANGES_PER_SPEC);
    expect(outcome.generated).toBeGreaterThan(100);
    expect(outcome.refused).toBeGreaterThan(50);
  });
});
