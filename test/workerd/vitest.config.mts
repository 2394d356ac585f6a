// The workerd suite: tests run inside the real Workers runtime (miniflare + workerd) through
// @cloudflare/vitest-plugin, against the Worker in ./worker.ts and its Durable Object.
import { fileURLToPath } from 'node:url';
import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Keep Vite's cache beside the project's other caches rather than in test/workerd/node_modules.
  cacheDir: fileURLToPath(new URL('../../node_modules/.vite/workerd', import.meta.url)),
  // `svcgen/runtime` (imported by the generated code under test) resolves to the runtime's sources,
  // as in tsconfig.base.json: transformed by vite (not externalized) with the svcgen-source
  // condition; the package's default condition would pick the compiled dist/ (stale or absent).
  ssr: { noExternal: ['svcgen'], resolve: { conditions: ['svcgen-source', 'workerd', 'worker', 'module', 'browser', 'development|production'] } },
  plugins: [cloudflareTest({ wrangler: { configPath: fileURLToPath(new URL('./wrangler.jsonc', import.meta.url)) } })],
  test: {
    name: 'workerd',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['**/*.test.ts'],
    // Scaffolds the acme fixture's client-backed routes for scaffolded-routes.test.ts.
    globalSetup: ['./scaffolded-worker.setup.ts'],
  },
});
