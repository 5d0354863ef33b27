// The follow-up log's SQL: invitations' reported states and the calls made.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { followUps, invitations, users } from '../db/schema.ts';

/** Every invitation of the round with its reported state, in invitation order. */
export const invitationStates = (tx: Tx, roundId: string) =>
  tx
    .select({ id: invitations.id, uscc: invitations.uscc, stratum: invitations.stratum, status: invitations.reportedStatus })
    .from(invitations)
    .where(eq(invitations.roundId, roundId))
    .orderBy(asc(invitations.id));

/** The calls and visits to these invitations with who made them, oldest first. */
export const callsTo = (tx: Tx, invitationIds: number[]) =>
  tx
    .select({ f: followUps, by: users.displayName })
    .from(followUps)
    .innerJoin(users, eq(users.id, followUps.createdBy))
    .where(inArray(followUps.invitationId, invitationIds))
    .orderBy(asc(followUps.at), asc(followUps.id));

export const insertFollowUp = (tx: Tx, values: typeof followUps.$inferInsert) => tx.insert(followUps).values(values);
