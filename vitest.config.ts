import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll waits for a condition; its 1 s default is a race on a busy 2-core machine. A deadline guard, not a measure.
    expect: { poll: { timeout: 30_000, interval: 50 } },
    // The embedded store and the extractor are CPU-bound; two workers match the 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
    // A worker keeps its loaded modules from one test file to the next: loading the server's TypeScript again
    // for every file was over half the suite's time. Files must leave no state behind (they close what they
    // open and restore process.env); module constants are shared, which nothing here relies on changing.
    isolate: false,
    projects: [
      {
        extends: true,
        test: {
          name: 'suite',
          sequence: { groupOrder: 0 },
          include: ['test/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
        },
      },
      {
        // After every other file (a later group): checks what the whole run executed.
        extends: true,
        test: {
          name: 'after-suite',
          include: ['test/meta/*.check.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
