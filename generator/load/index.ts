// The load stage: pinned vendor files → one effective OpenAPI 3.x document per vendor.
//   resolve (mirror/download, sha256) → parse → source overlays → per-file checks and repairs
//   (Swagger 2.0 conversion) → merge (multi-file vendors) → effective overlays →
//   unique operationIds → validation.
import { SvcgenInputError } from './errors.ts';
import type { InputErrorLocation } from './errors.ts';
import { convertSwagger2 } from './convert-swagger2.ts';
import { dropDanglingMappings } from './dangling-mappings.ts';
import { dedupeOperationIds } from './dedupe-operation-ids.ts';
import { requirePathParameters } from './fixes.ts';
import { dropBodylessRequestBodies } from './bodyless-requests.ts';
import { dropTransportHeaderParameters } from './transport-headers.ts';
import { typeShapelessFormBodies } from './shapeless-form-bodies.ts';
import { nameEmptyMediaTypes } from './empty-media-types.ts';
import { inlinePathItemRefs } from './path-item-refs.ts';
import type { Fix } from './fixes.ts';
import { readLock, lockVendor } from './lock.ts';
import type { LockFileEntry, SourceFormat } from './lock.ts';
import { mergeDocuments } from './merge.ts';
import { readNullTypeAsAlternative } from './null-with-alternatives.ts';
import { moveQueryStringsIntoParameters } from './query-string-paths.ts';
import type { ComponentRename, Rename } from './merge.ts';
import { resolveOptions } from './options.ts';
import type { LoadOptions } from './options.ts';
import { locator, Origins, sourceOf } from './origins.ts';
import { applyOverlay, readOverlays } from './overlay.ts';
import type { OverlayFile } from './overlay.ts';
import { parseDocument } from './parse.ts';
import { resolveSpecFile } from './resolve.ts';
import { checkRefs, checkStructure, validateEffective } from './validate.ts';

export { SvcgenInputError } from './errors.ts';
export { listVendors, readLock } from './lock.ts';
export type { Lock, LockFileEntry, LockVendor, SourceFormat } from './lock.ts';
export { resolveSpecFile } from './resolve.ts';
export type { ResolvedSpecFile } from './resolve.ts';
export { parseDocument } from './parse.ts';
export { PRODUCT_EXTENSION, PRODUCTS_EXTENSION } from './merge.ts';
export type { LoadOptions } from './options.ts';

export interface LoadedVendor {
  vendor: string;
  sourceFormat: SourceFormat;
  /** The effective OpenAPI 3.x document: converted, merged, overlays applied, operationIds unique, validated. */
  document: Record<string, any>;
  /** The lock's role 'input' files, in lock order. */
  specs: { path: string; sha256: string }[];
  /** Applied overlays in order (paths relative to the root). */
  overlays: { path: string; sha256: string }[];
  /** Sorted by operation, then original id. */
  renamed: Rename[];
  componentRenames: ComponentRename[];
  /** Every automatic repair of the vendor text. */
  fixes: Fix[];
  /** Milliseconds per stage. */
  timings: Record<string, number>;
  /** Where a person edits what a pointer of `document` names: file, pointer in it and, for overlays, line. */
  locate?: (pointer: string) => InputErrorLocation;
}

