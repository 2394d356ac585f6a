// Some specs write query parameters into the path key: `/search/articles?query={query}`. A
// variable there that an operation does not declare in: path cannot be filled, and the load would
// refuse the path. When every `name={variable}` pair names a parameter the path's operations
// declare (in: query, or in: path), the query string is moved out of the key and the parameter
// made `in: query` under the pair's name: a listed repair. A variable no operation of the path
// declares is the API's query parameter all the same (the URL the spec writes sends it): it is
// declared an optional text query parameter of the path, also listed, since the spec gives neither
// its type nor whether it is required. If such a path cannot be repaired (a constant or templated
// name beside the variables, the bare path already defined), it is refused with its place. Paths
// whose query string is constant, or whose variables every operation declares in: path, are left
// as the spec writes them.
import { SvcgenInputError } from './errors.ts';
import { HTTP_METHODS } from './fixes.ts';
import type { Fix } from './fixes.ts';
import { deref, toPointer } from '../json-pointer.ts';
import { recordMovedKey } from './source-pointers.ts';

type Doc = Record<string, any>;

const HINT = 'declare it in an overlay (x-svcgen-stage: source) in specs/overlays/, or remove the query string from the path';

export function moveQueryStringsIntoParameters(document: Doc, file: string): Fix[] {
  const paths = document.paths;
  if (paths === null || typeof paths !== 'object' || !Object.keys(paths).some((key) => key.includes('?'))) return [];
  const fixes: Fix[] = [];
  const rebuilt: Doc = {};
  for (const [key, item] of Object.entries<Doc>(paths)) {
    const at = key.indexOf('?');
    if (at === -1 || key.startsWith('x-') || item === null || typeof item !== 'object' || fillsAsPath(document, item, key.slice(at + 1))) {
      rebuilt[key] = item;
      continue;
    }
    const base = key.slice(0, at);
    const location = { file, pointer: toPointer(['paths', key]) };
    if (base in paths || base in rebuilt) {
      throw new SvcgenInputError(location, `the path has a query string, and without it the path '${base}' is already defined; ${HINT}`);
    }
    const moved: string[] = [];
    for (const pair of key.slice(at + 1).split('&').filter(Boolean)) {
      const match = /^([A-Za-z0-9_.\-[\]]+)=\{([^{}]+)\}$/.exec(pair);
      if (!match) throw new SvcgenInputError(location, `the path has a query string, and '${pair}' is not name={parameter}, so it cannot become a query parameter; ${HINT}`);
      const [, name, variable] = match as unknown as [string, string, string];
      const methods = HTTP_METHODS.filter((method) => item[method] !== null && typeof item[method] === 'object');
      const undeclared: string[] = [];
      for (const method of methods) {
        const change = declareInQuery(document, item, item[method], variable, name);
        if (change === undefined) undeclared.push(method);
        else if (change) moved.push(`${method.toUpperCase()} ${change}`);
      }
      // Shared by a path's operations, the query string may belong to some of them only (a list's
      // paging on GET, none on POST): an operation that does not declare the variable could never
      // fill it, so the pair is dropped for it. Declared by none, the path item declares it.
      if (undeclared.length === methods.length && methods.length > 0) {
        item.parameters = [...(Array.isArray(item.parameters) ? item.parameters : []), { name, in: 'query', schema: { type: 'string' } }];
        moved.push(`'${pair}' names no parameter of the path's operations: declared an optional text query parameter '${name}' (the spec gives neither its type nor whether it is required)`);
      } else if (undeclared.length) moved.push(`dropped for ${undeclared.map((method) => method.toUpperCase()).join(', ')}, which ${undeclared.length === 1 ? 'does' : 'do'} not declare '${variable}'`);
    }
    rebuilt[base] = item;
    recordMovedKey(rebuilt, base, key);
    const detail = moved.length ? `; ${[...new Set(moved)].join('; ')}` : '';
    fixes.push({ ...location, fix: `query string '${key.slice(at)}' moved out of the path, now '${base}'${detail}` });
  }
  document.paths = rebuilt;
  return fixes;
}

/**
 * True when nothing needs moving: the query string is constant (`?method=getContext`, a distinct
 * endpoint to the API) or each of its variables is declared in: path by every operation, so the
 * client fills it like any path variable and the URL on the wire is the one the spec writes.
 */
function fillsAsPath(document: Doc, item: Doc, query: string): boolean {
  const variables = [...query.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1]!);
  if (variables.length === 0) return true;
  const methods = HTTP_METHODS.filter((method) => item[method] !== null && typeof item[method] === 'object');
  return methods.every((method) => {
    const declared = [...(Array.isArray(item.parameters) ? item.parameters : []), ...(Array.isArray(item[method].parameters) ? item[method].parameters : [])]
      .map((entry) => deref(document, entry))
      .filter((parameter) => parameter?.in === 'path')
      .map((parameter) => parameter!.name);
    return variables.every((variable) => declared.includes(variable));
  });
}

/**
 * Makes the operation's (or its path item's) parameter `variable` a query parameter named `name`.
 * Returns undefined when there is none, '' when it already is one, or what changed.
 */
function declareInQuery(document: Doc, item: Doc, operation: Doc, variable: string, name: string): string | undefined {
  for (const holder of [operation, item]) {
    const list = holder.parameters;
    if (!Array.isArray(list)) continue;
    for (const [index, entry] of list.entries()) {
      const resolved = deref(document, entry);
      const parameter = resolved !== null && typeof resolved === 'object' ? resolved : undefined;
      if (parameter?.in === 'query' && parameter.name === name) return '';
      if (parameter?.name !== variable || (parameter.in !== 'query' && parameter.in !== 'path')) continue;
      // A copy: a referenced component may be a real path parameter elsewhere.
      list[index] = { ...parameter, in: 'query', name };
      return `parameter '${variable}' (declared in: ${parameter.in}) is now query parameter '${name}'`;
    }
  }
  return undefined;
}
