// One vendor's whole generation, load → model → emit, as a pure job: plain data in, file contents
// and manifest entry out. The same function runs in-process or in a worker thread.
import { loadVendor } from './load/index.ts';
import { buildApiModel } from './model/index.ts';
import { typingDocument } from './model/typing-document.ts';
import { emptyPathValues } from './model/empty-path-values.ts';
import { bracketedQueryParameters } from './model/bracketed-query.ts';
import { operationServers, unresolvedOperationServers } from './model/operation-servers.ts';
import { emitVendor } from './emit/index.ts';
import { compare } from './emit/zod/validators.ts';
import type { VendorConfig } from './config/schema.ts';
import { sha256 } from './write/hash.ts';
import type { VendorManifest } from './write/manifest.ts';
import type { Provenance } from './model/types.ts';

export interface VendorJob {
  vendor: string;
  root: string;
  mirror?: string;
  download?: boolean;
  inputs: string;
  config: VendorConfig;
  /** Named in the files' headers; a project's lock when absent. */
  provenance?: Provenance;
}

export interface VendorJobResult {
  vendor: string;
  /** path relative to the output folder → contents */
  files: [string, string][];
  manifest: VendorManifest;
  operations: number;
  renamed: number;
  stages: { stage: string; ms: number }[];
}

export async function runVendorJob(job: VendorJob): Promise<VendorJobResult> {
  const stages: { stage: string; ms: number }[] = [];
  let t = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    stages.push({ stage, ms: now - t });
    t = now;
  };
  const loaded = await loadVendor(job.vendor, {
    root: job.root,
    ...(job.mirror ? { mirror: job.mirror } : {}),
    ...(job.download === false ? { download: false } : {}),
  });
  lap('load');
  const model = buildApiModel(loaded, {
    ...(job.config.include ? { include: job.config.include } : {}),
    ...(job.config.exclude ? { exclude: job.config.exclude } : {}),
    ...(job.config.policy ? { policy: job.config.policy as never } : {}),
  });
  if (job.provenance) model.provenance = job.provenance;
  const typing = typingDocument(loaded.document, model);
  lap('model');
  const emitted = await emitVendor(model, loaded.document, typing.document);
  lap('emit');
  const files: [string, string][] = [...emitted.files].map(([name, content]) => [`${job.vendor}/${name}`, content]);
  const manifest: VendorManifest = {
    inputs: job.inputs,
    specs: loaded.specs,
    overlays: loaded.overlays,
    operations: model.operations.length,
    omittedOperations: model.omitted,
    operationsFromOverlays: model.operations.filter((o) => o.source === 'overlay').map((o) => o.id),
    renamed: model.renamed,
    componentRenames: loaded.componentRenames,
    fixes: loaded.fixes,
    clientSuppliedHeaders: typing.adjustments.clientSuppliedHeaders,
    clientSuppliedParameters: typing.adjustments.clientSuppliedParameters,
    optionalIdempotencyFields: typing.adjustments.optionalIdempotencyFields,
    emptyPathValues: emptyPathValues(model.operations),
    bracketedQueryParameters: bracketedQueryParameters(loaded.document, model.operations),
    operationServers: operationServers(model.operations),
    unresolvedOperationServers: unresolvedOperationServers(model.operations),
    rawContentBodies: typing.adjustments.rawContentBodies,
    blobResponses: typing.adjustments.blobResponses,
    textResponses: typing.adjustments.textResponses,
    translatedPatterns: [...emitted.patterns.translated].map(([from, to]) => ({ from, to })).sort((a, b) => compare(a.from, b.from)),
    uncheckedPatterns: [...emitted.patterns.unchecked].map(([pattern, reason]) => ({ pattern, reason })).sort((a, b) => compare(a.pattern, b.pattern)),
    webhookEvents: model.webhooks?.events.length ?? 0,
    files: Object.fromEntries(files.map(([rel, content]) => [rel, sha256(content)])),
  };
  return { vendor: job.vendor, files, manifest, operations: model.operations.length, renamed: model.renamed.length, stages };
}
