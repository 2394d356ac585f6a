// types.ts of a vendor: openapi-typescript's output for the typing document (see
// model/typing-document.ts), behind our header.
import openapiTS, { astToString } from 'openapi-typescript';
import { fileHeader } from './header.ts';

export async function emitTypes(typingDocument: Record<string, unknown>, vendor: string): Promise<string> {
  const ast = await openapiTS(typingDocument as never, {
    silent: true,
    // Vendors add response fields without notice; optional-by-spec stays optional.
    alphabetize: false,
  });
  return fileHeader(vendor, 'Types of every path, operation and schema, by openapi-typescript.') + '\n' + astToString(ast);
}
