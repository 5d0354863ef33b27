// The enterprise's side: open a link, save drafts, submit once. Submitting is one statement and
// idempotent by submission id; the response row carries nothing that points back to the invitation.
import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { cityDay } from '../../shared/city-day.ts';
import type { Scale } from '../../shared/results/scale.ts';
import { linksWork } from '../../shared/round-lifecycle.ts';
import { checkSubmission, type Draft, type Submission, type SurveyState, type SurveyView } from '../../shared/survey.ts';
import type { Db, Tx } from '../db/client.ts';
import { invitations, responses } from '../db/schema.ts';
import { Conflict, Gone, Invalid, NotFound } from '../errors.ts';
import { roundDepartmentRows } from '../rounds/rounds.queries.ts';
import { settleDeadline } from '../rounds/rounds.service.ts';
import { findByToken, storeSubmission, type Found } from './survey.queries.ts';

export const ORGANISER = { zh: '仙桃市优化营商环境工作领导小组办公室', en: 'Xiantao Business Environment Office' };

// A round's departments cannot change once it is open, so each submission need not read them again.
const openRoundDepartments = new Map<string, number[]>();
async function departmentIdsOf(tx: Tx, roundId: string) {
  let ids = openRoundDepartments.get(roundId);
  if (!ids) {
    ids = (await roundDepartmentRows(tx, roundId)).map((d) => d.departmentId);
    if (openRoundDepartments.size > 100) openRoundDepartments.clear();
    openRoundDepartments.set(roundId, ids);
  }
  return ids;
}

function stateOf(found: NonNullable<Found>, now: Date): SurveyState {
  if (found.kind === 'revoked' || found.invitation.status === 'replaced') return 'revoked';
  if (found.invitation.submittedAt) return 'submitted';
  const r = found.round;
  if (['draft', 'pool_frozen', 'drawn'].includes(r.status) || (r.status === 'open' && now < r.opensAt)) return 'not_open';
  return linksWork(r.status, r.closesAt, now) ? 'open' : 'closed';
}

const unknownLink = () => new NotFound('This survey link is not valid. Please check the link you received.');

export async function openSurvey(db: Db, token: string, now: Date): Promise<SurveyView> {
  return db.transaction(async (tx) => {
    const found = await findByToken(tx, token, 'withDraft');
    if (!found) throw unknownLink();
    // Past its deadline the round is closed for everyone; stateOf already treats it so.
    if (found.round.status === 'open' && found.round.closesAt <= now) await settleDeadline(tx, found.round.id, now);
    const state = stateOf(found, now);
    const inv = found.kind === 'invitation' ? found.invitation : null;
    // Opening changes nothing but "opened" (chat apps prefetch links; only submit spends one).
    if (inv && state === 'open' && inv.status === 'not_opened') {
      await tx.update(invitations).set({ status: 'opened', openedAt: now }).where(eq(invitations.id, inv.id));
    }
    const showForm = state === 'open';
    const depts = showForm ? await roundDepartmentRows(tx, found.round.id) : [];
    return {
      state,
      round: { id: found.round.id, opensAt: found.round.opensAt.toISOString(), closesAt: found.round.closesAt.toISOString() },
      organiser: ORGANISER,
      scale: found.round.scale as Scale,
      departments: depts.map((d) => ({ id: d.departmentId, code: d.code, nameZh: d.nameZh, nameEn: d.nameEn, category: d.category })),
      votesLimit: found.round.votesLimit,
      submittedAt: inv?.submittedAt?.toISOString() ?? null,
      draft: showForm ? ((inv?.draft as Draft | null) ?? null) : null,
      draftSavedAt: showForm ? (inv?.draftSavedAt?.toISOString() ?? null) : null,
    };
  });
}

function refuse(state: SurveyState): never {
  switch (state) {
    case 'submitted': throw new Conflict('This survey has already been submitted. Thank you!', undefined, 'already_submitted');
    case 'revoked': throw new Gone('This link has been replaced and no longer works.', 'link_revoked');
    case 'closed': throw new Gone('This survey has closed.', 'survey_closed');
    case 'not_open': throw new Conflict('This survey is not open yet.', undefined, 'survey_not_open');
    default: throw new Error(`unexpected state ${state}`);
  }
}

