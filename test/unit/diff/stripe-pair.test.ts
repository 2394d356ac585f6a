// The real Stripe pair the lock pins (role 'previous' → role 'input'). The expected differences are
// derived here straight from the two YAML files, without the diff code: the set differences of
// (method, path), of component schema names, and of each shared schema's property names. `svcgen
// diff` must report exactly those as operation-added/removed, schema-added/removed and
// property-added/removed at /components/schemas/<name>/properties/<property>.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MIRROR = path.resolve(ROOT, process.env.SVCGEN_SPEC_MIRROR ?? '../shared/specs');
const BIN = path.join(ROOT, 'bin/svcgen.js');
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Doc = Record<string, any>;
const lock = JSON.parse(readFileSync(path.join(ROOT, 'specs/lock.json'), 'utf8'));
const files: { path: string; role: string }[] = lock.vendors.stripe.files;
const previous = files.find((f) => f.role === 'previous')!;
const input = files.find((f) => f.role === 'input')!;

function minus<T>(a: Set<T>, b: Set<T>): T[] {
  return [...a].filter((x) => !b.has(x)).sort();
}

function operations(doc: Doc): Set<string> {
  const out = new Set<string>();
  for (const [p, item] of Object.entries<Doc>(doc.paths ?? {})) for (const m of Object.keys(item)) if (METHODS.includes(m)) out.add(`${m.toUpperCase()} ${p}`);
  return out;
}

function propertyPairs(oldDoc: Doc, newDoc: Doc): { added: string[]; removed: string[] } {
  const a: Doc = oldDoc.components?.schemas ?? {};
  const b: Doc = newDoc.components?.schemas ?? {};
  const added: string[] = [];
  const removed: string[] = [];
  for (const name of Object.keys(a)) {
    if (!Object.hasOwn(b, name)) continue;
    const pa = new Set(Object.keys(a[name].properties ?? {}));
    const pb = new Set(Object.keys(b[name].properties ?? {}));
    added.push(...minus(pb, pa).map((p) => `${name}.${p}`));
    removed.push(...minus(pa, pb).map((p) => `${name}.${p}`));
  }
  return { added: added.sort(), removed: removed.sort() };
}

interface Change {
  kind: string;
  operation: string | null;
  pointer: string;
}

let changes: Change[];
let exitCode: number;
let oldDoc: Doc;
let newDoc: Doc;

beforeAll(async () => {
  oldDoc = yaml.load(readFileSync(path.join(MIRROR, previous.path), 'utf8')) as Doc;
  newDoc = yaml.load(readFileSync(path.join(MIRROR, input.path), 'utf8')) as Doc;
  const args = [BIN, 'diff', path.join(MIRROR, previous.path), path.join(MIRROR, input.path), '--json'];
  const { stdout, code } = await promisify(execFile)(process.execPath, args, { cwd: ROOT, maxBuffer: 1 << 28 }).then(
    (r) => ({ stdout: r.stdout, code: 0 }),
    (e: { stdout: string; code: number }) => ({ stdout: e.stdout, code: e.code }),
  );
  exitCode = code;
  changes = JSON.parse(stdout).changes;
});

const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');
const ofKind = (kind: string) => changes.filter((c) => c.kind === kind);
const topLevelProperty = /^\/components\/schemas\/([^/]+)\/properties\/([^/]+)$/;

describe(`svcgen diff on the pinned Stripe pair (${previous.path} → ${input.path})`, () => {
  it('reports exactly the added and removed operations', () => {
    expect(ofKind('operation-added').map((c) => c.operation).sort()).toEqual(minus(operations(newDoc), operations(oldDoc)));
    expect(ofKind('operation-removed').map((c) => c.operation).sort()).toEqual(minus(operations(oldDoc), operations(newDoc)));
  });

  it('reports exactly the added and removed component schemas', () => {
    const names = (kind: string) => ofKind(kind).map((c) => unescape(c.pointer.slice('/components/schemas/'.length))).sort();
    const a = new Set(Object.keys(oldDoc.components.schemas));
    const b = new Set(Object.keys(newDoc.components.schemas));
    expect(names('schema-added')).toEqual(minus(b, a));
    expect(names('schema-removed')).toEqual(minus(a, b));
  });

  it("reports exactly the added and removed properties of each shared schema", () => {
    const pairs = (kind: string) =>
      ofKind(kind)
        .map((c) => topLevelProperty.exec(c.pointer))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => `${unescape(m[1]!)}.${unescape(m[2]!)}`)
        .sort();
    const expected = propertyPairs(oldDoc, newDoc);
    expect(pairs('property-added')).toEqual(expected.added);
    expect(pairs('property-removed')).toEqual(expected.removed);
  });

  it('exits 1: the pair holds breaking changes', () => {
    expect(changes.some((c) => (c as Change & { breaking: boolean }).breaking)).toBe(true);
    expect(exitCode).toBe(1);
  });
});
