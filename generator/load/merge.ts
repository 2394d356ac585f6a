// Merge a multi-file vendor (one OpenAPI 3.x file per product) into one document.
// Deterministic and independent of file order where names collide: a colliding operationId is
// renamed in every file that has it, and a component name goes to the content most files share,
// never to whichever file comes first.
import { SvcgenInputError } from './errors.ts';
import { isHttpMethod, HTTP_METHODS } from './fixes.ts';
import { identifierKey, prefixIdentifier, productNames } from './identifiers.ts';
import { escapePointerSegment, refToPointer, toPointer, unescapePointerSegment } from '../json-pointer.ts';
import { Origins } from './origins.ts';
import { walkRefs } from './walk-refs.ts';

export interface MergeInput {
  /** Lock path. */
  file: string;
  document: Record<string, any>;
}

export interface Rename {
  from: string;
  to: string;
  operation: string;
  reason: string;
}

export interface ComponentRename {
  /** `section/name`, e.g. `schemas/ErrorResponse`. */
  from: string;
  to: string;
  file: string;
}

export interface MergeResult {
  document: Record<string, any>;
  renamed: Rename[];
  componentRenames: ComponentRename[];
  origins: Origins;
}

export const PRODUCT_EXTENSION = 'x-svcgen-product';
export const PRODUCTS_EXTENSION = 'x-svcgen-products';

/** Mutates the input documents (renames happen in place before they are combined). */
export function mergeDocuments(inputs: readonly MergeInput[]): MergeResult {
  const products = productNames(inputs.map((input) => input.file));
  const productOf = (file: string): string => products.get(file)!;
  checkSameVersion(inputs);
  const componentRenames = namespaceComponents(inputs, productOf);
  const renamed = namespaceOperationIds(inputs, productOf);

  const origins = new Origins({ file: inputs[0]!.file });
  const merged: Record<string, any> = { openapi: inputs[0]!.document.openapi };
  merged.info = mergedInfo(inputs);
  mergeServersAndSecurity(inputs, merged);
  const tags = mergeTags(inputs);
  if (tags.length > 0) merged.tags = tags;
  const externalDocs = inputs.find((input) => input.document.externalDocs)?.document.externalDocs;
  if (externalDocs) merged.externalDocs = externalDocs;
  merged.paths = {};
  for (const input of inputs) {
    tagOperations(input.document, productOf(input.file));
    mergePathMap(merged.paths, input, 'paths', origins, inputs);
  }
  if (inputs.some((input) => input.document.webhooks)) {
    merged.webhooks = {};
    for (const input of inputs) mergePathMap(merged.webhooks, input, 'webhooks', origins, inputs);
  }
  merged.components = mergeComponents(inputs, origins);
  for (const input of inputs) {
    for (const [key, value] of Object.entries(input.document)) {
      if (!(key in merged) && key !== 'servers' && key !== 'security') merged[key] = value;
    }
  }
  merged[PRODUCTS_EXTENSION] = Object.fromEntries(
    inputs.map((input) => [productOf(input.file), { file: input.file, title: input.document.info?.title ?? '' }]),
  );
  return { document: merged, renamed, componentRenames, origins };
}

function checkSameVersion(inputs: readonly MergeInput[]): void {
  const first = inputs[0]!;
  for (const input of inputs) {
    if (input.document.openapi !== first.document.openapi) {
      throw new SvcgenInputError(
        { file: input.file, pointer: '/openapi' },
        `openapi ${JSON.stringify(input.document.openapi)} differs from ${first.file}'s ${JSON.stringify(first.document.openapi)}; the files of one vendor must share a version`,
      );
    }
  }
}

// ---- components -------------------------------------------------------------------------

type Renames = Map<string, Map<string, string>>; // file → `section/name` → new name

