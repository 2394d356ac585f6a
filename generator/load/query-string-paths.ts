// Some specs write query parameters into the path key: `/search/articles?query={query}`. A path
// key is a path template only, so the generated client would send `?query=` as part of the path
// (percent-encoded) and the value twice. When every `name={variable}` pair names a parameter the
// operation declares (in: query, or wrongly in: path), the query string is moved out of the key
// and the parameter made `in: query` under the pair's name: a listed repair. Anything else in a
// query string (a constant, a templated name, a variable no operation of the path declares) is
// refused with its place.
import { SvcgenInputError } from './errors.ts';
import { HTTP_METHODS } from './fixes.ts';
import type { Fix } from './fixes.ts';
import { deref, toPointer } from '../json-pointer.ts';

type Doc = Record<string, any>;

const HINT = 'declare it in an overlay (x-svcgen-stage: source) in specs/overlays/, or remove the query string from the path';

export function moveQueryStringsIntoParameters(document: Doc, file: string): Fix[] {
  const paths = document.paths;
  if (paths === null || typeof paths !== 'object' || !Object.keys(paths).some((key) => key.includes('?'))) return [];
  const fixes: Fix[] = [];
  const rebuilt: Doc = {};
  for (const [key, item] of Object.entries<Doc>(paths)) {
    const at = key.indexOf('?');
    if (at === -1 || key.startsWith('x-') || item === null || typeof item !== 'object') {
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
      // fill it, so the pair is dropped for it. Declared by none, it is an error.
      if (undeclared.length === methods.length && methods.length > 0) {
        throw new SvcgenInputError(
          { file, pointer: toPointer(['paths', key, methods[0]!]) },
          `${methods[0]!.toUpperCase()} ${key} has a query string, and '${pair}' names no parameter '${variable}' of the operation; ${HINT}`,
        );
      }
      if (undeclared.length) moved.push(`dropped for ${undeclared.map((method) => method.toUpperCase()).join(', ')}, which ${undeclared.length === 1 ? 'does' : 'do'} not declare '${variable}'`);
    }
    rebuilt[base] = item;
    const detail = moved.length ? `; ${[...new Set(moved)].join('; ')}` : '';
    fixes.push({ ...location, fix: `query string '${key.slice(at)}' moved out of the path, now '${base}'${detail}` });
  }
  document.paths = rebuilt;
  return fixes;
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
