// Swagger 2.0 `collectionFormat`s that OpenAPI 3 has no spelling for outside a form body: `tsv`
// anywhere, `ssv` and `pipes` on a path or header parameter (OpenAPI 3 gives those only the
// simple, label and matrix styles). swagger2openapi refuses them with a message that names no
// parameter, and svcgen's encoders cannot send them either, so they are refused here first, each
// with its file and JSON pointer and what to do. (formData arrays keep every format: see
// formdata-collection.ts, which runs before this.)
import { toPointer } from '../json-pointer.ts';
import { SvcgenInputError } from './errors.ts';
import { HTTP_METHODS, pathItems } from './fixes.ts';

type Doc = Record<string, any>;

function unconvertible(parameter: Doc): boolean {
  const format = parameter.collectionFormat;
  if (parameter.in === 'formData' || parameter.in === 'body') return false;
  return format === 'tsv' || ((format === 'ssv' || format === 'pipes') && parameter.in !== 'query');
}

/** Throws for the first parameter whose collectionFormat has no OpenAPI 3 form, naming where it is. */
export function refuseUnconvertibleCollections(swagger: Doc, file: string): void {
  const checkOne = (parameter: unknown, at: (string | number)[]) => {
    if (parameter === null || typeof parameter !== 'object' || !unconvertible(parameter as Doc)) return;
    const { collectionFormat, name } = parameter as Doc;
    throw new SvcgenInputError(
      { file, pointer: toPointer([...at, 'collectionFormat']) },
      `collectionFormat ${collectionFormat} on the ${(parameter as Doc).in} parameter '${name}' has no OpenAPI 3 form (tsv has none anywhere; ssv and pipes only in a query or a form body), so no client can be generated to send it; declare it csv or multi in a source-stage overlay (x-svcgen-stage: source) in specs/overlays/ if the API accepts that`,
    );
  };
  const check = (parameters: unknown, at: (string | number)[]) => {
    if (Array.isArray(parameters)) parameters.forEach((parameter, index) => checkOne(parameter, [...at, index]));
  };
  const shared = swagger.parameters;
  if (shared !== null && typeof shared === 'object') {
    for (const [name, parameter] of Object.entries(shared as Doc)) checkOne(parameter, ['parameters', name]);
  }
  for (const [pathKey, item] of pathItems(swagger)) {
    check(item.parameters, ['paths', pathKey, 'parameters']);
    for (const method of HTTP_METHODS) check(item[method]?.parameters, ['paths', pathKey, method, 'parameters']);
  }
}
