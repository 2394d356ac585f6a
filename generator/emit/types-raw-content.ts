// The type of a raw request body taken as content (model/raw-body.ts), which the typing document
// marks: what runtime/encoding/raw.ts sends as given. openapi-typescript alone writes the spec's
// schema there (an object for an application/x-yaml document, `string` for a `format: binary`
// upload), which the client refuses or which refuses a Blob. A success body the client reads as
// bytes is typed as the Blob it resolves with (model/typing-document.ts).
import ts from 'typescript';
import { BLOB_MARK, RAW_CONTENT_MARK } from '../model/typing-document.ts';

const RAW_CONTENT = ts.factory.createUnionTypeNode([
  ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
  ...['Blob', 'ArrayBuffer', 'ArrayBufferView'].map((name) => ts.factory.createTypeReferenceNode(name)),
]);

const BLOB = ts.factory.createTypeReferenceNode('Blob');

/**
 * openapi-typescript's `transform` hook: the content type for a marked schema (a raw request body,
 * or `Blob` for a success body read as bytes), else openapi-typescript's own.
 */
export function rawContentType(schema: object): ts.TypeNode | undefined {
  const marks = schema as Record<string, unknown>;
  if (marks[RAW_CONTENT_MARK] === true) return RAW_CONTENT;
  return marks[BLOB_MARK] === true ? BLOB : undefined;
}
