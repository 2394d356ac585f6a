// types.d.ts of a vendor (declarations only, so a consumer's type-checker reads it lazily): openapi-typescript's output for the typing document (see
// model/typing-document.ts), behind our header.
//
// openapi-typescript's `openapiTS()` runs Redocly's lint and bundle over the document before it
// types it: two more walks of the whole document (each resolving every ref), Redocly's whole
// library loaded in every thread that emits, and a JSON text of the document held meanwhile.
// The loader has already validated the document and resolved every file into one with local refs
// only, on which bundling changes nothing, so this calls openapi-typescript's transform on it
// directly, with the context `openapiTS()` builds; test/unit/types/openapi-typescript-parity.test.ts
// checks the output against `openapiTS()` itself.
import type { GlobalContext, OpenAPI3, OpenAPITSOptions } from 'openapi-typescript';
import transformSchema from 'openapi-typescript/dist/transform/index.mjs';
import { resolveRef, scanDiscriminators } from 'openapi-typescript/dist/lib/utils.mjs';
import { astToString } from 'openapi-typescript/dist/lib/ts.mjs';
import { fileHeader, type Provenance } from './header.ts';
import { keepOwnDiscriminatorProperty, withNullTolerantHelpers, withSelfReferencingSchemaAliases } from './types-repairs.ts';
import { rawContentType } from './types-raw-content.ts';
import { marksReadWrite } from '../model/read-write.ts';

// defaultNonNullable (openapi-typescript's default: on) makes every property with a `default`
// required in component schemas, so a request type would demand fields the spec leaves optional.
// Off, a property is required exactly when the spec's `required` says so, in requests and responses.
// transform renders the raw request bodies the typing document marks (model/raw-body.ts) as what
// the client sends: a string, Blob, ArrayBuffer or typed array.
export const TYPES_OPTIONS = { silent: true, defaultNonNullable: false, postTransform: keepOwnDiscriminatorProperty, transform: rawContentType } as const satisfies OpenAPITSOptions;

/** TYPES_OPTIONS for one document, with read/write markers where it has readOnly or writeOnly properties (model/read-write.ts). */
export function typesOptions(document: Record<string, unknown>, readWriteMarkers = marksReadWrite(document)): typeof TYPES_OPTIONS & { readonly readWriteMarkers: boolean } {
  return { ...TYPES_OPTIONS, readWriteMarkers };
}

/** `openapiTS()`'s context for typesOptions() (openapi-typescript 7.x), every other option at its default. */
function transformContext(schema: OpenAPI3, readWriteMarkers: boolean): GlobalContext {
  const options = typesOptions(schema as unknown as Record<string, unknown>, readWriteMarkers);
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: TYPES_OPTIONS.defaultNonNullable,
    discriminators: scanDiscriminators(schema, TYPES_OPTIONS),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: TYPES_OPTIONS.postTransform,
    propertiesRequiredByDefault: false,
    // Read only by lint and bundle, which this path skips.
    redoc: undefined as never,
    silent: TYPES_OPTIONS.silent,
    inject: undefined,
    transform: TYPES_OPTIONS.transform,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: options.readWriteMarkers,
    resolve: ($ref) => resolveRef(schema, $ref, { silent: TYPES_OPTIONS.silent }),
  };
}

/** `readWriteMarkers`: marksReadWrite(typingDocument), when the caller has it already. */
export async function emitTypes(typingDocument: Record<string, unknown>, vendor: string, readWriteMarkers = marksReadWrite(typingDocument), provenance?: Provenance): Promise<string> {
  const schema = typingDocument as unknown as OpenAPI3;
  const ast = transformSchema(schema, transformContext(schema, readWriteMarkers));
  return fileHeader(vendor, 'Types of every path, operation and schema, by openapi-typescript.', provenance) + '\n' + astToString(withSelfReferencingSchemaAliases(withNullTolerantHelpers(ast)));
}