function namespaceComponents(inputs: readonly MergeInput[], productOf: (file: string) => string): ComponentRename[] {
  const definedIn = new Map<string, MergeInput[]>();
  const taken = new Set<string>();
  for (const input of inputs) {
    for (const [section, entries] of componentSections(input.document)) {
      for (const name of Object.keys(entries)) {
        const key = `${section}/${name}`;
        taken.add(key);
        const list = definedIn.get(key) ?? [];
        list.push(input);
        definedIn.set(key, list);
      }
    }
  }
  const renames: Renames = new Map(inputs.map((input) => [input.file, new Map()]));
  const collisions = [...definedIn].filter(([, files]) => files.length > 1);
  // The content most files agree on keeps the plain name (ties: the smallest JSON text, so file
  // order never decides); every other file's version is namespaced by its product. Renaming a
  // component changes the meaning of the components that refer to it, which can split a group
  // that looked identical: repeat until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [key, files] of collisions) {
      const [section, name] = splitKey(key);
      const groups = new Map<string, MergeInput[]>();
      for (const input of files) {
        if (renames.get(input.file)!.has(key)) continue;
        const text = canonical(input.document.components[section][name], renames.get(input.file)!);
        groups.set(text, [...(groups.get(text) ?? []), input]);
      }
      if (groups.size < 2) continue;
      const [keeper] = [...groups.entries()].sort(([textA, a], [textB, b]) => b.length - a.length || compare(textA, textB))[0]!;
      for (const [text, members] of groups) {
        if (text === keeper) continue;
        for (const input of members) {
          const newName = namespacedName(productOf(input.file), section, name, taken, input.file);
          taken.add(`${section}/${newName}`);
          renames.get(input.file)!.set(key, newName);
        }
      }
      changed = true;
    }
  }
  const result: ComponentRename[] = [];
  for (const input of inputs) {
    const fileRenames = renames.get(input.file)!;
    if (fileRenames.size === 0) continue;
    applyComponentRenames(input.document, fileRenames);
    for (const [key, to] of fileRenames) result.push({ from: key, to: `${splitKey(key)[0]}/${to}`, file: input.file });
  }
  return result.sort((a, b) => compare(a.from, b.from) || compare(a.file, b.file));
}

function componentSections(document: Record<string, any>): [string, Record<string, unknown>][] {
  const components = document.components;
  if (components === null || typeof components !== 'object') return [];
  return Object.entries(components as Record<string, unknown>).filter(
    (entry): entry is [string, Record<string, unknown>] => !entry[0].startsWith('x-') && entry[1] !== null && typeof entry[1] === 'object',
  );
}

function splitKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}

function namespacedName(product: string, section: string, name: string, taken: Set<string>, file: string): string {
  for (const candidate of [prefixIdentifier(product, name), `${prefixIdentifier(product, '')}_${name}`]) {
    if (!taken.has(`${section}/${candidate}`)) return candidate;
  }
  throw new SvcgenInputError(
    { file, pointer: toPointer(['components', section, name]) },
    `cannot namespace component '${name}' by product '${product}': both candidate names are taken`,
  );
}

/** The component's JSON with references as they will read after this file's renames. */
function canonical(value: unknown, renames: Map<string, string>): string {
  if (renames.size === 0) return JSON.stringify(value);
  return JSON.stringify(value, (key, item: unknown) => (key === '$ref' && typeof item === 'string' ? renamedRef(item, renames) ?? item : item));
}

function renamedRef(ref: string, renames: Map<string, string>): string | undefined {
  const pointer = refToPointer(ref);
  const match = pointer === undefined ? null : /^\/components\/([^/]+)\/([^/]+)(\/.*)?$/.exec(pointer);
  if (!match) return undefined;
  const section = unescapePointerSegment(match[1]!);
  const name = unescapePointerSegment(match[2]!);
  const to = renames.get(`${section}/${name}`);
  if (to === undefined) return undefined;
  return `#/components/${escapePointerSegment(section)}/${escapePointerSegment(to)}${match[3] ?? ''}`;
}

function applyComponentRenames(document: Record<string, any>, renames: Map<string, string>): void {
  walkRefs(document, (site) => {
    const to = renamedRef(site.ref, renames);
    if (to !== undefined) site.holder[site.key] = to;
  });
  const schemeRenames = new Map<string, string>();
  for (const [key, to] of renames) {
    const [section, name] = splitKey(key);
    if (section === 'securitySchemes') schemeRenames.set(name, to);
  }
  if (schemeRenames.size > 0) renameSecurityRequirements(document, schemeRenames);
  for (const [section, entries] of componentSections(document)) {
    if (![...renames.keys()].some((key) => key.startsWith(`${section}/`))) continue;
    document.components[section] = Object.fromEntries(
      Object.entries(entries).map(([name, value]) => [renames.get(`${section}/${name}`) ?? name, value]),
    );
  }
}

/** Security requirements name schemes by key, not by $ref. */
function renameSecurityRequirements(document: Record<string, any>, renames: Map<string, string>): void {
  const rename = (requirements: unknown): unknown =>
    Array.isArray(requirements)
      ? requirements.map((requirement: Record<string, unknown>) =>
          Object.fromEntries(Object.entries(requirement).map(([name, scopes]) => [renames.get(name) ?? name, scopes])),
        )
      : requirements;
  if (document.security) document.security = rename(document.security);
  forEachOperation(document, (operation) => {
    if (operation.security) operation.security = rename(operation.security);
  });
}

