// The draw's SQL: the frozen pool, the drawn entries, the first invitations and the replacements.
import { and, asc, eq } from 'drizzle-orm';
import type { StratifyBy } from '#shared/schemas/rounds.ts';
import type { Tx } from '../db/client.ts';
import { drawEntries, enterprises, invitations, replacements, roundPool } from '../db/schema.ts';

const STRATUM_COLUMN = { township: enterprises.township, industry: enterprises.industry, size: enterprises.sizeClass } as const;

/** The active enterprises with the value they are stratified by (their USCC when not stratified). */
export const activeEnterprises = (tx: Tx, stratifyBy: StratifyBy | null) =>
  tx
    .select({ id: enterprises.id, uscc: enterprises.uscc, stratum: stratifyBy ? STRATUM_COLUMN[stratifyBy] : enterprises.uscc })
    .from(enterprises)
    .where(eq(enterprises.active, true));

/** The enterprises invited in a round (sampled or brought in as replacements). */
export async function invitedUsccs(tx: Tx, roundId: string): Promise<string[]> {
  const rows = await tx.select({ uscc: invitations.uscc }).from(invitations).where(eq(invitations.roundId, roundId));
  return rows.map((r) => r.uscc);
}

export const insertPool = (tx: Tx, rows: (typeof roundPool.$inferInsert)[]) => tx.insert(roundPool).values(rows);

export const poolOf = (tx: Tx, roundId: string) =>
  tx.select().from(roundPool).where(eq(roundPool.roundId, roundId)).orderBy(asc(roundPool.uscc));

/** The pool as the draw record publishes it: USCC and stratum only. */
export const publishedPool = (tx: Tx, roundId: string) =>
  tx
    .select({ uscc: roundPool.uscc, stratum: roundPool.stratum })
    .from(roundPool)
    .where(eq(roundPool.roundId, roundId))
    .orderBy(asc(roundPool.uscc));

export const insertDrawEntries = (tx: Tx, rows: (typeof drawEntries.$inferInsert)[]) => tx.insert(drawEntries).values(rows);

export const drawEntriesOf = (tx: Tx, roundId: string) => tx.select().from(drawEntries).where(eq(drawEntries.roundId, roundId));

export const insertInvitations = (tx: Tx, rows: (typeof invitations.$inferInsert)[]) => tx.insert(invitations).values(rows);

export const replacementsOf = (tx: Tx, roundId: string) =>
  tx.select().from(replacements).where(eq(replacements.roundId, roundId)).orderBy(asc(replacements.id));

export const backupEntries = (tx: Tx, roundId: string) =>
  tx
    .select()
    .from(drawEntries)
    .where(and(eq(drawEntries.roundId, roundId), eq(drawEntries.kind, 'backup')));

/** The backups already brought in. */
export const replacementsIn = (tx: Tx, roundId: string) =>
  tx.select({ uscc: replacements.inUscc }).from(replacements).where(eq(replacements.roundId, roundId));