export async function loadVendor(vendor: string, options: LoadOptions): Promise<LoadedVendor> {
  const settings = resolveOptions(options);
  const timings: Record<string, number> = {};
  const started = performance.now();
  const timed = async <T>(stage: string, work: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[stage] = round((timings[stage] ?? 0) + performance.now() - start);
    }
  };

  const lock = await readLock(settings.root);
  const entry = lockVendor(lock, vendor);
  const inputs = entry.files.filter((file) => file.role === 'input');

  const resolved = await timed('resolve', () => Promise.all(inputs.map((file) => resolveSpecFile(file, settings))));
  const documents = await timed('parse', async () => {
    const parsed: Record<string, any>[] = [];
    for (const file of resolved) {
      const result = await parseDocument({ file: file.path, text: file.bytes, sha256: file.sha256, cacheDir: settings.cacheDir });
      parsed.push(result.document);
    }
    return parsed;
  });

  const overlays = await timed('overlay', async () => {
    const found = await readOverlays(settings.root, vendor);
    for (const overlay of found.filter((candidate) => candidate.stage === 'source')) {
      const index = sourceTarget(overlay, inputs);
      applyOverlay(documents[index]!, overlay);
    }
    return found;
  });

  const fixes: Fix[] = [];
  const componentRenames: ComponentRename[] = [];
  const converted = await timed('convert', async () => {
    const result: Record<string, any>[] = [];
    for (const [index, file] of inputs.entries()) {
      const document = documents[index]!;
      checkFormat(document, file, entry.format);
      checkStructure(document, file.path);
      fixes.push(...dropDanglingMappings(document, file.path));
      checkRefs(document, file.path, undefined, '; define the target with a source-stage overlay (x-svcgen-stage: source) in specs/overlays/, or fix the reference there');
      inlinePathItemRefs(document, file.path);
      if (entry.format === 'swagger-2.0') {
        const conversion = await convertSwagger2(document, file.path, settings.cacheDir);
        fixes.push(...conversion.fixes);
        fixes.push(...moveQueryStringsIntoParameters(conversion.document, file.path));
        fixes.push(...dropBodylessRequestBodies(conversion.document, file.path));
        fixes.push(...nameEmptyMediaTypes(conversion.document, file.path));
        fixes.push(...typeShapelessFormBodies(conversion.document, file.path));
        fixes.push(...dropTransportHeaderParameters(conversion.document, file.path));
        for (const rename of conversion.renamedDefinitions) {
          componentRenames.push({ from: `definitions/${rename.from}`, to: `schemas/${rename.to}`, file: file.path });
        }
        result.push(conversion.document);
      } else {
        fixes.push(...moveQueryStringsIntoParameters(document, file.path));
        fixes.push(...requirePathParameters(document, file.path));
        fixes.push(...readNullTypeAsAlternative(document, file.path));
        fixes.push(...dropBodylessRequestBodies(document, file.path));
        fixes.push(...nameEmptyMediaTypes(document, file.path));
        fixes.push(...typeShapelessFormBodies(document, file.path));
        fixes.push(...dropTransportHeaderParameters(document, file.path));
        result.push(document);
      }
    }
    return result;
  });

  const renamed: Rename[] = [];
  const { document, origins } = await timed('merge', () => {
    if (converted.length === 1) return { document: converted[0]!, origins: new Origins({ file: inputs[0]!.path }) };
    const merged = mergeDocuments(converted.map((document, index) => ({ file: inputs[index]!.path, document })));
    renamed.push(...merged.renamed);
    componentRenames.push(...merged.componentRenames);
    return merged;
  });

  await timed('overlay', () => {
    for (const overlay of overlays.filter((candidate) => candidate.stage === 'effective')) applyOverlay(document, overlay, origins);
  });

  const where = (pointer: string): InputErrorLocation => sourceOf(document, pointer, inputs[0]!.path, origins);
  await timed('dedupe', () => {
    renamed.push(...dedupeOperationIds(document, where));
  });
  await timed('validate', () => validateEffective(document, inputs[0]!.path, origins));
  timings.total = round(performance.now() - started);

  return {
    vendor,
    sourceFormat: entry.format,
    document,
    specs: resolved.map((file) => ({ path: file.path, sha256: file.sha256 })),
    overlays: overlays.map((overlay) => ({ path: overlay.path, sha256: overlay.sha256 })),
    renamed: renamed.sort((a, b) => compare(a.operation, b.operation) || compare(a.from, b.from)),
    componentRenames,
    fixes,
    timings,
    locate: locator(document, origins, new Map(overlays.map((overlay) => [overlay.path, overlay.text ?? '']))),
  };
}

function sourceTarget(overlay: OverlayFile, inputs: readonly LockFileEntry[]): number {
  if (overlay.targetFile === undefined) {
    if (inputs.length === 1) return 0;
    throw new SvcgenInputError(
      { file: overlay.path, pointer: '/x-svcgen-file' },
      `a source-stage overlay for a vendor with ${inputs.length} files must name one in x-svcgen-file (e.g. ${inputs[0]!.path})`,
    );
  }
  const index = inputs.findIndex((file) => file.path === overlay.targetFile);
  if (index === -1) {
    throw new SvcgenInputError(
      { file: overlay.path, pointer: '/x-svcgen-file' },
      `x-svcgen-file '${overlay.targetFile}' is not an input file of this vendor in specs/lock.json`,
    );
  }
  return index;
}

function checkFormat(document: Record<string, any>, file: LockFileEntry, expected: SourceFormat): void {
  const actual = typeof document.swagger === 'string' && document.swagger.startsWith('2.')
    ? 'swagger-2.0'
    : typeof document.openapi === 'string' && /^3\.0\./.test(document.openapi)
      ? 'openapi-3.0'
      : typeof document.openapi === 'string' && /^3\.1\./.test(document.openapi)
        ? 'openapi-3.1'
        : undefined;
  if (actual !== expected) {
    const pointer = document.swagger !== undefined ? '/swagger' : '/openapi';
    throw new SvcgenInputError(
      { file: file.path, pointer },
      `the lock says ${expected}, but the file declares ${JSON.stringify(document.swagger ?? document.openapi ?? null)}`,
    );
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
