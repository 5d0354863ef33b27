// The enterprise's side: open a link, save drafts, submit once. Submitting marks the invitation and
// drops the answer into the ballot box in one statement, idempotent by submission id; nothing stored
// with the answer points back to the invitation, and the receipt code exists only on the enterprise's page.
import { cityDay } from '#shared/city-day.ts';
import type { ReasonCode, ReasonEntry } from '#shared/reasons.ts';
import type { Scale } from '#shared/results/scale.ts';
import { receiptHash } from '#shared/receipt.ts';
import { actualClose, linksWork } from '#shared/round-lifecycle.ts';
import { checkSubmission, type Draft, type Submission, type SurveyState, type SurveyView } from '#shared/survey.ts';
import type { ServiceContext } from '../context.ts';
import type { Tx } from '../db/client.ts';
import { Conflict, Gone, Invalid, NotFound } from '../errors.ts';
import { roundDepartmentRows } from '../rounds/rounds.queries.ts';
import type { BoxedAnswer } from './ballot-box.ts';
import { openDraft, sealDraft } from './draft-seal.ts';
import { isReceiptCounted, isReceiptHashStored, randomReceipt } from './receipts.ts';
import { findByToken, markInvitationOpened, storeDraft, storeSubmission, type Found } from './survey.queries.ts';

