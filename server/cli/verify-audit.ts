// Walks the audit log's hash chain and reports the first broken link:  npm run verify-audit
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { verifyAuditChain } from '../audit/audit.writer.ts';
import { loadConfig } from '../config.ts';
import { openConfiguredDatabase } from '../db/open.ts';

export async function verifyAuditCli(env = process.env): Promise<number> {
  const database = await openConfiguredDatabase(loadConfig(env));
  try {
    const result = await verifyAuditChain(database.db);
    if (result.ok) {
      console.log(`audit log intact: ${result.entries} entries, every link verifies`);
      return 0;
    }
    console.log(`audit log BROKEN at entry ${result.brokenAt ?? '(none)'}: ${result.reason} (${result.entries} entries read)`);
    return 1;
  } finally {
    await database.close();
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) process.exitCode = await verifyAuditCli();
