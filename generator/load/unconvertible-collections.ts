// Swagger 2.0 `collectionFormat`s that OpenAPI 3 has no spelling for outside a form body: `tsv`
// anywhere, `ssv` and `pipes` on a path or header parameter (OpenAPI 3 gives those only the
// simple, label and matrix styles). swagger2openapi refuses them with a message that names no
// parameter, and svcgen's encoders cannot send them either, so they are refused here first, each
// with its file and JSON pointer and what to do. (formData arrays keep every format: see
// formdata-collection.ts, which runs before this.)
import { toPointer } from '../json-pointer.ts';
import { SvcgenInputError } from './errors.ts';
import { parameters } from './fixes.ts';

type Doc = Record<string, any>;

function unconvertible(parameter: Doc): boolean {
  const format = parameter.collectionFormat;
  if (parameter.in === 'formData' || parameter.in === 'body') return false;
  return format === 'tsv' || ((format === 'ssv' || format === 'pipes') && parameter.in !== 'query');
}

/** Throws for the first parameter whose collectionFormat has no OpenAPI 3 form, naming where it is. */
export function refuseUnconvertibleCollections(swagger: Doc, file: string): void {
  // The shared definitions first (one nobody references is converted all the same), then every
  // parameter the operations list.
  const shared = swagger.parameters !== null && typeof swagger.parameters === 'object' ? Object.entries(swagger.parameters as Doc) : [];
  const listed = [...shared.map(([name, node]) => ({ node: node as Doc, pointer: toPointer(['parameters', name]) })), ...parameters(swagger)];
  for (const { node, pointer } of listed) {
    if (node === null || typeof node !== 'object' || !unconvertible(node)) continue;
    throw new SvcgenInputError(
      { file, pointer: `${pointer}/collectionFormat` },
      `collectionFormat ${node.collectionFormat} on the ${node.in} parameter '${node.name}' has no OpenAPI 3 form (tsv has none anywhere; ssv and pipes only in a query or a form body), so no client can be generated to send it; declare it csv or multi in a source-stage overlay (x-svcgen-stage: source) in specs/overlays/ if the API accepts that`,
    );
  }
}
