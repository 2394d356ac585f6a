// Rule-based repairs of vendor text. Each repair is returned as a Fix so the caller can list it:
// a repair that nobody sees is a silent change to the vendor's contract.
import { derefAt, getAtPointer, refToPointer, toPointer } from '../json-pointer.ts';

// Not node:http's STATUS_CODES: importing node:http as ESM makes Node load its fetch
// implementation (~100 ms) just to build the module's export list.
const REASON_PHRASES: Record<string, string> = {
  '200': 'OK', '201': 'Created', '202': 'Accepted', '204': 'No Content', '301': 'Moved Permanently',
  '302': 'Found', '304': 'Not Modified', '400': 'Bad Request', '401': 'Unauthorized', '403': 'Forbidden',
  '404': 'Not Found', '405': 'Method Not Allowed', '409': 'Conflict', '410': 'Gone', '412': 'Precondition Failed',
  '415': 'Unsupported Media Type', '422': 'Unprocessable Entity', '429': 'Too Many Requests',
  '500': 'Internal Server Error', '502': 'Bad Gateway', '503': 'Service Unavailable', '504': 'Gateway Timeout',
};

export interface Fix {
  /** Lock path of the vendor file. */
  file: string;
  /** Where in that file (as the vendor wrote it). */
  pointer: string;
  fix: string;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export function isHttpMethod(key: string): key is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(key);
}

/** Every path item as [pathKey, item], skipping `x-` extensions. */
export function pathItems(document: Record<string, any>): [string, Record<string, any>][] {
  const paths = document.paths;
  if (paths === null || typeof paths !== 'object') return [];
  return Object.entries(paths as Record<string, any>).filter(
    (entry): entry is [string, Record<string, any>] => !entry[0].startsWith('x-') && entry[1] !== null && typeof entry[1] === 'object',
  );
}

/**
 * Each request body of the document once, `$ref`s followed, with the pointer where it lives (a
 * shared `#/components/requestBodies/…` body is yielded once); a dangling, circular or non-object
 * one is skipped. The repairs of request bodies walk this, so each is repaired and listed once.
 */
export function* requestBodies(document: Record<string, any>): Generator<{ node: Record<string, any>; pointer: string }> {
  const seen = new Set<string>();
  for (const [pathKey, item] of pathItems(document)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation === null || typeof operation !== 'object') continue;
      const found = derefAt<unknown>(document, operation.requestBody, toPointer(['paths', pathKey, method, 'requestBody']));
      const node = found?.value;
      if (!found || node === null || typeof node !== 'object' || Array.isArray(node) || seen.has(found.pointer)) continue;
      seen.add(found.pointer);
      yield { node: node as Record<string, any>, pointer: found.pointer };
    }
  }
}

/**
 * Path parameters are always required (OpenAPI 2 and 3 both say so); some vendors omit
 * `required: true`. Applies to inline parameters and to the components they reference.
 */
export function requirePathParameters(document: Record<string, any>, file: string): Fix[] {
  const fixes: Fix[] = [];
  for (const { node: parameter, pointer } of parameters(document)) {
    if (parameter.in !== 'path' || parameter.required === true) continue;
    const was = parameter.required === undefined ? 'not marked required' : `marked required: ${JSON.stringify(parameter.required)}`;
    parameter.required = true;
    fixes.push({ file, pointer: `${pointer}/required`, fix: `path parameter '${String(parameter.name)}' was ${was}; set required: true (path parameters are always required)` });
  }
  return fixes;
}

/**
 * Each parameter the path items and their operations list, once, with the pointer where it lives:
 * a `$ref` (one level, to a local target) yields its target at the target's pointer, so a shared
 * parameter is yielded once however many operations use it.
 */
