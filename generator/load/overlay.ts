// OpenAPI Overlay 1.0: ordered actions, each a JSONPath `target` with an `update` (deep merge:
// objects merged recursively, arrays concatenated, other values replaced) or `remove: true`.
// An action whose target matches nothing is an error: it means the overlay and the spec have
// drifted apart, and silently doing nothing would hide that.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { JSONPath } from 'jsonpath-plus';
import { SvcgenInputError } from './errors.ts';
import { sha256Hex } from './fs-util.ts';
import type { Origin, Origins } from './origins.ts';
import { escapePointerSegment } from '../json-pointer.ts';
import { parseDocument } from './parse.ts';

export type OverlayStage = 'source' | 'effective';

export interface OverlayFile {
  /** Relative to the project root, e.g. `specs/overlays/acme/10-missing-definitions.yaml`. */
  path: string;
  sha256: string;
  stage: OverlayStage;
  /** The file's text, to find the line of a pointer when an error is reported. */
  text?: string;
  /** Source stage: the lock path of the vendor file it applies to (`x-svcgen-file`). */
  targetFile?: string;
  document: Record<string, any>;
}

const OVERLAY_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** The vendor's overlays in filename order (plain code-unit order, independent of locale). */
export async function readOverlays(root: string, vendor: string): Promise<OverlayFile[]> {
  const directory = path.join(root, 'specs', 'overlays', vendor);
  let names: string[];
  try {
    names = await readdir(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files = names
    .filter((name) => !name.startsWith('.') && OVERLAY_EXTENSIONS.has(path.extname(name).toLowerCase()))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const overlays: OverlayFile[] = [];
  for (const name of files) {
    const relative = `specs/overlays/${vendor}/${name}`;
    const text = await readFile(path.join(directory, name), 'utf8');
    const { document } = await parseDocument({ file: relative, text });
    overlays.push({ ...checkOverlay(relative, sha256Hex(text), document), text });
  }
  return overlays;
}

export function checkOverlay(file: string, sha256: string, document: Record<string, any>): OverlayFile {
  const fail = (pointer: string, problem: string): never => {
    throw new SvcgenInputError({ file, pointer }, problem);
  };
  if (typeof document.overlay !== 'string' || !/^1\.0(\.\d+)?$/.test(document.overlay)) {
    fail('/overlay', `expected \`overlay: 1.0.0\` (an OpenAPI Overlay 1.0 document), found ${JSON.stringify(document.overlay)}`);
  }
  if (!Array.isArray(document.actions) || document.actions.length === 0) fail('/actions', '`actions` must be a non-empty array');
  (document.actions as unknown[]).forEach((action, index) => {
    const at = `/actions/${index}`;
    if (action === null || typeof action !== 'object' || Array.isArray(action)) return fail(at, 'an action must be an object');
    const { target, update, remove } = action as Record<string, unknown>;
    if (typeof target !== 'string' || !target.startsWith('$')) fail(`${at}/target`, 'target must be a JSONPath expression starting with `$`');
    if (remove !== undefined && typeof remove !== 'boolean') fail(`${at}/remove`, 'remove must be a boolean');
    if (remove !== true && update === undefined) fail(at, 'an action needs `update` or `remove: true`');
    return undefined;
  });
  const stage = document['x-svcgen-stage'] ?? 'effective';
  if (stage !== 'source' && stage !== 'effective') fail('/x-svcgen-stage', "x-svcgen-stage must be 'source' or 'effective'");
  const targetFile = document['x-svcgen-file'];
  if (targetFile !== undefined && typeof targetFile !== 'string') fail('/x-svcgen-file', 'x-svcgen-file must be a lock path string');
  if (targetFile !== undefined && stage !== 'source') fail('/x-svcgen-file', 'x-svcgen-file only applies to overlays with `x-svcgen-stage: source`');
  const overlay: OverlayFile = { path: file, sha256, stage: stage as OverlayStage, document };
  if (targetFile !== undefined) overlay.targetFile = targetFile as string;
  return overlay;
}

interface Match {
  value: unknown;
  parent: Record<string, unknown> | unknown[] | null;
  parentProperty: string | number | null;
}

/** Apply every action of `overlay` to `document` in place. */
export function applyOverlay(document: Record<string, any>, overlay: OverlayFile, origins?: Origins): void {
  const actions = overlay.document.actions as Record<string, any>[];
  actions.forEach((action, index) => {
    const at = `/actions/${index}`;
    const target = action.target as string;
    let matches: Match[];
    try {
      matches = JSONPath({ path: target, json: document, resultType: 'all', wrap: true, eval: 'safe' }) as Match[];
    } catch (error) {
      throw new SvcgenInputError({ file: overlay.path, pointer: `${at}/target` }, `target '${target}' is not a valid JSONPath: ${(error as Error).message}`, { cause: error });
    }
    if (matches.length === 0) {
      throw new SvcgenInputError({ file: overlay.path, pointer: `${at}/target` }, `target '${target}' matches nothing`);
    }
    if (action.remove === true) {
      removeMatches(matches, overlay.path, at);
      return;
    }
    const origin: Origin = { file: overlay.path, pointer: `${at}/update` };
    for (const match of matches) applyUpdate(match.value, action.update, origin, origins, overlay.path, at);
  });
}

function removeMatches(matches: Match[], file: string, at: string): void {
  const fromArrays = new Map<unknown[], number[]>();
  for (const match of matches) {
    const { parent, parentProperty } = match;
    if (parent === null || parentProperty === null) {
      throw new SvcgenInputError({ file, pointer: `${at}/target` }, 'cannot remove the document root');
    }
    if (Array.isArray(parent)) {
      const indexes = fromArrays.get(parent) ?? [];
      indexes.push(Number(parentProperty));
      fromArrays.set(parent, indexes);
    } else {
      delete parent[parentProperty];
    }
  }
  // Highest index first, so earlier removals do not shift later ones.
  for (const [array, indexes] of fromArrays) {
    for (const index of [...new Set(indexes)].sort((a, b) => b - a)) array.splice(index, 1);
  }
}

function applyUpdate(node: unknown, update: unknown, origin: Origin, origins: Origins | undefined, file: string, at: string): void {
  if (Array.isArray(node)) {
    const items = Array.isArray(update) ? update : [update];
    items.forEach((item, index) => {
      origins?.record(node, node.length, { ...origin, at: Array.isArray(update) ? `${origin.pointer}/${index}` : origin.pointer! });
      node.push(structuredClone(item));
    });
    return;
  }
  if (!isPlainObject(node)) {
    throw new SvcgenInputError({ file, pointer: `${at}/target` }, 'target selects a primitive value; select the object that holds it and update that');
  }
  if (!isPlainObject(update)) {
    throw new SvcgenInputError({ file, pointer: `${at}/update` }, 'update must be an object when the target is an object');
  }
  mergeInto(node, update, origin, origins);
}

/**
 * Overlay 1.0 merge: objects recursively, arrays concatenated, anything else replaced. `at` is
 * where `update` sits in the origin's file, so each recorded value knows its own place there.
 */
export function mergeInto(target: Record<string, unknown>, update: Record<string, unknown>, origin: Origin, origins?: Origins, at = origin.pointer): void {
  for (const [key, value] of Object.entries(update)) {
    const existing = target[key];
    const here = at === undefined ? undefined : `${at}/${escapePointerSegment(key)}`;
    if (isPlainObject(existing) && isPlainObject(value)) {
      mergeInto(existing, value, origin, origins, here);
    } else if (Array.isArray(existing) && Array.isArray(value)) {
      value.forEach((item, index) => {
        origins?.record(existing, existing.length, here === undefined ? origin : { ...origin, at: `${here}/${index}` });
        existing.push(structuredClone(item));
      });
    } else {
      origins?.record(target, key, here === undefined ? origin : { ...origin, at: here });
      target[key] = structuredClone(value);
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
