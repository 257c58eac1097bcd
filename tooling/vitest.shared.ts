import { defineConfig } from 'vitest/config';

/**
 * Shared vitest settings. The `@cdf/source` condition resolves workspace packages to their
 * TypeScript source, so tests of one package never run against a stale build of another.
 */
const conditions = ['@cdf/source', 'module', 'node', 'import', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['node', 'import', 'default'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'threads',
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
