// Accounts: the security administrator creates them with a one-time password, changes role or
// department, deactivates and resets; every change that alters what a person may do ends their open
// sessions. All of it audited. A one-time password is one someone else knows: until its holder has
// replaced it (and a day has passed, see shared/accounts/decide-wait.ts) the account decides nothing.
import type { AccountCreate, AccountPatch } from '#shared/schemas/users.ts';
import { appendAudit } from '../audit/audit.writer.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import type { ServiceContext } from '../context.ts';
import { Conflict, Invalid, NotFound, Unauthorized } from '../errors.ts';
import { oneTimePassword } from './one-time-password.ts';
import { checkNewPassword, weakPassword } from './password-check.ts';
import * as q from './users.queries.ts';

export async function listAccounts({ tx: db }: ServiceContext) {
  const [rows, logins] = await Promise.all([q.listUsers(db), q.lastLogins(db)]);
  return rows.map((r) => q.toAccount(r, logins.get(r.id) ?? null));
}

export async function getAccount({ tx: db }: ServiceContext, { id }: { id: number }) {
  const row = await q.findUserById(db, id);
  if (!row) throw new NotFound(`No account ${id}`);
  return q.toAccount(row, (await q.lastLogins(db, id)).get(id) ?? null);
}

export async function createAccount({ tx: db, actor, now }: ServiceContext, input: AccountCreate) {
  const password = oneTimePassword(input.username);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    // A raced duplicate is caught by the unique index and answered 409 naming the username.
    const row = await q.insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      departmentId: input.departmentId ?? null,
      passwordHash,
      mustChangePassword: true,
    });
    const after = { username: row.username, displayName: row.displayName, role: row.role, departmentId: row.departmentId };
    await appendAudit(tx, actor, { action: 'user.create', entityType: 'user', entityId: row.id, summary: { after } }, now);
    return { user: q.toAccount(row), oneTimePassword: password };
  });
}

export async function updateAccount({ tx: db, actor, now }: ServiceContext, { id, patch }: { id: number; patch: AccountPatch }) {
  return db.transaction(async (tx) => {
    const before = await q.findUserById(tx, id, { lock: true });
    if (!before) throw new NotFound(`No account ${id}`);
    const role = patch.role ?? before.role;
    const departmentId =
      patch.departmentId !== undefined ? patch.departmentId : patch.role !== undefined && role !== 'dept_head' ? null : before.departmentId;
    if (role === 'dept_head' && departmentId === null)
      throw new Invalid('departmentId: a department head needs a department', { fields: ['departmentId'] }, 'department_required');
    const changes = { displayName: patch.displayName, role, departmentId, active: patch.active };
    const changed = Object.fromEntries(
      Object.entries(changes).filter(([k, v]) => v !== undefined && v !== before[k as keyof typeof before]),
    );
    if (actor.id === id && ('role' in changed || changed.active === false)) {
      throw new Conflict(
        'You cannot change your own role or deactivate yourself; ask another security administrator',
        undefined,
        'own_account',
      );
    }
    if (Object.keys(changed).length === 0) return q.toAccount(before);
    // What a person may see or do changed: their open sessions end now, not when the cookie expires.
    const endSessions = 'role' in changed || 'departmentId' in changed || changed.active === false;
    const after = await q.updateUser(tx, id, changed, endSessions);
    await appendAudit(
      tx,
      actor,
      {
        action: changed.active === false ? 'user.deactivate' : 'user.update',
        entityType: 'user',
        entityId: id,
        summary: {
          username: before.username,
          before: Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof typeof before]])),
          after: changed,
          sessionsEnded: endSessions,
        },
      },
      now,
    );
    return q.toAccount(after);
  });
}

export async function resetPassword({ tx: db, actor, now }: ServiceContext, { id }: { id: number }) {
  if (actor.id === id)
    throw new Conflict('Change your own password under your name (POST /auth/password), not by a reset', undefined, 'own_account');
  const existing = await q.findUserById(db, id);
  if (!existing) throw new NotFound(`No account ${id}`);
  const password = oneTimePassword(existing.username);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const row = await q.updateUser(tx, id, { passwordHash, mustChangePassword: true, ownPasswordSince: null }, true);
    await appendAudit(
      tx,
      actor,
      { action: 'user.password_reset', entityType: 'user', entityId: id, summary: { username: row.username, sessionsEnded: true } },
      now,
    );
    return { user: q.toAccount(row), oneTimePassword: password };
  });
}

/** A person's own change: the current password proves it is them; other sessions end, this one is renewed. */
export async function changeOwnPassword(
  { tx: db, actor, now }: ServiceContext,
  { id, current, next }: { id: number; current: string; next: string },
) {
  const user = await q.findUserById(db, id);
  if (!user?.active) throw new Unauthorized();
  if (!(await verifyPassword(user.passwordHash, current)))
    throw new Invalid('The current password is wrong', { fields: ['currentPassword'] }, 'wrong_password');
  if (next === current)
    throw new Invalid('The new password must differ from the current one', { fields: ['newPassword'] }, 'password_unchanged');
  const verdict = await checkNewPassword(db, user, next, now);
  if (verdict.problems.length) throw await weakPassword(verdict);
  const passwordHash = await hashPassword(next);
  return db.transaction(async (tx) => {
    // Replacing a password someone else set starts the day before this account may decide again;
    // later changes of one's own keep that time (they are not someone else's password).
    const ownPasswordSince = user.ownPasswordSince ?? now;
    const row = await q.updateUser(tx, id, { passwordHash, mustChangePassword: false, ownPasswordSince }, true);
    await appendAudit(
      tx,
      actor,
      { action: 'auth.password_change', entityType: 'user', entityId: id, summary: { username: row.username, sessionsEnded: true } },
      now,
    );
    return row;
  });
}
