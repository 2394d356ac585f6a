// index.ts of a vendor: the client, the operations and the webhook helpers. Zod schemas stay a
// separate import (`./schemas.js`) so validation is opt-in and costs nothing when unused.
import type { ApiModel } from '../model/types.ts';
import { TYPES_EXPORTS } from '../model/module-names.ts';
import { fileHeader } from './header.ts';

export function emitIndex(model: ApiModel, fileNames: string[]): string {
  const lines = [
    fileHeader(model.vendor, `Entry point of the ${model.displayName} client.`, model.provenance),
    '',
    "export * from './client.ts';",
    "export * from './operations.js';",
    `export type { ${TYPES_EXPORTS.join(', ')} } from './types.js';`,
  ];
  if (fileNames.includes('webhooks.ts')) lines.push("export * from './webhooks.ts';");
  return lines.join('\n') + '\n';
}
