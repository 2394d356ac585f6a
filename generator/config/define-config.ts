import type { SvcgenConfig } from './schema.ts';

/** Typed identity for `svcgen.config.ts`: `export default defineConfig({ ... })`. */
export function defineConfig(config: SvcgenConfig): SvcgenConfig {
  return config;
}

export type { SvcgenConfig, VendorConfig } from './schema.ts';
