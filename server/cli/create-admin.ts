// Creates the first admin on a real deployment:  npm run create-admin -- <username> "<display name>"
// The password is read from PINGYI_ADMIN_PASSWORD or prompted for (never passed as an argument).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline/promises';
import { SYSTEM_ACTOR, appendAudit } from '../audit/audit.writer.ts';
import { hashPassword } from '../auth/password.ts';
import { loadConfig } from '../config.ts';
import { openConfiguredDatabase } from '../db/open.ts';
import { checkNewPassword, verdictText } from '../users/password-check.ts';
import { findUserByUsername, insertUser } from '../users/users.queries.ts';

export async function createAdmin(args: string[], env = process.env): Promise<number> {
  const [username, displayName = username] = args;
  if (!username || !/^[a-z0-9._-]{3,50}$/i.test(username)) {
    console.error('usage: npm run create-admin -- <username> ["display name"]   (username: 3–50 letters, digits, . _ -)');
    return 2;
  }
  const password = env.PINGYI_ADMIN_PASSWORD ?? (await prompt(`Password for ${username}: `));
  const database = await openConfiguredDatabase(loadConfig(env));
  try {
    const verdict = await checkNewPassword(database.db, { username, displayName: displayName! }, password, new Date());
    if (verdict.problems.length) {
      console.error(`The password is not acceptable: ${await verdictText(verdict)}.`);
      return 2;
    }
    if (await findUserByUsername(database.db, username)) {
      console.error(`A user named "${username}" already exists; nothing changed.`);
      return 1;
    }
    const passwordHash = await hashPassword(password);
    await database.db.transaction(async (tx) => {
      const user = await insertUser(tx, { username, displayName: displayName!, role: 'admin', passwordHash });
      await appendAudit(tx, SYSTEM_ACTOR, { action: 'user.create', entityType: 'user', entityId: user.id, summary: { after: { username, role: 'admin' } } }, new Date());
    });
    console.log(`Admin "${username}" created.`);
    return 0;
  } finally {
    await database.close();
  }
}

async function prompt(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try { return (await rl.question(question)).trim(); } finally { rl.close(); }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) process.exitCode = await createAdmin(process.argv.slice(2));
