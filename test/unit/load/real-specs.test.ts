// The real vendor specs from the mirror, with the project's own overlays, for every vendor in
// specs/lock.json: counts, unique ids, references, repairs, renames, determinism. Expected facts
// come from the lock, from the vendor files themselves (walked here, not by the loader) and from
// the committed generated/manifest.json; no vendor is named, so a new vendor needs no change here.
// Without the mirror the suite is skipped, except under CI=true, where a missing mirror fails.
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listVendors, loadVendor, parseDocument, PRODUCT_EXTENSION } from '../../../generator/load/index.ts';
import type { Lock, LoadedVendor } from '../../../generator/load/index.ts';
import { PROJECT_ROOT } from '../../support/project.ts';

const PROJECT = PROJECT_ROOT;
const MIRROR = path.resolve(PROJECT, process.env.SVCGEN_SPEC_MIRROR ?? '../shared/specs');
const CACHE = path.join(PROJECT, '.svcgen-cache');
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const LOCK = JSON.parse(readFileSync(path.join(PROJECT, 'specs', 'lock.json'), 'utf8')) as Lock;
const VENDORS = Object.keys(LOCK.vendors).sort();
const inputsOf = (vendor: string) => LOCK.vendors[vendor]!.files.filter((file) => file.role === 'input');
const MISSING = VENDORS.flatMap((vendor) => inputsOf(vendor).map((file) => file.path)).filter((file) => !existsSync(path.join(MIRROR, file)));
const REQUIRE_MIRROR = process.env.CI === 'true';

interface ManifestVendor {
  operations: number;
  operationsFromOverlays: string[];
  renamed: unknown[];
  componentRenames: unknown[];
  fixes: { file: string; pointer: string }[];
  specs: { path: string; sha256: string }[];
}
const MANIFEST_FILE = path.join(PROJECT, 'generated', 'manifest.json');

let root: string;
const loaded = new Map<string, LoadedVendor>();
/** Each input file's own document, as parsed from the mirror, by lock path. */
const raw = new Map<string, Record<string, any>>();
let manifest: { vendors: Record<string, ManifestVendor> };

function operations(document: Record<string, any>): { key: string; operation: Record<string, any> }[] {
  const found = [];
  for (const [pathKey, item] of Object.entries((document.paths ?? {}) as Record<string, any>)) {
    if (pathKey.startsWith('x-')) continue;
    for (const method of METHODS) if (item[method]) found.push({ key: `${method.toUpperCase()} ${pathKey}`, operation: item[method] });
  }
  return found;
}

function atPointer(document: unknown, pointer: string): { found: boolean; value?: unknown } {
  let node: any = document;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (node === null || typeof node !== 'object' || !(segment in node)) return { found: false };
    node = node[segment];
  }
  return { found: true, value: node };
}

function danglingRefs(document: unknown): string[] {
  const dangling: string[] = [];
  const walk = (node: unknown, key: string): void => {
    if (node === null || typeof node !== 'object' || key === 'example' || key === 'default' || key === 'enum') return;
    for (const [childKey, child] of Object.entries(node)) {
      if (childKey === '$ref' && typeof child === 'string') {
        if (!child.startsWith('#/') || !atPointer(document, child.slice(1)).found) dangling.push(child);
      } else if (!(childKey === 'value' && key === 'example-object')) {
        walk(child, key === 'examples' && !Array.isArray(node) ? 'example-object' : childKey);
      }
    }
  };
  walk(document, '');
  return dangling;
}

/** Sorted by their JSON text, so two lists compare as sets of records. */
const canonical = (list: readonly unknown[]) => list.map((item) => JSON.stringify(item, Object.keys(item as object).sort())).sort();

describe.runIf(REQUIRE_MIRROR && MISSING.length > 0)('the real vendor specs (CI=true)', () => {
  it('has the spec mirror', () => {
    expect.fail(`CI=true but the spec mirror ${MIRROR} lacks ${MISSING.length} pinned file(s), e.g. ${MISSING.slice(0, 3).join(', ')}: set SVCGEN_SPEC_MIRROR to a mirror of specs/lock.json`);
  });
});

if (MISSING.length > 0 && !REQUIRE_MIRROR) console.warn(`real-specs: skipped, the spec mirror ${MIRROR} lacks ${MISSING.length} pinned file(s)`);