// A round's departments cannot change once it is open, so each submission need not read them again.
// Kept per database: one process may hold several (test files share a worker process), each with its own rounds.
const openRoundDepartments = new WeakMap<Tx, Map<string, number[]>>();
async function departmentIdsOf(tx: Tx, roundId: string) {
  let cache = openRoundDepartments.get(tx);
  if (!cache) openRoundDepartments.set(tx, (cache = new Map()));
  let ids = cache.get(roundId);
  if (!ids) {
    ids = (await roundDepartmentRows(tx, roundId)).map((d) => d.departmentId);
    if (cache.size > 100) cache.clear();
    cache.set(roundId, ids);
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

const reasonsOf = (round: { reasons: unknown }) => round.reasons as ReasonEntry[];

const unknownLink = () => new NotFound('This survey link is not valid. Please check the link you received.');

// The survey's callers are the public: `ctx.user` is null and nothing here is audited. These run per
// page load, draft and submission, so the context is read as it comes and nothing more is looked up.

/** The view without its issuer, which the route adds from the configuration. */
export async function openSurvey({ tx: db, now }: ServiceContext, { token }: { token: string }): Promise<Omit<SurveyView, 'issuer'>> {
  return db.transaction(async (tx) => {
    const found = await findByToken(tx, token, 'withDraft');
    if (!found) throw unknownLink();
    // Past its deadline the round is closed for everyone (stateOf); the close job seals it, not this read.
    const state = stateOf(found, now);
    const inv = found.kind === 'invitation' ? found.invitation : null;
    // A read only: the page records "opened" with markOpened once the questions are on screen.
    const showForm = state === 'open';
    const depts = showForm ? await roundDepartmentRows(tx, found.round.id) : [];
    return {
      state,
      round: {
        id: found.round.id,
        opensAt: found.round.opensAt.toISOString(),
        closesAt: found.round.closesAt.toISOString(),
        closedAt:
          state === 'closed' ? actualClose(found.round.closesAt.toISOString(), found.round.closedAt?.toISOString() ?? null).at : null,
      },
      scale: found.round.scale as Scale,
      departments: depts.map((d) => ({ id: d.departmentId, code: d.code, nameZh: d.nameZh, nameEn: d.nameEn, category: d.category })),
      votesLimit: found.round.votesLimit,
      reasons: reasonsOf(found.round).map((r) => ({ code: r.code, label: { zh: r.labelZh, en: r.labelEn } })),
      submittedAt: inv?.submittedAt ?? null,
      draft: showForm && inv ? openDraft(token, inv.sealedDraft) : null,
      draftSavedAt: showForm ? (inv?.draftSavedAt?.toISOString() ?? null) : null,
    };
  });
}

/**
 * The page shows the questions: "opened", once, and only from "not opened" (a draft or a submission
 * already says more, and a state never goes back). Anything else is a harmless no-op, so a retried or
 * late call (the round closed, the link replaced or submitted meanwhile) changes nothing. Chat apps
 * prefetch links with a GET, which now records nothing; only a page that ran sends this.
 */
export async function markOpened(
  { tx: db, now, zone }: ServiceContext,
  { token, found: read }: { token: string; found?: Record<string, unknown>[] },
): Promise<void> {
  const found = await findByToken(db, token, 'plain', read);
  if (!found) throw unknownLink();
  if (found.kind !== 'invitation' || found.invitation.status !== 'not_opened' || stateOf(found, now) !== 'open') return;
  await markInvitationOpened(db, { invitationId: found.invitation.id, roundId: found.round.id, now, day: cityDay(now, zone) });
}

function refuse(state: SurveyState): never {
  switch (state) {
    case 'submitted':
      throw new Conflict('This survey has already been submitted. Thank you!', undefined, 'already_submitted');
    case 'revoked':
      throw new Gone('This link has been replaced and no longer works.', 'link_revoked');
    case 'closed':
      throw new Gone('This survey has closed.', 'survey_closed');
    case 'not_open':
      throw new Conflict('This survey is not open yet.', undefined, 'survey_not_open');
    default:
      throw new Error(`unexpected state ${state}`);
  }
}

export async function saveDraft({ tx: db, now, zone }: ServiceContext, { token, draft }: { token: string; draft: Draft }) {
  return db.transaction(async (tx) => {
    const found = await findByToken(tx, token, 'forUpdate');
    if (!found) throw unknownLink();
    const state = stateOf(found, now);
    if (state !== 'open' || found.kind !== 'invitation') refuse(state);
    await storeDraft(tx, found.invitation.id, {
      sealed: sealDraft(token, draft),
      now,
      openedOn: found.invitation.openedAt ? null : cityDay(now, zone),
    });
    return { savedAt: now.toISOString() };
  });
}

/**
 * Submits once: checks first, then one guarded statement boxes the answer or nothing (see
 * storeSubmission); when it stores nothing, the link's state now says why. `found`: the link's rows
 * if the route read them already (with its limits, findRider). The page sends the hash of
 * a receipt code it made and keeps; a client that sends none gets a random code in this reply only.
 */
export async function submitSurvey(
  { tx: db, now, zone }: ServiceContext,
  { token, submission: s, found: read }: { token: string; submission: Submission; found?: Record<string, unknown>[] },
): Promise<{ receipt: string | null; submittedAt: string }> {
  const found = await findByToken(db, token, 'plain', read);
  if (!found) throw unknownLink();
  const retry = sameSubmission(found, s);
  if (retry) return retry;
  const state = stateOf(found, now);
  if (state !== 'open' || found.kind !== 'invitation') refuse(state);
  const { invitation: inv, round, attributes } = found;
  const problems = checkSubmission(s, {
    departmentIds: await departmentIdsOf(db, round.id),
    votesLimit: round.votesLimit,
    reasonCodes: reasonsOf(round).map((r) => r.code),
  });
  if (problems.length) throw new Invalid(problems.map((p) => p.message).join('; '), problems, 'invalid_response');

  const serverReceipt = s.receiptHash ? null : randomReceipt();
  const hash = s.receiptHash ?? receiptHash(serverReceipt!);
  const answer: BoxedAnswer = {
    // Reasons only when given (checkSubmission allows them with 不满意 alone), so most ratings stay { d, l, c }.
    ratings: s.ratings.map((r) => ({
      d: r.departmentId,
      l: r.level,
      c: r.level === 'not_applicable' ? null : r.comment?.trim() || null,
      ...(r.reasons?.length ? { r: r.reasons as ReasonCode[] } : {}),
    })),
    votes: s.leastSatisfied,
    comment: s.comment?.trim() || null,
    strata: { township: attributes.township, industry: attributes.industry, size: attributes.sizeClass },
  };
  const day = cityDay(now, zone);
  const stored = await storeSubmission(db, {
    invitationId: inv.id,
    tokenHash: inv.tokenHash,
    roundId: round.id,
    at: now.toISOString(),
    day,
    submissionId: s.submissionId,
    receiptHash: hash,
    answer,
  });
  if (stored) return { receipt: serverReceipt, submittedAt: day };

  // Someone got there first (the same submission sent twice, another one, a replacement, the deadline).
  const now2 = await findByToken(db, token);
  if (!now2) throw unknownLink();
  const same = sameSubmission(now2, s);
  if (same) return same;
  const after = stateOf(now2, now);
  if (after === 'open') {
    if (await isReceiptHashStored(db, round.id, hash))
      throw new Conflict('This receipt code is already in use: reload the page for a new one', undefined, 'receipt_in_use');
    refuse('submitted');
  }
  refuse(after);
}

/** A retry after a lost reply: the same answer, nothing new. The page still has its own receipt code. */
function sameSubmission(found: NonNullable<Found>, s: Submission) {
  if (found.kind !== 'invitation' || found.invitation.submissionId !== s.submissionId || !found.invitation.submittedAt) return null;
  return { receipt: null, submittedAt: found.invitation.submittedAt };
}

export async function receiptCounted({ tx }: ServiceContext, { roundId, receipt }: { roundId: string; receipt: string }) {
  return { counted: await isReceiptCounted(tx, roundId, receipt) };
}
