// The follow-up log (跟进记录): the office's calls and visits to a drawn enterprise, and the AAPOR
// dispositions and rates they feed. Reads the invitations' reported states only (../invitations/reported.ts)
// and never an answer.
import { chooseReplacement } from '#shared/draw/draw.ts';
import { dispositionOf } from '#shared/follow-ups/disposition.ts';
import { maskPhone } from '#shared/follow-ups/mask-phone.ts';
import type { FollowUpOutcome } from '#shared/follow-ups/vocabulary.ts';
import { transitionError } from '#shared/round-lifecycle.ts';
import type { Role } from '#shared/schemas/common.ts';
import type { FollowUp, FollowUpBody, FollowUpLog, FollowUpSummary } from '#shared/schemas/follow-ups.ts';
import type { RoundStatus } from '#shared/schemas/rounds.ts';
import { appendAudit } from '../audit/audit.writer.ts';
import { type ServiceContext, userIn } from '../context.ts';
import type { Tx } from '../db/client.ts';
import type { invitations } from '../db/schema.ts';
import { NotFound } from '../errors.ts';
import { lockInvitation } from '../invitations/invitations.service.ts';
import { findRound } from '../rounds/rounds.queries.ts';
import { lockRoundFor } from '../rounds/rounds.service.ts';
import { backupEntries, replacementsIn } from '../draw/draw.queries.ts';
import * as q from './follow-ups.queries.ts';

export interface FollowUpCase {
  invitationId: number;
  uscc: string;
  stratum: string;
  status: (typeof invitations.$inferSelect)['reportedStatus'];
  entries: (FollowUp & { outcome: FollowUpOutcome })[];
}

/** Every invitation of the round with its reported state and its calls, oldest call first. */
export async function followUpCases(tx: Tx, roundId: string, role: Role): Promise<FollowUpCase[]> {
  const rows = await q.invitationStates(tx, roundId);
  const calls = rows.length
    ? await q.callsTo(
        tx,
        rows.map((r) => r.id),
      )
    : [];
  const byInvitation = new Map<number, FollowUpCase['entries']>();
  for (const { f, by } of calls) {
    const entry = {
      id: f.id,
      channel: f.channel as FollowUp['channel'],
      outcome: f.outcome as FollowUpOutcome,
      note: f.note,
      phone: role === 'admin' ? f.phone : maskPhone(f.phone),
      createdBy: by,
      at: f.at.toISOString(),
    };
    byInvitation.set(f.invitationId, [...(byInvitation.get(f.invitationId) ?? []), entry]);
  }
  return rows.map((r) => ({
    invitationId: r.id,
    uscc: r.uscc,
    stratum: r.stratum,
    status: r.status,
    entries: byInvitation.get(r.id) ?? [],
  }));
}

export const caseDisposition = (c: FollowUpCase) => dispositionOf({ status: c.status, outcomes: c.entries.map((e) => e.outcome) });

/** For the follow-up list: each invitation's disposition and last call. */
export async function followUpSummaries({ tx: db }: ServiceContext, { roundId }: { roundId: string }): Promise<FollowUpSummary[]> {
  if (!(await findRound(db, roundId))) throw new NotFound(`No round ${roundId}`);
  return (await followUpCases(db, roundId, 'admin')).map((c) => ({
    uscc: c.uscc,
    ...caseDisposition(c),
    calls: c.entries.length,
    last: c.entries.at(-1) ?? null,
  }));
}

/** Whether a backup can come in for this firm now: only for a firm found gone, while the round takes replacements. */
async function replacementFor(
  tx: Tx,
  roundId: string,
  roundStatus: RoundStatus,
  c: FollowUpCase,
  disposition: string,
): Promise<FollowUpLog['replacement']> {
  if (c.status === 'replaced') return 'done';
  if (disposition !== 'ineligible') return 'not_needed';
  if (transitionError(roundStatus, 'replace')) return 'not_now';
  const [backupRows, used] = await Promise.all([backupEntries(tx, roundId), replacementsIn(tx, roundId)]);
  const chosen = chooseReplacement({
    out: c.uscc,
    stratum: c.stratum,
    used: new Set(used.map((u) => u.uscc)),
    backups: backupRows.map((b) => ({ uscc: b.uscc, stratum: b.stratum, ticket: b.ticket, order: b.backupOrder! })),
  });
  return chosen ? 'offered' : 'not_now';
}

async function logOf(tx: Tx, roundId: string, roundStatus: RoundStatus, uscc: string, role: Role): Promise<FollowUpLog> {
  const c = (await followUpCases(tx, roundId, role)).find((x) => x.uscc === uscc);
  if (!c) throw new NotFound(`${uscc} is not invited in round ${roundId}`);
  const d = caseDisposition(c);
  return {
    uscc,
    ...d,
    entries: c.entries,
    replacement: role === 'admin' ? await replacementFor(tx, roundId, roundStatus, c, d.disposition) : 'not_now',
  };
}

/** The log as the context's user may read it (an admin sees the numbers, a supervisor their masks). */
export async function followUpLog(
  ctx: ServiceContext,
  { roundId, roundStatus, uscc }: { roundId: string; roundStatus: RoundStatus; uscc: string },
) {
  return logOf(ctx.tx, roundId, roundStatus, uscc, userIn(ctx).role);
}

/** Records one call or visit; refused (by the reported state) once the firm has submitted or been replaced. */
export async function recordFollowUp(
  { tx: db, actor, now }: ServiceContext,
  { roundId, uscc, followUp: body }: { roundId: string; uscc: string; followUp: FollowUpBody },
) {
  return db.transaction(async (tx) => {
    const round = await lockRoundFor(tx, roundId, 'follow_up', now);
    const inv = await lockInvitation(tx, roundId, uscc);
    await q.insertFollowUp(tx, {
      invitationId: inv.id,
      channel: body.channel,
      outcome: body.outcome,
      note: body.note || null,
      phone: body.phone ?? null,
      createdBy: actor.id!,
      at: now,
    });
    // Neither the note nor the number: the log is the admin's; the audit says who called whom and what came of it.
    await appendAudit(
      tx,
      actor,
      {
        action: 'invitation.follow_up',
        entityType: 'round',
        entityId: roundId,
        summary: { uscc, channel: body.channel, outcome: body.outcome },
      },
      now,
    );
    return logOf(tx, roundId, round.status as RoundStatus, uscc, 'admin');
  });
}
