// All files of one vendor, from its model. Each emitter is a pure function; this module only
// decides which files exist and what they are called.
import type { ApiModel } from '../model/types.ts';
import { emitClient } from './client.ts';
import { emitOperations } from './operations.ts';
import { emitTypes } from './types.ts';
import { emitRoutes } from './routes.ts';
import { emitWebhooks } from './webhooks.ts';
import { marksReadWrite } from '../model/read-write.ts';
import { emitZodModule } from './zod.ts';
import type { PatternNotes } from './zod/pattern.ts';
import { emitIndex } from './barrel.ts';

export interface VendorFiles {
  /** file name inside generated/<vendor>/ → contents */
  files: Map<string, string>;
  /** The spec's patterns the validators check rewritten in JavaScript's syntax, or do not check. */
  patterns: PatternNotes;
}

export async function emitVendor(model: ApiModel, document: Record<string, any>, typingDocument: Record<string, any>): Promise<VendorFiles> {
  const files = new Map<string, string>();
  const readWriteMarkers = marksReadWrite(typingDocument);
  files.set('types.d.ts', await emitTypes(typingDocument, model.vendor, readWriteMarkers, model.provenance));
  files.set('client.ts', emitClient(model, document));
  const operations = emitOperations(model, document);
  files.set('operations.js', operations.js);
  files.set('operations.d.ts', operations.dts);
  const schemas = emitZodModule(model, document);
  files.set('schemas.js', schemas.js);
  files.set('schemas.d.ts', schemas.dts);
  if (model.webhooks) {
    files.set('webhooks.ts', emitWebhooks({ vendor: model.vendor, displayName: model.displayName, webhooks: model.webhooks, readWriteMarkers, provenance: model.provenance }));
    files.set('routes.ts', emitRoutes(model));
  }
  files.set('index.ts', emitIndex(model, [...files.keys()]));
  return { files: new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1))), patterns: schemas.patterns };
}
