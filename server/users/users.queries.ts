import { and, asc, eq, max, sql } from 'drizzle-orm';
import { decidesFrom } from '#shared/accounts/decide-wait.ts';
import type { Tx } from '../db/client.ts';
import { auditLog, users } from '../db/schema.ts';

type Row = typeof users.$inferSelect;
export const toAccount = (r: Row, lastLoginAt: Date | null = null) => ({
  id: r.id,
  username: r.username,
  displayName: r.displayName,
  role: r.role,
  departmentId: r.departmentId,
  active: r.active,
  mustChangePassword: r.mustChangePassword,
  createdAt: r.createdAt.toISOString(),
  lastLoginAt: lastLoginAt?.toISOString() ?? null,
  decidesFrom: decidesFrom(r.ownPasswordSince)?.toISOString() ?? null,
});

/** Each account's latest sign-in, from the audit log (which records every one): user id → time. */
export async function lastLogins(tx: Tx, userId?: number): Promise<Map<number, Date>> {
  const rows = await tx
    .select({ id: auditLog.entityId, at: max(auditLog.at) })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'auth.login'), userId === undefined ? undefined : eq(auditLog.entityId, String(userId))))
    .groupBy(auditLog.entityId);
  return new Map(rows.filter((r) => r.at).map((r) => [Number(r.id), r.at!]));
}

export const findUserByUsername = async (tx: Tx, username: string) =>
  (await tx.select().from(users).where(eq(users.username, username)))[0];

export const findUserById = async (tx: Tx, id: number, opts: { lock?: boolean } = {}) => {
  const query = tx.select().from(users).where(eq(users.id, id));
  return (await (opts.lock ? query.for('update') : query))[0];
};

export const listUsers = (tx: Tx) => tx.select().from(users).orderBy(asc(users.role), asc(users.username));

export type NewUser = typeof users.$inferInsert;
export const insertUser = async (tx: Tx, user: NewUser) => (await tx.insert(users).values(user).returning())[0]!;

/** Applies a change; `endSessions` raises the session version so every open session of the user ends. */
export const updateUser = async (tx: Tx, id: number, patch: Partial<NewUser>, endSessions: boolean) =>
  (
    await tx
      .update(users)
      .set({ ...patch, ...(endSessions ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}) })
      .where(eq(users.id, id))
      .returning()
  )[0]!;
