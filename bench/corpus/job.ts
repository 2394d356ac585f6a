// The corpus's view of one spec: what the one-off generate writes, plus the TypeScript rendering
// of the zod module (the shipped schemas.js has no types to check) and openapi-typescript's
// types-only output of the same document, the peer measured beside us.
import { loadVendor } from '../../generator/load/index.ts';
import { buildApiModel } from '../../generator/model/index.ts';
import { typingDocument } from '../../generator/model/typing-document.ts';
import { emitVendor } from '../../generator/emit/index.ts';
import { emitZodModule } from '../../generator/emit/zod.ts';
import type { VendorJob } from '../../generator/vendor-job.ts';

export interface CorpusJobResult {
  /** File name inside the vendor folder → contents. */
  files: [string, string][];
  zodTs: string;
  operations: number;
  /** The effective document, for request sampling (Prism stage). */
  document: Record<string, any>;
  model: ReturnType<typeof buildApiModel>;
  /** The repairs the loader made and lists (the manifest's `fixes`). */
  fixes: Awaited<ReturnType<typeof loadVendor>>['fixes'];
}

export async function corpusJob(job: VendorJob): Promise<CorpusJobResult> {
  const loaded = await loadVendor(job.vendor, { root: job.root, ...(job.mirror ? { mirror: job.mirror } : {}), download: false });
  const model = buildApiModel(loaded);
  const typing = typingDocument(loaded.document, model);
  const emitted = await emitVendor(model, loaded.document, typing.document);
  const zodTs = emitZodModule(model, loaded.document).ts;
  return { files: [...emitted.files], zodTs, operations: model.operations.length, document: loaded.document, model, fixes: loaded.fixes };
}
