// types.d.ts of a vendor (declarations only, so a consumer's type-checker reads it lazily): openapi-typescript's output for the typing document (see
// model/typing-document.ts), behind our header.
import openapiTS, { astToString } from 'openapi-typescript';
import { createConfig } from '@redocly/openapi-core';
import { fileHeader } from './header.ts';

// openapi-typescript lints every document with Redocly's recommended rules before it types it.
// The loader has already validated the document (refs, operations, parameters), so an empty rule
// set skips a repeat that costs a few hundred ms of CPU on a spec of a few MB.
let lintFree: ReturnType<typeof createConfig> | undefined;

export async function emitTypes(typingDocument: Record<string, unknown>, vendor: string): Promise<string> {
  lintFree ??= createConfig({ rules: {} } as never);
  // defaultNonNullable (openapi-typescript's default: on) makes every property with a `default`
  // required in component schemas, so a request type would demand fields the spec leaves optional.
  // Off, a property is required exactly when the spec's `required` says so, in requests and responses.
  const ast = await openapiTS(typingDocument as never, { silent: true, redocly: await lintFree, defaultNonNullable: false });
  return fileHeader(vendor, 'Types of every path, operation and schema, by openapi-typescript.') + '\n' + astToString(ast);
}
