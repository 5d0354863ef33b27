// The breakdowns' SQL: the groups and tallies made as answers left the ballot box.
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { breakdownGroups, breakdownTallies, invitations } from '../db/schema.ts';

export const breakdownGroupsOf = (tx: Tx, roundId: string) => tx.select().from(breakdownGroups).where(eq(breakdownGroups.roundId, roundId));

export const breakdownTalliesOf = (tx: Tx, roundId: string) =>
  tx.select().from(breakdownTallies).where(eq(breakdownTallies.roundId, roundId));

export const submittedCount = (tx: Tx, roundId: string) =>
  tx.$count(invitations, and(eq(invitations.roundId, roundId), eq(invitations.status, 'submitted')));