function mergeComponents(inputs: readonly MergeInput[], origins: Origins): Record<string, Record<string, unknown>> {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const input of inputs) {
    for (const [section, entries] of componentSections(input.document)) {
      const target = (merged[section] ??= {});
      for (const [name, value] of Object.entries(entries)) {
        if (!Object.hasOwn(target, name)) {
          target[name] = value;
          origins.record(target, name, { file: input.file });
        } else if (JSON.stringify(target[name]) !== JSON.stringify(value)) {
          throw new Error(`internal: component ${section}/${name} differs after namespacing (${input.file})`);
        }
      }
    }
    for (const [key, value] of Object.entries((input.document.components ?? {}) as Record<string, unknown>)) {
      if (key.startsWith('x-') && !(key in merged)) (merged as Record<string, unknown>)[key] = value;
    }
  }
  return merged;
}

// ---- operations --------------------------------------------------------------------------

interface OperationSite {
  file: string;
  path: string;
  method: string;
  operation: Record<string, any>;
}

function forEachOperation(document: Record<string, any>, visit: (operation: Record<string, any>, path: string, method: string) => void): void {
  for (const [pathKey, item] of Object.entries((document.paths ?? {}) as Record<string, any>)) {
    if (pathKey.startsWith('x-') || item === null || typeof item !== 'object') continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation !== null && typeof operation === 'object') visit(operation, pathKey, method);
    }
  }
}

function namespaceOperationIds(inputs: readonly MergeInput[], productOf: (file: string) => string): Rename[] {
  const byId = new Map<string, OperationSite[]>();
  for (const input of inputs) {
    forEachOperation(input.document, (operation, path, method) => {
      if (typeof operation.operationId !== 'string' || operation.operationId === '') return;
      const key = identifierKey(operation.operationId);
      const list = byId.get(key) ?? [];
      list.push({ file: input.file, path, method, operation });
      byId.set(key, list);
    });
  }
  const renamed: Rename[] = [];
  for (const sites of byId.values()) {
    // The same operation repeated in several files (merged later if identical) is no collision.
    const byOperation = new Map<string, OperationSite[]>();
    for (const site of sites) {
      const key = `${site.method.toUpperCase()} ${site.path}`;
      byOperation.set(key, [...(byOperation.get(key) ?? []), site]);
    }
    const files = new Set(sites.map((site) => site.file));
    if (byOperation.size < 2 || files.size < 2) continue;
    const productList = [...new Set([...files].map(productOf))].sort(compare);
    for (const [operation, copies] of byOperation) {
      const from = copies[0]!.operation.operationId as string;
      const product = copies.map((site) => productOf(site.file)).sort(compare)[0]!;
      const to = prefixIdentifier(product, from);
      for (const site of copies) site.operation.operationId = to;
      renamed.push({
        from,
        to,
        operation,
        reason: `operationId '${from}' is used by ${productList.length} products (${productList.join(', ')}); prefixed with the product`,
      });
    }
  }
  return renamed;
}

function tagOperations(document: Record<string, any>, product: string): void {
  forEachOperation(document, (operation) => {
    operation[PRODUCT_EXTENSION] = product;
  });
}

// ---- paths ---------------------------------------------------------------------------------

function mergePathMap(
  target: Record<string, any>,
  input: MergeInput,
  key: 'paths' | 'webhooks',
  origins: Origins,
  inputs: readonly MergeInput[],
): void {
  for (const [pathKey, item] of Object.entries((input.document[key] ?? {}) as Record<string, any>)) {
    if (!Object.hasOwn(target, pathKey)) {
      target[pathKey] = item;
      origins.record(target, pathKey, { file: input.file });
      continue;
    }
    const existing = target[pathKey];
    if (pathKey.startsWith('x-') || item === null || typeof item !== 'object') continue;
    // Path-level parameters and servers would now apply to the other file's operations too.
    pushDownPathLevel(existing);
    pushDownPathLevel(item);
    for (const [field, value] of Object.entries(item)) {
      if (!isHttpMethod(field)) {
        if (!(field in existing)) existing[field] = value;
        continue;
      }
      if (!(field in existing)) {
        existing[field] = value;
        origins.record(existing, field, { file: input.file });
        continue;
      }
      if (withoutProduct(existing[field]) === withoutProduct(value as Record<string, unknown>)) {
        // Identical in several products: credit the first product by name, not by file order.
        const product = (value as Record<string, unknown>)[PRODUCT_EXTENSION] as string;
        if (compare(product, existing[field][PRODUCT_EXTENSION]) < 0) existing[field][PRODUCT_EXTENSION] = product;
      } else {
        const other = inputs.find((candidate) => candidate !== input && candidate.document[key]?.[pathKey]?.[field])?.file ?? 'another file';
        throw new SvcgenInputError(
          { file: input.file, pointer: toPointer([key, pathKey, field]) },
          `${field.toUpperCase()} ${pathKey} is also defined, differently, in ${other}`,
        );
      }
    }
  }
}

