// Browser tests share one demo database (registries plus four published quarters and an open one,
// made through the real code paths once, ~20 s); each test file loads its own copy.
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '#server/db/client.ts';
import { seedDemo } from '#server/demo/seed.ts';

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
  const dump = await (db as unknown as { pglite: { dumpDataDir(c: 'none'): Promise<Blob> } }).pglite.dumpDataDir('none');
  await db.close();
  const file = join(tmpdir(), `pingyi-demo-template-${process.pid}.tar`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDemoTemplate', file);
}