export function* parameters(document: Record<string, any>): Generator<{ node: Record<string, any>; pointer: string }> {
  const seen = new Set<string>();
  function* listed(list: unknown, base: (string | number)[]): Generator<{ node: Record<string, any>; pointer: string }> {
    if (!Array.isArray(list)) return;
    for (const [index, parameter] of list.entries()) {
      if (parameter === null || typeof parameter !== 'object') continue;
      const ref = (parameter as Record<string, unknown>).$ref;
      const pointer = typeof ref === 'string' ? refToPointer(ref) : toPointer([...base, index]);
      const node = typeof ref === 'string' ? (pointer === undefined ? undefined : getAtPointer(document, pointer)) : parameter;
      if (pointer === undefined || node === null || typeof node !== 'object' || seen.has(pointer)) continue;
      seen.add(pointer);
      yield { node: node as Record<string, any>, pointer };
    }
  }
  for (const [pathKey, item] of pathItems(document)) {
    yield* listed(item.parameters, ['paths', pathKey, 'parameters']);
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation && typeof operation === 'object') yield* listed(operation.parameters, ['paths', pathKey, method, 'parameters']);
    }
  }
}

/**
 * Swagger 2.0 requires a description on every response and swagger2openapi refuses a document
 * without one; fill it with the status code's reason phrase.
 */
export function describeSwaggerResponses(document: Record<string, any>, file: string): Fix[] {
  const fixes: Fix[] = [];
  const visit = (responses: unknown, base: (string | number)[]): void => {
    if (responses === null || typeof responses !== 'object') return;
    for (const [status, response] of Object.entries(responses as Record<string, any>)) {
      if (status.startsWith('x-') || response === null || typeof response !== 'object' || typeof response.$ref === 'string') continue;
      if (typeof response.description === 'string') continue;
      const description = status === 'default' ? 'Default response' : REASON_PHRASES[status] ?? `Status ${status}`;
      response.description = description;
      fixes.push({ file, pointer: toPointer([...base, status, 'description']), fix: `response had no description (required by Swagger 2.0); set to '${description}'` });
    }
  };
  visit(document.responses, ['responses']);
  for (const [pathKey, item] of pathItems(document)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation && typeof operation === 'object') visit(operation.responses, ['paths', pathKey, method, 'responses']);
    }
  }
  return fixes;
}

/**
 * swagger2openapi keeps a non-body parameter's `schema` but overwrites its `type` with the
 * parameter's own `type`. Harmless when they agree; listed when they do not.
 */
export function noteSwaggerParameterTypeConflicts(document: Record<string, any>, file: string): Fix[] {
  const fixes: Fix[] = [];
  const visit = (parameter: Record<string, any>, pointer: (string | number)[]): void => {
    const schema = parameter.schema;
    if (parameter.in === 'body' || typeof parameter.type !== 'string' || schema === null || typeof schema !== 'object') return;
    if (schema.type === undefined || schema.type === parameter.type) return;
    fixes.push({ file, pointer: toPointer([...pointer, 'schema', 'type']), fix: `parameter '${String(parameter.name)}' has type '${parameter.type}' and schema.type '${String(schema.type)}'; the converter keeps '${parameter.type}'` });
  };
  for (const [name, parameter] of Object.entries((document.parameters ?? {}) as Record<string, any>)) {
    if (parameter && typeof parameter === 'object') visit(parameter, ['parameters', name]);
  }
  for (const [pathKey, item] of pathItems(document)) {
    const lists: [unknown, (string | number)[]][] = [[item.parameters, ['paths', pathKey, 'parameters']]];
    for (const method of HTTP_METHODS) {
      if (item[method] && typeof item[method] === 'object') lists.push([item[method].parameters, ['paths', pathKey, method, 'parameters']]);
    }
    for (const [list, base] of lists) {
      if (!Array.isArray(list)) continue;
      list.forEach((parameter, index) => {
        if (parameter && typeof parameter === 'object' && !parameter.$ref) visit(parameter, [...base, index]);
      });
    }
  }
  return fixes;
}
