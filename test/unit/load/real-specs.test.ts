// The real vendor specs from the mirror, with the project's own overlays: counts, unique ids,
// references, determinism. The checks below use their own walk rather than the loader's.
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listVendors, loadVendor } from '../../../generator/load/index.ts';
import type { LoadedVendor } from '../../../generator/load/index.ts';
import { FIXTURES } from './temp-project.ts';

const PROJECT = fileURLToPath(new URL('../../../', import.meta.url));
const MIRROR = path.resolve(PROJECT, process.env.SVCGEN_SPEC_MIRROR ?? '../shared/specs');
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const SPEC_OPERATIONS: Record<string, number> = { stripe: 468, sendgrid: 391, airwallex: 371 };

let root: string;
const loaded = new Map<string, LoadedVendor>();

function operations(document: Record<string, any>): { key: string; operation: Record<string, any> }[] {
  const found = [];
  for (const [pathKey, item] of Object.entries(document.paths as Record<string, any>)) {
    if (pathKey.startsWith('x-')) continue;
    for (const method of METHODS) if (item[method]) found.push({ key: `${method.toUpperCase()} ${pathKey}`, operation: item[method] });
  }
  return found;
}

function danglingRefs(document: unknown): string[] {
  const dangling: string[] = [];
  const resolve = (ref: string): boolean => {
    let node: any = document;
    for (const raw of ref.slice(2).split('/')) {
      const segment = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
      if (node === null || typeof node !== 'object' || !(segment in node)) return false;
      node = node[segment];
    }
    return true;
  };
  const walk = (node: unknown, key: string): void => {
    if (node === null || typeof node !== 'object' || key === 'example' || key === 'default' || key === 'enum') return;
    for (const [childKey, child] of Object.entries(node)) {
      if (childKey === '$ref' && typeof child === 'string') {
        if (!child.startsWith('#/') || !resolve(child)) dangling.push(child);
      } else if (!(childKey === 'value' && key === 'example-object')) {
        walk(child, key === 'examples' && !Array.isArray(node) ? 'example-object' : childKey);
      }
    }
  };
  walk(document, '');
  return dangling;
}

describe.skipIf(!existsSync(MIRROR))('the real vendor specs', () => {
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'svcgen-real-'));
    await mkdir(path.join(root, 'specs'), { recursive: true });
    await cp(path.join(PROJECT, 'specs', 'lock.json'), path.join(root, 'specs', 'lock.json'));
    await cp(path.join(PROJECT, 'specs', 'overlays'), path.join(root, 'specs', 'overlays'), { recursive: true });
    const definitions = path.join(root, 'specs', 'overlays', 'airwallex', '10-missing-definitions.yaml');
    if (!existsSync(definitions)) {
      await mkdir(path.dirname(definitions), { recursive: true });
      await cp(path.join(FIXTURES, 'airwallex-missing-definitions.yaml'), definitions);
    }
    // The project's cache: parse and conversion results are keyed by content hash.
    const options = { root, mirror: MIRROR, download: false, cacheDir: path.join(PROJECT, '.svcgen-cache') };
    for (const vendor of await listVendors(root)) loaded.set(vendor, await loadVendor(vendor, options));
  }, 120_000);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('loads every vendor in the lock', () => {
    expect([...loaded.keys()].sort()).toEqual(['airwallex', 'sendgrid', 'stripe']);
  });

  for (const [vendor, expected] of Object.entries(SPEC_OPERATIONS)) {
    it(`${vendor}: has the spec's ${expected} operations plus those overlays add, all uniquely named`, () => {
      const result = loaded.get(vendor)!;
      expect(result.document.openapi).toMatch(/^3\.[01]\./);
      const all = operations(result.document);
      const fromOverlays = all.filter(({ operation }) => operation['x-svcgen-source'] !== undefined);
      expect(all.length - fromOverlays.length).toBe(expected);
      const ids = all.map(({ operation }) => operation.operationId);
      expect(new Set(ids).size).toBe(all.length);
      const camelKeys = ids.map((id: string) => id.replace(/[^A-Za-z0-9]/g, '').toLowerCase());
      expect(new Set(camelKeys).size).toBe(all.length);
      for (const id of ids) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
      expect(danglingRefs(result.document)).toEqual([]);
      for (const { key, operation } of all) expect(Object.keys(operation.responses ?? {}).length, key).toBeGreaterThan(0);
    });
  }

  it('stripe: needs no renames and no repairs', () => {
    const stripe = loaded.get('stripe')!;
    expect(stripe.sourceFormat).toBe('openapi-3.0');
    expect(stripe.renamed.filter((rename) => rename.from !== '')).toEqual([]);
    expect(stripe.fixes).toEqual([]);
  });

  it('sendgrid: namespaces the 26 colliding operationIds by product and tags every operation', () => {
    const sendgrid = loaded.get('sendgrid')!;
    const byProduct = sendgrid.renamed.filter((rename) => rename.reason.includes('products'));
    expect(new Set(byProduct.map((rename) => rename.from)).size).toBe(26);
    for (const rename of byProduct) expect(rename.to.endsWith(rename.from)).toBe(true);
    const all = operations(sendgrid.document);
    const untagged = all.filter(({ operation }) => operation['x-svcgen-source'] === undefined && typeof operation['x-svcgen-product'] !== 'string');
    expect(untagged).toEqual([]);
    expect(sendgrid.specs).toHaveLength(46);
    expect(sendgrid.componentRenames.length).toBeGreaterThan(0);
    for (const rename of sendgrid.componentRenames) expect(sendgrid.document.components[rename.to.split('/')[0]!][rename.to.split('/')[1]!]).toBeDefined();
  });

  it('airwallex: lists the path-parameter repairs and renames the 33 operations sharing 12 ids', () => {
    const airwallex = loaded.get('airwallex')!;
    expect(airwallex.sourceFormat).toBe('swagger-2.0');
    const pathParameterFixes = airwallex.fixes.filter((fix) => fix.fix.startsWith('path parameter'));
    expect(pathParameterFixes.map((fix) => fix.pointer)).toEqual([
      '/paths/~1api~1v1~1hosted_flows~1{id}/get/parameters/1/required',
      '/paths/~1api~1v1~1hosted_flows~1{id}~1authorize/post/parameters/1/required',
    ]);
    const shared = airwallex.renamed.filter((rename) => rename.reason.includes('is shared by'));
    expect(shared).toHaveLength(33);
    expect(new Set(shared.map((rename) => rename.from)).size).toBe(12);
  });

  it('loads to the same document, key order included, on a second run', async () => {
    const options = { root, mirror: MIRROR, download: false, cacheDir: path.join(PROJECT, '.svcgen-cache') };
    for (const vendor of ['sendgrid', 'airwallex']) {
      const again = await loadVendor(vendor, options);
      expect(JSON.stringify(again.document), vendor).toBe(JSON.stringify(loaded.get(vendor)!.document));
      expect(again.renamed).toEqual(loaded.get(vendor)!.renamed);
    }
  }, 60_000);
});
