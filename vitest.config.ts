import { defineConfig } from 'vitest/config';

// One vitest project per suite so each `npm run test:<suite>` runs alone; `npm test` runs all.
// The workerd suite runs inside the real Workers runtime and has its own config.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'contract', include: ['test/contract/**/*.test.ts'], testTimeout: 600_000, hookTimeout: 600_000 } },
      { test: { name: 'soak', include: ['test/soak/**/*.test.ts'], testTimeout: 300_000 } },
      { test: { name: 'webhooks', include: ['test/webhooks/**/*.test.ts'], testTimeout: 300_000 } },
      { test: { name: 'differential', include: ['test/differential/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000 } },
      'test/workerd/vitest.config.mts',
    ],
  },
});
