import { defineConfig } from 'vitest/config';

// Three tiers (see style.md): pure unit tests, API/DB tests on a fresh database per file,
// and browser tests in Chromium against a real server.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', 'node_modules/**'],
          // Property tests run thousands of cases: on a busy 2-core machine the 5 s default cries wolf.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'api',
          include: ['test/api/**/*.test.ts', 'server/**/*.db.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Needs PostgreSQL (DATABASE_URL): what only a real server can show, such as an outage.
        test: {
          name: 'pg',
          include: ['test/pg/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Needs PostgreSQL (DATABASE_URL): two app processes on one database (replicas behind a balancer).
        test: {
          name: 'replicas',
          include: ['test/replicas/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/e2e-global-setup.ts'],
          // Ceilings, not waits: a passing test never sits them out. Each wait is for a state the user sees
          // (test/support/e2e.ts STATE_TIMEOUT for a single state; the whole test and its set-up get more).
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // expect.poll re-reads until the page shows the value (the default, 1 s, is a guess about the machine).
          expect: { poll: { timeout: 30_000, interval: 100 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
