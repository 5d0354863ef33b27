// Creates the first administrators on a real deployment:
//   npm run create-admin -- --role security <username> "<display name>"   the security administrator (安全管理员),
//                                                                        who creates every other account on 账号管理
//   npm run create-admin -- <username> "<display name>"                  the admin running rounds (--role admin)
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
import { safeErrorText } from '../database-errors.ts';

/** The administrators a console may create; every other account is the security administrator's to make. */
const CLI_ROLES = { admin: 'Admin', security: 'Security administrator' } as const;
type CliRole = keyof typeof CLI_ROLES;

export async function createAdmin(argv: string[], env = process.env): Promise<number> {
  const at = argv.indexOf('--role');
  const roleArg = at >= 0 ? argv[at + 1] : 'admin';
  const args = at >= 0 ? argv.filter((_, i) => i !== at && i !== at + 1) : argv;
  const [username, displayName = username] = args;
  if (!username || !/^[a-z0-9._-]{3,50}$/i.test(username) || !roleArg || !(roleArg in CLI_ROLES)) {
    console.error(
      'usage: npm run create-admin -- [--role admin|security] <username> ["display name"]   (username: 3–50 letters, digits, . _ -)',
    );
    return 2;
  }
  const role = roleArg as CliRole;
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
    const now = new Date();
    await database.db.transaction(async (tx) => {
      // The password typed here is the holder's own; like any, it lets the account decide a day later.
      const user = await insertUser(tx, { username, displayName: displayName!, role, passwordHash, ownPasswordSince: now });
      await appendAudit(
        tx,
        SYSTEM_ACTOR,
        { action: 'user.create', entityType: 'user', entityId: user.id, summary: { after: { username, role } } },
        now,
      );
    });
    console.log(`${CLI_ROLES[role]} "${username}" created.`);
    return 0;
  } finally {
    await database.close();
  }
}

async function prompt(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
// A database failure prints its SQLSTATE, never the statement or its parameters (a password hash).
if (invokedDirectly)
  process.exitCode = await createAdmin(process.argv.slice(2)).catch((err: unknown) => {
    console.error(safeErrorText(err));
    return 1;
  });