function withoutProduct(operation: Record<string, unknown>): string {
  return JSON.stringify({ ...operation, [PRODUCT_EXTENSION]: undefined });
}

function pushDownPathLevel(item: Record<string, any>): void {
  for (const field of ['parameters', 'servers'] as const) {
    const value = item[field];
    if (value === undefined) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation || typeof operation !== 'object') continue;
      if (field === 'servers') {
        operation.servers ??= structuredClone(value);
      } else {
        const own = (operation.parameters ?? []) as Record<string, unknown>[];
        const ownKeys = new Set(own.map(parameterKey));
        operation.parameters = [...structuredClone(value as Record<string, unknown>[]).filter((parameter) => !ownKeys.has(parameterKey(parameter))), ...own];
      }
    }
    delete item[field];
  }
}

function parameterKey(parameter: Record<string, unknown>): string {
  return typeof parameter.$ref === 'string' ? parameter.$ref : `${String(parameter.in)}:${String(parameter.name)}`;
}

// ---- root ------------------------------------------------------------------------------------

function mergedInfo(inputs: readonly MergeInput[]): Record<string, unknown> {
  const titles = inputs.map((input) => String(input.document.info?.title ?? ''));
  const common = titles.reduce((prefix, title) => {
    let index = 0;
    while (index < prefix.length && index < title.length && prefix[index] === title[index]) index++;
    return prefix.slice(0, index);
  });
  const title = common.slice(0, Math.max(common.lastIndexOf(' '), 0)).trim() || titles[0]!;
  const versions = [...new Set(inputs.map((input) => String(input.document.info?.version ?? '')))];
  return {
    title,
    version: versions.join(', '),
    description: `Merged from ${inputs.length} files: ${inputs.map((input) => input.file).join(', ')}.`,
  };
}

/**
 * The root lists the union of servers and security requirements; a file whose own list differs
 * from that union keeps its list on its operations, so no operation gains a server or an auth
 * scheme its product does not have.
 */
function mergeServersAndSecurity(inputs: readonly MergeInput[], merged: Record<string, any>): void {
  const servers = new Map<string, unknown>();
  const security = new Map<string, unknown>();
  for (const input of inputs) {
    for (const server of (input.document.servers ?? []) as Record<string, unknown>[]) {
      if (!servers.has(String(server.url))) servers.set(String(server.url), server);
    }
    for (const requirement of (input.document.security ?? []) as unknown[]) {
      const key = JSON.stringify(requirement);
      if (!security.has(key)) security.set(key, requirement);
    }
  }
  if (servers.size > 0) merged.servers = [...servers.values()];
  if (security.size > 0) merged.security = [...security.values()];
  const allServers = [...servers.keys()].sort(compare).join('\n');
  const allSecurity = [...security.keys()].sort(compare).join('\n');
  for (const input of inputs) {
    const own = input.document;
    const ownServers = ((own.servers ?? []) as Record<string, unknown>[]).map((server) => String(server.url));
    if (ownServers.length > 0 && [...new Set(ownServers)].sort(compare).join('\n') !== allServers) {
      for (const item of Object.values((own.paths ?? {}) as Record<string, any>)) {
        if (item && typeof item === 'object' && item.servers === undefined) item.servers = structuredClone(own.servers);
      }
    }
    const ownSecurity = ((own.security ?? []) as unknown[]).map((requirement) => JSON.stringify(requirement));
    if ([...new Set(ownSecurity)].sort(compare).join('\n') !== allSecurity) {
      forEachOperation(own, (operation) => {
        if (operation.security === undefined) operation.security = structuredClone(own.security ?? []);
      });
    }
  }
}

function mergeTags(inputs: readonly MergeInput[]): unknown[] {
  const tags = new Map<string, unknown>();
  for (const input of inputs) {
    for (const tag of (input.document.tags ?? []) as Record<string, unknown>[]) {
      if (!tags.has(String(tag.name))) tags.set(String(tag.name), tag);
    }
  }
  return [...tags.values()];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
