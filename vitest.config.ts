import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// PGlite's compiled code is shared by every database a worker opens and never freed (server/db/client.ts);
// without WebAssembly code GC nothing of it is freed either while the worker lives. Freeing it amid the
// churn of hundreds of databases once aborted a worker on Node 24 (nodejs/node#64500).
const execArgv = ['--no-wasm-code-gc'];

// Three tiers (see style.md): pure unit tests, API/DB tests on a fresh database per file,
// and browser tests in Chromium against a real server.
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine, where the tests
    // (PGlite runs inside the worker) could use both.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          execArgv,
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', 'node_modules/**'],
          // Pure functions: the files share their worker's loaded modules instead of loading zod, fast-check and
          // shared/ again for each of ~65 files (the project took 16 s instead of 6 on a 2-core machine).
          isolate: false,
          // Property tests run thousands of cases: on a busy 2-core machine the 5 s default cries wolf.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'api',
          execArgv,
          include: ['test/api/**/*.test.ts', 'server/**/*.db.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          // Files share their worker's loaded modules (the server, drizzle, PGlite) instead of loading them again
          // for each of ~80 files; each file still has its own database and app (test/support/app.ts). A file
          // that changes the process (import-files.test.ts: TMPDIR) puts it back.
          isolate: false,
          // A timeout catches a hang; it does not judge speed (stories that compute several quarters took
          // over 30 s on a busy 2-core machine while passing in a few seconds on a quiet one).
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Needs PostgreSQL (DATABASE_URL): what only a real server can show, such as an outage.
        test: {
          name: 'pg',
          execArgv,
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
          execArgv,
          include: ['test/replicas/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          execArgv,
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/e2e-global-setup.ts'],
          // Ceilings, not waits: a passing test never sits them out. Each wait is for a state the user sees
          // (test/support/e2e.ts STATE_TIMEOUT for a single state; the whole test and its set-up get more).
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // expect.poll re-reads until the page shows the value (the default, 1 s, is a guess about the machine).
          expect: { poll: { timeout: 30_000, interval: 100 } },
          // Two files side by side (one per worker): one file leaves about a third of two cores idle while its
          // page waits on the server or the server on the page (Chromium, server and tests: 70% busy); two
          // keep them busy, and the tier took 409 s instead of 477 s on a quiet 2-core Xeon. Files share the
          // worker's loaded modules (the server, playwright), as the API files do; each still starts its own
          // app on its own copy of the demo database and its own Chromium.
          isolate: false,
        },
      },
    ],
  },
});
