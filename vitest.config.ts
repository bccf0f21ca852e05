import { defineConfig } from 'vitest/config';

// One runner for every kind of test; the file suffix says where a test runs (../shared/style.md):
// x.test.ts node, x.idb.test.ts fake-indexeddb, x.pg.test.ts PGlite/PostgreSQL, x.dom.test.tsx jsdom,
// test/e2e/*.test.ts the built PWA in Chromium.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    exclude: ['node_modules', 'dist', 'test/bench/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