export async function saveDraft(db: Db, token: string, draft: Draft, now: Date) {
  return db.transaction(async (tx) => {
    const found = await findByToken(tx, token, 'forUpdate');
    if (!found) throw unknownLink();
    const state = stateOf(found, now);
    if (state !== 'open' || found.kind !== 'invitation') refuse(state);
    await tx.update(invitations).set({ draft, draftSavedAt: now, status: 'drafted', openedAt: found.invitation.openedAt ?? now })
      .where(eq(invitations.id, found.invitation.id));
    return { savedAt: now.toISOString() };
  });
}

export function makeReceipts(secret: string) {
  const key = Buffer.from(hkdfSync('sha256', secret, 'pingyi', 'receipts-v1', 32));
  const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  return (tokenHash: string, submissionId: string) => {
    const bytes = createHmac('sha256', key).update(`${tokenHash}\n${submissionId}`).digest();
    let code = '';
    for (let i = 0; i < 12; i++) code += ALPHABET[bytes[i]! % 32];
    return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
  };
}
export const hashReceipt = (receipt: string) => createHash('sha256').update(receipt.trim().toUpperCase()).digest('hex');

/**
 * Submits once: checks first, then one guarded statement stores everything or nothing (see
 * storeSubmission); when it stores nothing, the link's state now says why.
 */
export async function submitSurvey(db: Db, receiptFor: ReturnType<typeof makeReceipts>, token: string, s: Submission, now: Date, timeZone: string) {
  const found = await findByToken(db, token);
  if (!found) throw unknownLink();
  const retry = sameSubmission(found, s, receiptFor);
  if (retry) return retry;
  const state = stateOf(found, now);
  if (state !== 'open' || found.kind !== 'invitation') refuse(state);
  const { invitation: inv, round, attributes } = found;
  const problems = checkSubmission(s, { departmentIds: await departmentIdsOf(db, round.id), votesLimit: round.votesLimit });
  if (problems.length) throw new Invalid(problems.map((p) => p.message).join('; '), problems, 'invalid_response');

  const receipt = receiptFor(inv.tokenHash, s.submissionId);
  const at = now.toISOString();
  const stored = await storeSubmission(db, {
    invitationId: inv.id, tokenHash: inv.tokenHash, roundId: round.id, at, day: cityDay(now, timeZone), submissionId: s.submissionId, attributes,
    comment: s.comment?.trim() || null, receiptHash: hashReceipt(receipt),
    ratings: s.ratings.map((r) => ({ d: r.departmentId, l: r.level, c: r.level === 'not_applicable' ? null : r.comment?.trim() || null })),
    leastSatisfied: s.leastSatisfied,
  });
  if (stored) return { receipt, submittedAt: at };

  // Someone got there first (the same submission sent twice, another one, a replacement, the deadline).
  const now2 = await findByToken(db, token);
  if (!now2) throw unknownLink();
  const same = sameSubmission(now2, s, receiptFor);
  if (same) return same;
  const after = stateOf(now2, now);
  refuse(after === 'open' ? 'submitted' : after);
}

/** A retry after a lost reply: the same answer, nothing new. */
function sameSubmission(found: NonNullable<Found>, s: Submission, receiptFor: ReturnType<typeof makeReceipts>) {
  if (found.kind !== 'invitation' || found.invitation.submissionId !== s.submissionId || !found.invitation.submittedAt) return null;
  return { receipt: receiptFor(found.invitation.tokenHash, s.submissionId), submittedAt: found.invitation.submittedAt.toISOString() };
}

export async function receiptCounted(db: Db, roundId: string, receipt: string) {
  const [row] = await db.select({ id: responses.id }).from(responses)
    .where(and(eq(responses.roundId, roundId), eq(responses.receiptHash, hashReceipt(receipt))));
  return { counted: !!row };
}
