// Browser tests share one demo database (registries plus four published quarters and an open one,
// made through the real code paths once, ~20 s); each test file loads its own copy.
import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '#server/db/client.ts';
import { seedDemo } from '#server/demo/seed.ts';
import { writePgliteTemplate } from './global-setup.ts';

declare module 'vitest' {
  interface ProvidedContext {
    pgliteDemoTemplate: string;
  }
}

/** The app's secret in browser tests: demo links are derived from it, so it must match. */
export const E2E_SECRET = 'e2e-secret-e2e-secret-e2e-secret-123456';

export default async function setup(project: TestProject) {
  const db = await openDatabase({ kind: 'pglite' });
  await seedDemo(db.db, new Date(), { secret: E2E_SECRET });
  const file = await writePgliteTemplate(db, 'demo-template');
  project.provide('pgliteDemoTemplate', file);
  return () => rm(file, { force: true });
}
