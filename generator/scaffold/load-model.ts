// The scaffold reads the same model `svcgen generate` builds (same config, same include/exclude),
// so every route it writes calls a function that generated/<vendor>/operations.js really exports.
import { resolve } from 'node:path';
import { loadConfig } from '../config/load-config.ts';
import { listVendors, loadVendor, SvcgenInputError } from '../load/index.ts';
import { buildApiModel } from '../model/index.ts';
import type { ApiModel } from '../model/types.ts';

export interface ScaffoldModel {
  model: ApiModel;
  /** The effective OpenAPI document, for resolving parameter schemas. */
  document: Record<string, any>;
  /** Absolute folder of the generated vendor files (`<root>/generated/<vendor>`). */
  generatedDir: string;
}

export async function loadScaffoldModel(options: { root: string; vendor: string; configFile?: string; generatedDir?: string }): Promise<ScaffoldModel> {
  const root = resolve(options.root);
  const { config } = await loadConfig(root, options.configFile);
  const known = await listVendors(root);
  if (!known.includes(options.vendor)) {
    throw new SvcgenInputError({ file: '--vendor' }, `unknown vendor '${options.vendor}' (specs/lock.json pins: ${known.join(', ')})`);
  }
  const mirror = config.specMirror ? resolve(root, config.specMirror) : undefined;
  const loaded = await loadVendor(options.vendor, {
    root,
    ...(mirror ? { mirror } : {}),
    ...(config.download === false ? { download: false } : {}),
  });
  const vendorConfig = config.vendors?.[options.vendor] ?? {};
  const model = buildApiModel(loaded, {
    ...(vendorConfig.include ? { include: vendorConfig.include } : {}),
    ...(vendorConfig.exclude ? { exclude: vendorConfig.exclude } : {}),
    ...(vendorConfig.policy ? { policy: vendorConfig.policy as never } : {}),
  });
  const out = resolve(root, options.generatedDir ?? config.out ?? 'generated');
  return { model, document: loaded.document, generatedDir: resolve(out, options.vendor) };
}
