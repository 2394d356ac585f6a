// Checks on a document before later stages rely on it. Dangling references are found in one
// walk; each distinct $ref is resolved once.
import { SvcgenInputError } from './errors.ts';
import { HTTP_METHODS, pathItems } from './fixes.ts';
import { getAtPointer, hasPointer, refToPointer, toPointer } from '../json-pointer.ts';
import { sourceOf, type Origins } from './origins.ts';
import { sourcePointer } from './source-pointers.ts';
import { findDocumentShapeProblem } from './document-shapes.ts';
import { findParameterLocationProblem } from './parameter-locations.ts';
import { findDiscriminatorScanProblem } from './discriminator-scan.ts';
import { findSchemaShapeProblem } from './schema-shapes.ts';
import { sitePointer, walkRefs } from './walk-refs.ts';

/**
 * Throws for the first `$ref` that does not resolve inside `document`. `origins` says which file
 * wrote the part holding it; without it the error names `file`.
 */
export function checkRefs(document: Record<string, any>, file: string, origins?: Origins, hint = ''): void {
  const resolves = new Map<string, boolean>();
  walkRefs(document, (site) => {
    let ok = resolves.get(site.ref);
    if (ok === undefined) {
      const pointer = refToPointer(site.ref);
      ok = pointer !== undefined && (pointer === '' || (pointer.startsWith('/') && hasPointer(document, pointer)));
      resolves.set(site.ref, ok);
    }
    if (ok) return;
    const at = sitePointer(site);
    const problem = site.ref.startsWith('#')
      ? `$ref '${site.ref}' does not resolve (nothing at that pointer)`
      : `$ref '${site.ref}' points outside the document; only internal references are supported`;
    const origin = origins?.locate(document, at) ?? { file };
    if (origin.pointer !== undefined) {
      throw new SvcgenInputError({ file: origin.file, pointer: origin.pointer }, `wrote ${at} in the effective document, where ${problem}`);
    }
    throw new SvcgenInputError({ file: origin.file, pointer: sourcePointer(document, at) }, problem + hint);
  });
}

/**
 * A source file's structure where the repairs and, for Swagger 2.0, the converter read it as one
 * JSON type (the two versions lay out paths, operations, parameters and responses alike).
 */
export function checkStructure(document: Record<string, unknown>, file: string): void {
  const problem = findDocumentShapeProblem(document);
  if (problem) throw new SvcgenInputError({ file, pointer: problem.pointer }, problem.problem);
}

/** The effective OpenAPI 3.x document: version, responses, path parameters, references. */
export function validateEffective(document: Record<string, any>, file: string, origins?: Origins): void {
  const where = (pointer: string) => sourceOf(document, pointer, file, origins);
  if (typeof document.openapi !== 'string' || !/^3\.\d+\.\d+/.test(document.openapi)) {
    throw new SvcgenInputError(where('/openapi'), `expected an OpenAPI 3.x version in \`openapi\`, found ${JSON.stringify(document.openapi)}`);
  }
  // OpenAPI 3.1 makes `paths` optional (a webhooks-only document) and `responses` optional.
  const v31 = /^3\.1\./.test(document.openapi);
  if (v31 && document.paths === undefined) document.paths = {};
  if (document.paths === null || typeof document.paths !== 'object' || Array.isArray(document.paths)) {
    throw new SvcgenInputError(where('/paths'), '`paths` must be an object');
  }
  const location = findParameterLocationProblem(document);
  if (location) throw new SvcgenInputError(where(location.pointer), location.problem);
  const ids = new Map<string, string>();
  for (const [path, item] of pathItems(document)) {
    // The client appends the key to the server URL as it is: `pets` after `https://host/v1` would
    // call `https://host/v1pets`.
    if (!path.startsWith('/')) throw new SvcgenInputError(where(toPointer(['paths', path])), "a path must begin with '/' (the client joins it to the server URL as written)");
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
    const shared = parameterNames(document, item.parameters);
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation === null || typeof operation !== 'object') continue;
      const at = toPointer(['paths', path, method]);
      const problem = responsesProblem(operation.responses, v31);
      if (problem) throw new SvcgenInputError(where(at), `${method.toUpperCase()} ${path} has no responses (${problem})`);
      const declared = new Set([...shared, ...parameterNames(document, operation.parameters)]);
      for (const name of templated) {
        if (!declared.has(name)) {
          throw new SvcgenInputError(where(at), `${method.toUpperCase()} ${path} does not declare its path parameter '${name}'`);
        }
      }
      const id = operation.operationId;
      if (typeof id === 'string') {
        const other = ids.get(id);
        if (other !== undefined) throw new SvcgenInputError(where(`${at}/operationId`), `operationId '${id}' is also used by ${other}`);
        ids.set(id, `${method.toUpperCase()} ${path}`);
      }
    }
  }
  // Before references are resolved: a `$ref` that is not text is no reference to resolve.
  const structure = findDocumentShapeProblem(document);
  if (structure) throw new SvcgenInputError(where(structure.pointer), structure.problem);
  checkRefs(document, file, origins);
  const shape = findSchemaShapeProblem(document) ?? findDiscriminatorScanProblem(document);
  if (shape) throw new SvcgenInputError(where(shape.pointer), shape.problem);
}

/**
 * Why an operation's `responses` is refused, or undefined. Refused, not repaired: what the operation
 * answers (a success status, a body type) cannot be inferred, and one overlay action states it.
 * Both versions say the Responses Object MUST contain at least one response code (`default`
 * counts; an `x-` extension does not); only 3.0 also makes the field REQUIRED, so a 3.1 operation
 * may leave it out, but not write it empty.
 */
function responsesProblem(responses: unknown, v31: boolean): string | undefined {
  if (v31 && responses === undefined) return undefined;
  if (responses === null || typeof responses !== 'object' || Array.isArray(responses)) {
    return v31 ? '`responses` must be an object' : 'OpenAPI 3.0 requires at least one response code or `default`; declare what it answers in an overlay';
  }
  if (Object.keys(responses).some((key) => !key.startsWith('x-'))) return undefined;
  return `OpenAPI ${v31 ? '3.1' : '3.0'} requires at least one response code or \`default\`; declare what it answers in an overlay`;
}

function parameterNames(document: Record<string, any>, parameters: unknown): string[] {
  if (!Array.isArray(parameters)) return [];
  const names: string[] = [];
  for (const entry of parameters) {
    let parameter: unknown = entry;
    if (parameter && typeof parameter === 'object' && typeof (parameter as Record<string, unknown>).$ref === 'string') {
      const pointer = refToPointer((parameter as Record<string, string>).$ref!);
      parameter = pointer === undefined ? undefined : getAtPointer(document, pointer);
    }
    if (parameter && typeof parameter === 'object' && (parameter as Record<string, unknown>).in === 'path') {
      names.push(String((parameter as Record<string, unknown>).name));
    }
  }
  return names;
}
