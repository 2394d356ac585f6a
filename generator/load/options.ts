import path from 'node:path';

export interface LoadOptions {
  /** Project root: where specs/lock.json and specs/overlays/ live. */
  root: string;
  /** Spec mirror. Default: $SVCGEN_SPEC_MIRROR, else ../shared/specs beside the root. */
  mirror?: string;
  /** When a file is missing from the mirror, fetch the lock's `url` (default true). */
  download?: boolean;
  /** Injectable for tests. */
  fetch?: typeof fetch;
  /** Downloaded files and the parse cache. Default: <root>/.svcgen-cache (git-ignored). */
  cacheDir?: string;
}

export interface ResolvedOptions {
  root: string;
  mirror: string;
  download: boolean;
  /** Undefined means the global fetch, looked up only when a download happens (Node loads it lazily). */
  fetch: typeof fetch | undefined;
  cacheDir: string;
}

export function resolveOptions(options: LoadOptions): ResolvedOptions {
  const root = path.resolve(options.root);
  const mirrorSetting = options.mirror ?? process.env.SVCGEN_SPEC_MIRROR;
  return {
    root,
    mirror: mirrorSetting ? path.resolve(root, mirrorSetting) : path.resolve(root, '../shared/specs'),
    download: options.download ?? true,
    fetch: options.fetch,
    cacheDir: path.resolve(root, options.cacheDir ?? process.env.SVCGEN_CACHE_DIR ?? '.svcgen-cache'),
  };
}
