// The type of a raw request body taken as content (model/raw-body.ts), which the typing document
// marks: what runtime/encoding/raw.ts sends as given. openapi-typescript alone writes the spec's
// schema there (an object for an application/x-yaml document, `string` for a `format: binary`
// upload), which the client refuses or which refuses a Blob.
import ts from 'typescript';
import { RAW_CONTENT_MARK } from '../model/typing-document.ts';

const RAW_CONTENT = ts.factory.createUnionTypeNode([
  ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
  ...['Blob', 'ArrayBuffer', 'ArrayBufferView'].map((name) => ts.factory.createTypeReferenceNode(name)),
]);

/** openapi-typescript's `transform` hook: the content type for a marked schema, else openapi-typescript's own. */
export function rawContentType(schema: object): ts.TypeNode | undefined {
  return (schema as Record<string, unknown>)[RAW_CONTENT_MARK] === true ? RAW_CONTENT : undefined;
}
