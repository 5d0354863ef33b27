// One upload of bench/import.ts in a process of its own: opens the database the earlier steps left,
// starts the app and warms the import worker, then measures the one upload from there
// and prints its figures as a JSON line.
import { openDatabase, type DatabaseTarget } from '#server/db/client.ts';
import { adminCookie, startApp } from './fixtures.ts';
import { upload } from './import.ts';

const {
  database: target,
  step,
  file,
  warm,
} = JSON.parse(process.argv[2]!) as { database: DatabaseTarget; step: 'preview' | 'apply'; file: string; warm: string };
const database = await openDatabase(target);
const { app, base } = await startApp(database);
try {
  const cookie = await adminCookie(database.db, base);
  // The worker starts once and stays warm, as on a server that has imported before.
  await upload(base, cookie, 'preview', warm);
  const figures = await upload(base, cookie, step, file);
  console.log(JSON.stringify(figures));
} finally {
  await app.close();
  await database.close();
}
