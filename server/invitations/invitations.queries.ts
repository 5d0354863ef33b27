// The invitations' SQL: the list with each enterprise, locking one, replacing and regenerating.
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { enterprises, invitations, replacements, revokedTokens, roundPool } from '../db/schema.ts';

/** Every invitation of the round with its enterprise, in invitation order. */
export const invitationsWithEnterprises = (tx: Tx, roundId: string) =>
  tx
    .select({ inv: invitations, e: enterprises })
    .from(invitations)
    .innerJoin(enterprises, eq(enterprises.id, invitations.enterpriseId))
    .where(eq(invitations.roundId, roundId))
    .orderBy(asc(invitations.id));

export const replacementsOf = (tx: Tx, roundId: string) => tx.select().from(replacements).where(eq(replacements.roundId, roundId));

/** One enterprise's invitation, row-locked for a change. */
export async function lockedInvitation(tx: Tx, roundId: string, uscc: string) {
  const [inv] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.roundId, roundId), eq(invitations.uscc, uscc)))
    .for('update');
  return inv;
}

export async function poolEntry(tx: Tx, roundId: string, uscc: string) {
  const [row] = await tx
    .select()
    .from(roundPool)
    .where(and(eq(roundPool.roundId, roundId), eq(roundPool.uscc, uscc)));
  return row;
}

export const insertReplacement = (tx: Tx, values: typeof replacements.$inferInsert) => tx.insert(replacements).values(values);

export const insertInvitation = (tx: Tx, values: typeof invitations.$inferInsert) => tx.insert(invitations).values(values);

/** The admin's own act: reported at once. */
export const markReplaced = (tx: Tx, id: number, now: Date) =>
  tx.update(invitations).set({ status: 'replaced', reportedStatus: 'replaced', replacedAt: now }).where(eq(invitations.id, id));

export const revokeToken = (tx: Tx, values: typeof revokedTokens.$inferInsert) => tx.insert(revokedTokens).values(values);

export const setInvitationToken = (tx: Tx, id: number, generation: number, tokenHash: string) =>
  tx.update(invitations).set({ generation, tokenHash }).where(eq(invitations.id, id));

/** Each invitation's reported state with its enterprise's township and industry (the progress groups). */
export const reportedStates = (tx: Tx, roundId: string) =>
  tx
    .select({
      status: invitations.reportedStatus,
      stratum: invitations.stratum,
      township: enterprises.township,
      industry: enterprises.industry,
    })
    .from(invitations)
    .innerJoin(enterprises, eq(enterprises.id, invitations.enterpriseId))
    .where(eq(invitations.roundId, roundId));