describe.skipIf(MISSING.length > 0)('the real vendor specs', () => {
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'svcgen-real-'));
    await mkdir(path.join(root, 'specs'), { recursive: true });
    await cp(path.join(PROJECT, 'specs', 'lock.json'), path.join(root, 'specs', 'lock.json'));
    await cp(path.join(PROJECT, 'specs', 'overlays'), path.join(root, 'specs', 'overlays'), { recursive: true });
    // The project's cache: parse and conversion results are keyed by content hash.
    const options = { root, mirror: MIRROR, download: false, cacheDir: CACHE };
    for (const vendor of await listVendors(root)) {
      loaded.set(vendor, await loadVendor(vendor, options));
      for (const file of inputsOf(vendor)) {
        const { document } = await parseDocument({ file: file.path, text: await readFile(path.join(MIRROR, file.path)), sha256: file.sha256, cacheDir: CACHE });
        raw.set(file.path, document);
      }
    }
    manifest = JSON.parse(await readFile(MANIFEST_FILE, 'utf8')) as typeof manifest;
  }, 180_000);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('loads every vendor in the lock, each recorded in the committed manifest', () => {
    expect([...loaded.keys()].sort()).toEqual(VENDORS);
    expect(Object.keys(manifest.vendors).sort()).toEqual(VENDORS);
  });

  describe.each(VENDORS)('%s', (vendor) => {
    const rawOperations = () => inputsOf(vendor).flatMap((file) => operations(raw.get(file.path)!).map((found) => ({ ...found, file: file.path })));

    it('comes from the lock’s input files in the lock’s format', () => {
      const result = loaded.get(vendor)!;
      expect(result.sourceFormat).toBe(LOCK.vendors[vendor]!.format);
      expect(result.specs.map((spec) => spec.path)).toEqual(inputsOf(vendor).map((file) => file.path));
      expect(canonical(result.specs)).toEqual(canonical(manifest.vendors[vendor]!.specs));
    });

    it('has every operation of its files plus those overlays add, all uniquely named', () => {
      const result = loaded.get(vendor)!;
      expect(result.document.openapi).toMatch(/^3\.[01]\./);
      const all = operations(result.document);
      const fromOverlays = all.filter(({ operation }) => operation['x-svcgen-source'] !== undefined);
      const expected = rawOperations().length;
      expect(expected).toBeGreaterThan(0);
      expect(all.length - fromOverlays.length).toBe(expected);
      expect(all.length).toBe(manifest.vendors[vendor]!.operations);
      expect(fromOverlays.map(({ operation }) => operation.operationId).sort()).toEqual([...manifest.vendors[vendor]!.operationsFromOverlays].sort());
      const ids = all.map(({ operation }) => operation.operationId);
      expect(new Set(ids).size).toBe(all.length);
      const camelKeys = ids.map((id: string) => id.replace(/[^A-Za-z0-9]/g, '').toLowerCase());
      expect(new Set(camelKeys).size).toBe(all.length);
      for (const id of ids) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
      expect(danglingRefs(result.document)).toEqual([]);
      for (const { key, operation } of all) expect(Object.keys(operation.responses ?? {}).length, key).toBeGreaterThan(0);
    });

    it('renames every operationId its files share, and only ids its files hold', () => {
      const result = loaded.get(vendor)!;
      expect(canonical(result.renamed)).toEqual(canonical(manifest.vendors[vendor]!.renamed));
      const counts = new Map<string, number>();
      for (const { operation } of rawOperations()) if (operation.operationId) counts.set(operation.operationId, (counts.get(operation.operationId) ?? 0) + 1);
      const shared = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
      const renamedFrom = new Set(result.renamed.map((rename) => rename.from));
      expect(shared.filter((id) => !renamedFrom.has(id))).toEqual([]);
      for (const rename of result.renamed) if (rename.from !== '') expect(counts.has(rename.from), rename.from).toBe(true);
      for (const rename of result.componentRenames) expect(atPointer(result.document.components, `/${rename.to}`).found, rename.to).toBe(true);
      expect(canonical(result.componentRenames)).toEqual(canonical(manifest.vendors[vendor]!.componentRenames));
    });

    it('lists each repair of its files at a place that exists in the file', () => {
      const result = loaded.get(vendor)!;
      expect(canonical(result.fixes)).toEqual(canonical(manifest.vendors[vendor]!.fixes));
      for (const fix of result.fixes) {
        expect(raw.has(fix.file), fix.file).toBe(true);
        // A repair may add the member it points at (a missing description): its parent must exist.
        const parent = fix.pointer.slice(0, fix.pointer.lastIndexOf('/'));
        expect(atPointer(raw.get(fix.file), parent).found, `${fix.file}#${parent}`).toBe(true);
      }
    });

    it('tags every operation with its product when it merges several files', () => {
      if (inputsOf(vendor).length < 2) return;
      const result = loaded.get(vendor)!;
      const untagged = operations(result.document).filter(({ operation }) => operation['x-svcgen-source'] === undefined && typeof operation[PRODUCT_EXTENSION] !== 'string');
      expect(untagged.map(({ key }) => key)).toEqual([]);
    });

    it('loads to the same document, key order included, on a second run', async () => {
      const again = await loadVendor(vendor, { root, mirror: MIRROR, download: false, cacheDir: CACHE });
      expect(JSON.stringify(again.document)).toBe(JSON.stringify(loaded.get(vendor)!.document));
      expect(again.renamed).toEqual(loaded.get(vendor)!.renamed);
    }, 60_000);
  });
});
