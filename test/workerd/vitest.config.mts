// The workerd suite: tests run inside the real Workers runtime (miniflare + workerd) through
// @cloudflare/vitest-plugin, against the Worker in ./worker.ts and its Durable Object.
import { fileURLToPath } from 'node:url';
import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Keep Vite's cache beside the project's other caches rather than in test/workerd/node_modules.
  cacheDir: fileURLToPath(new URL('../../node_modules/.vite/workerd', import.meta.url)),
  plugins: [cloudflareTest({ wrangler: { configPath: fileURLToPath(new URL('./wrangler.jsonc', import.meta.url)) } })],
  test: {
    name: 'workerd',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['**/*.test.ts'],
    // Scaffolds the acme fixture's client-backed routes for scaffolded-routes.test.ts.
    globalSetup: ['./scaffolded-worker.setup.ts'],
  },
});
