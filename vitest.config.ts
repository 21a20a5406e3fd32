import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The embedded store and the extractor are CPU-bound; two workers match the 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
  },
});
