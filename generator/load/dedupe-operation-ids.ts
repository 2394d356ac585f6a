// Make operationIds unique within one document (after merging), and give every operation one.
// Every member of a colliding group is renamed, from its method and path, so the result does not
// depend on which operation the vendor happened to list first.
import { SvcgenInputError } from './errors.ts';
import type { InputErrorLocation } from './errors.ts';
import { HTTP_METHODS, pathItems } from './fixes.ts';
import { identifierKey, isUsableIdentifier, pascalCase, words } from './identifiers.ts';
import { toPointer } from '../json-pointer.ts';
import type { Rename } from './merge.ts';

interface Site {
  path: string;
  method: string;
  operation: Record<string, any>;
  /** The id the group was formed on (the vendor's, or one derived from method and path). */
  id: string;
}

/**
 * @param where maps a pointer in `document` to the file (and place) a person would edit.
 */
export function dedupeOperationIds(document: Record<string, any>, where: (pointer: string) => InputErrorLocation): Rename[] {
  const renamed: Rename[] = [];
  const sites: Site[] = [];
  for (const [path, item] of pathItems(document)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation === null || typeof operation !== 'object') continue;
      const current = operation.operationId;
      if (typeof current === 'string' && isUsableIdentifier(current)) {
        sites.push({ path, method, operation, id: current });
        continue;
      }
      const derived = derivedName(method, path);
      if (derived === undefined) {
        throw new SvcgenInputError(
          where(toPointer(['paths', path, method])),
          `${method.toUpperCase()} ${path} has ${current === undefined ? 'no operationId' : `operationId ${JSON.stringify(current)}, which is not an identifier,`} and no name can be derived from its path; give it an operationId in an overlay`,
        );
      }
      operation.operationId = derived;
      renamed.push({
        from: typeof current === 'string' ? current : '',
        to: derived,
        operation: operationLabel(method, path),
        reason: current === undefined ? 'no operationId; derived from method and path' : `operationId ${JSON.stringify(current)} is not usable as an identifier; derived from method and path`,
      });
      sites.push({ path, method, operation, id: derived });
    }
  }

  const groups = new Map<string, Site[]>();
  for (const site of sites) {
    const key = identifierKey(site.id);
    const group = groups.get(key) ?? [];
    group.push(site);
    groups.set(key, group);
  }
  const taken = new Set(groups.keys());
  const collisions = [...groups.entries()].filter(([, group]) => group.length > 1).sort(([a], [b]) => compare(a, b));
  for (const [, group] of collisions) {
    group.sort((a, b) => compare(a.path, b.path) || compare(a.method, b.method));
    const suffixes = distinguishingSuffixes(group);
    group.forEach((site, index) => {
      const from = site.operation.operationId as string;
      const to = unique(`${from}_${suffixes[index]!}`, site, taken);
      site.operation.operationId = to;
      const earlier = renamed.find((entry) => entry.operation === operationLabel(site.method, site.path));
      if (earlier) {
        earlier.to = to;
        earlier.reason += `; then suffixed: '${from}' is shared by ${group.length} operations`;
      } else {
        renamed.push({
          from,
          to,
          operation: operationLabel(site.method, site.path),
          reason: `operationId '${from}' is shared by ${group.length} operations; suffixed with the path segments that distinguish them`,
        });
      }
    });
  }
  return renamed;
}

export function operationLabel(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

/** `get` + the path's words: `GET /v1/charges/{charge}` → `getV1ChargesCharge`. */
export function derivedName(method: string, path: string): string | undefined {
  const pathWords = words(path);
  // `/` (and paths of punctuation only) name the API's root; collisions are renamed below.
  if (pathWords.length === 0) return path.startsWith('/') ? `${method.toLowerCase()}Root` : undefined;
  return method.toLowerCase() + pascalCase(path);
}

interface Segment {
  text: string;
  parameter: boolean;
}

function segmentsOf(path: string): Segment[] {
  return path
    .split('/')
    .filter(Boolean)
    .map((text) => ({ text, parameter: /^\{.*\}$/.test(text) }));
}

/**
 * For each site, PascalCase words from the part of its path that differs from the others: the
 * common leading and trailing segments are dropped, then path parameters, unless that leaves
 * nothing or two sites alike, in which case we fall back to more of the path.
 */
function distinguishingSuffixes(group: readonly Site[]): string[] {
  const all = group.map((site) => segmentsOf(site.path));
  const shortest = Math.min(...all.map((segments) => segments.length));
  let prefix = 0;
  while (prefix < shortest && all.every((segments) => segments[prefix]!.text === all[0]![prefix]!.text)) prefix++;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    all.every((segments) => segments[segments.length - 1 - suffix]!.text === all[0]![all[0]!.length - 1 - suffix]!.text)
  ) {
    suffix++;
  }
  const attempts: ((segments: Segment[], site: Site) => string)[] = [
    (segments) => wordsOf(segments.slice(prefix, segments.length - suffix).filter((segment) => !segment.parameter)),
    (segments) => wordsOf(segments.slice(prefix, segments.length - suffix)),
    (segments) => wordsOf(segments.slice(prefix)),
    (segments, site) => pascalCase(site.method) + wordsOf(segments),
  ];
  for (const attempt of attempts) {
    const suffixes = group.map((site, index) => attempt(all[index]!, site));
    if (suffixes.every((text) => text !== '') && new Set(suffixes).size === suffixes.length) return suffixes;
  }
  // Same method and path twice cannot happen in one document; keep a stable fallback anyway.
  return group.map((site, index) => `${pascalCase(site.method)}${wordsOf(all[index]!)}${index + 1}`);
}

function wordsOf(segments: readonly Segment[]): string {
  return segments.map((segment) => (segment.parameter ? `By${pascalCase(segment.text)}` : pascalCase(segment.text))).join('');
}

function unique(candidate: string, site: Site, taken: Set<string>): string {
  let name = candidate;
  if (taken.has(identifierKey(name))) name = `${candidate}_${pascalCase(site.method)}`;
  for (let counter = 2; taken.has(identifierKey(name)); counter++) name = `${candidate}_${counter}`;
  taken.add(identifierKey(name));
  return name;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
