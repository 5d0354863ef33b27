// The thin shell: read config, open and migrate the database, seed the demo, listen, close gracefully.
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { safeErrorText } from './database-errors.ts';
import { openConfiguredDatabase } from './db/open.ts';
import { DEMO_PASSWORD, isEmpty, seedDemo } from './demo/seed.ts';

/** `webReady`: the web build `npm start` runs meanwhile (scripts/start.ts); the app serves it once it is done. */
export async function startServer(opts: { webReady?: Promise<void> } = {}) {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  let logins: Awaited<ReturnType<typeof seedDemo>> | null = null;
  if (config.demo && (await isEmpty(database.db)))
    logins = await seedDemo(database.db, new Date(), { secret: config.jwtSecret, timeZone: config.city.timeZone });
  await opts.webReady;

  const app = await buildApp({ database, config, serveWeb: true });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    try {
      await app.close();
    } finally {
      await database.close(); // an unclosed PGlite can fail to reopen
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${(app.server.address() as { port: number }).port}`;
  const db = database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  console.log(`\n评议 Pingyi is running at ${url}  (database: ${db})`);
  if (config.demo) {
    console.log(`Demo logins (password for all: ${DEMO_PASSWORD}):`);
    console.log('  admin       — 营商办管理员 (runs rounds)');
    console.log('  leader      — 市领导 (dashboards, read-only)');
    console.log('  supervisor  — 纪委监委 (everything incl. audit log, read-only)');
    console.log('  head.<code> — 部门主要负责人, e.g. head.scjgj, head.cgj, head.ctgs');
    console.log('  org, org2   — 组织部 (cadre points; two reviewers for four-eyes approval)');
    console.log('  security    — 安全管理员 (accounts: create, reset, deactivate; nothing else)');
    if (logins) console.log(`  (seeded ${logins.length} demo logins into the empty database)`);
  }
  console.log(`API docs: ${url}/api/docs\n`);
}

export function exitOnStartFailure(err: unknown): never {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(safeErrorText(err));
  process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) startServer().catch(exitOnStartFailure);
