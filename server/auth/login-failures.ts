// The login throttle's failure books in the database (login_failures), shared by every replica: failures
// counted through one process lock the account on all of them. Keys are HMACs (shared-limits.ts).
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { loginFailures } from '../db/schema.ts';
import type { KeyHasher } from '../http/shared-limits.ts';
import { FORGET_AFTER_MS, type FailureBook, type FailureBooks } from './login-throttle.ts';

export function dbFailureBooks(db: Db, hash: KeyHasher, now: () => number): FailureBooks {
  return (book, waitAfter): FailureBook => {
    const where = (key: string) => and(eq(loginFailures.book, book), eq(loginFailures.key, hash(key)));
    return {
      async wait(key) {
        const [row] = await db.select({ lockedUntil: loginFailures.lockedUntil }).from(loginFailures).where(where(key));
        return row ? row.lockedUntil.getTime() - now() : 0;
      },
      async fail(key) {
        const t = new Date(now());
        const forgotten = new Date(t.getTime() - FORGET_AFTER_MS);
        // The upsert locks the row, so concurrent failures through several replicas each count.
        await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(loginFailures)
            .values({ book, key: hash(key), failures: 1, lockedUntil: t, lastFailure: t })
            .onConflictDoUpdate({
              target: [loginFailures.book, loginFailures.key],
              set: {
                failures: sql`case when ${loginFailures.lastFailure} >= ${forgotten.toISOString()}::timestamptz then ${loginFailures.failures} + 1 else 1 end`,
                lastFailure: t,
              },
            })
            .returning({ failures: loginFailures.failures });
          await tx
            .update(loginFailures)
            .set({ lockedUntil: new Date(t.getTime() + waitAfter(row!.failures)) })
            .where(where(key));
        });
      },
      async clear(key) {
        await db.delete(loginFailures).where(where(key));
      },
    };
  };
}

/** Drops failure counts that are forgotten anyway (an hour old, no wait left). */
export async function sweepLoginFailures(db: Db, now: Date) {
  await db
    .delete(loginFailures)
    .where(and(lt(loginFailures.lastFailure, new Date(now.getTime() - FORGET_AFTER_MS)), lt(loginFailures.lockedUntil, now)));
}
