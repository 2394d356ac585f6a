// Bindings every Worker made by `svcgen init` declares (wrangler.jsonc, src/env.ts) and reads
// (src/platform.ts, src/index.ts, the wired routes files); secrets come from the routes files.
export const PLATFORM_BINDINGS = ['SHARED_LIMITER', 'WEBHOOK_DEDUPE', 'WEBHOOK_QUEUE', 'CACHE', 'ANALYTICS'];
