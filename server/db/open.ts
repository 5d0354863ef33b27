import { join } from 'node:path';
import type { Config } from '../config.ts';
import { openDatabase } from './client.ts';

/** The database the configuration points at: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR. */
export const openConfiguredDatabase = (config: Pick<Config, 'databaseUrl' | 'dataDir'>) =>
  openDatabase(
    config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: join(config.dataDir, 'pglite') },
  );
