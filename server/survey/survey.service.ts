// The enterprise's side: open a link, save drafts, submit once. Submitting is one transaction and
// idempotent by submission id; the response row carries nothing that points back to the invitation.
import { createHash, createHmac, hkdfSync, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Scale } from '../../shared/results/scale.ts';
import { linksWork } from '../../shared/round-lifecycle.ts';
import { checkSubmission, type Draft, type Submission, type SurveyState, type SurveyView } from '../../shared/survey.ts';
import type { Db, Tx } from '../db/client.ts';
import { invitations, responses, rounds } from '../db/schema.ts';
import { Conflict, Gone, Invalid, NotFound } from '../errors.ts';
import { hashToken, looksLikeToken } from '../invitations/tokens.ts';
import { roundDepartmentRows } from '../rounds/rounds.queries.ts';
import { settleDeadline } from '../rounds/rounds.service.ts';

export const ORGANISER = { zh: '仙桃市优化营商环境工作领导小组办公室', en: 'Xiantao Business Environment Office' };

type Attributes = { industry: string | null; sizeClass: string | null; township: string | null };

type InvitationRow = Pick<typeof invitations.$inferSelect, 'id' | 'status' | 'tokenHash' | 'openedAt' | 'submittedAt' | 'submissionId' | 'draftSavedAt'> & { draft?: unknown };
type RoundRow = Pick<typeof rounds.$inferSelect, 'id' | 'status' | 'opensAt' | 'closesAt' | 'votesLimit' | 'scale'>;
type Found =
  | { kind: 'invitation'; invitation: InvitationRow; round: RoundRow; attributes: Attributes }
  | { kind: 'revoked'; round: RoundRow }
  | null;

// Plain SQL on purpose: this runs for every page load, draft and submission (the hot path).
const asDate = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));
const toRound = (r: Record<string, unknown>): RoundRow => ({
  id: r.round_id as string, status: r.round_status as RoundRow['status'], opensAt: asDate(r.opens_at)!, closesAt: asDate(r.closes_at)!,
  votesLimit: Number(r.votes_limit), scale: r.scale,
});
const ROUND_COLUMNS = sql`r.id as round_id, r.status as round_status, r.opens_at, r.closes_at, r.votes_limit, r.scale`;

/**
 * Looks a link up by the SHA-256 of its token (an index lookup, never a string comparison, so timing
 * leaks no prefix). The coarse attributes a response may carry come along in the same query; the
 * jsonb draft only when the form is shown.
 */
async function findByToken(tx: Tx, token: string, opts: { lock?: boolean; withDraft?: boolean } = {}): Promise<Found> {
  const hash = hashToken(looksLikeToken(token) ? token : `invalid:${token}`);
  const { rows: [row] } = (await tx.execute(sql`
    select i.id, i.status, i.token_hash, i.opened_at, i.submitted_at, i.submission_id, i.draft_saved_at,
      ${opts.withDraft ? sql`i.draft` : sql`null as draft`}, ${ROUND_COLUMNS}, e.industry, e.size_class, e.township
    from invitations i join rounds r on r.id = i.round_id left join enterprises e on e.id = i.enterprise_id
    where i.token_hash = ${hash} ${opts.lock ? sql`for update of i` : sql``}`)) as unknown as { rows: Record<string, unknown>[] };
  if (row) {
    return {
      kind: 'invitation',
      invitation: {
        id: Number(row.id), status: row.status as InvitationRow['status'], tokenHash: row.token_hash as string, openedAt: asDate(row.opened_at),
        submittedAt: asDate(row.submitted_at), submissionId: (row.submission_id as string | null) ?? null, draftSavedAt: asDate(row.draft_saved_at),
        draft: row.draft,
      },
      round: toRound(row),
      attributes: { industry: (row.industry as string | null) ?? null, sizeClass: (row.size_class as string | null) ?? null, township: (row.township as string | null) ?? null },
    };
  }
  const { rows: [revoked] } = (await tx.execute(sql`
    select ${ROUND_COLUMNS} from revoked_tokens t join rounds r on r.id = t.round_id where t.token_hash = ${hash}`)) as unknown as { rows: Record<string, unknown>[] };
  return revoked ? { kind: 'revoked', round: toRound(revoked) } : null;
}

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
    const found = await findByToken(tx, token, { withDraft: true });
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
    const found = await findByToken(tx, token, { lock: true });
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
 * Submits once. Checks run first; then a single statement marks the invitation and stores the
 * response, its ratings and its votes, all or nothing. The statement's guard (the invitation still
 * unsubmitted, on this very link, in a round still open) is what makes "one response per invitation"
 * hold under concurrency: a second submit finds nothing to mark and therefore stores nothing.
 */
export async function submitSurvey(db: Db, receiptFor: ReturnType<typeof makeReceipts>, token: string, s: Submission, now: Date) {
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
  const rows = s.ratings.map((r) => ({ d: r.departmentId, l: r.level, c: r.level === 'not_applicable' ? null : r.comment?.trim() || null }));
  // Both drivers answer with { rows }.
  const result = (await db.execute(sql`
    with marked as (
      update invitations set status = 'submitted', submitted_at = ${at}::timestamptz, submission_id = ${s.submissionId}::uuid, draft = null
      where id = ${inv.id} and token_hash = ${inv.tokenHash} and submitted_at is null and status <> 'replaced'
        and exists (select 1 from rounds where id = ${round.id} and status = 'open' and closes_at > ${at}::timestamptz)
      returning id
    ), response as (
      insert into responses (id, round_id, day, industry, size_class, township, comment, receipt_hash)
      select ${randomUUID()}::uuid, ${round.id}, ${at.slice(0, 10)}::date, ${attributes.industry}, ${attributes.sizeClass}, ${attributes.township},
        ${s.comment?.trim() || null}, ${hashReceipt(receipt)} from marked
      returning id
    ), rated as (
      insert into ratings (response_id, round_id, department_id, level, comment)
      select response.id, ${round.id}, x.d, x.l::rating_level, x.c
      from response, jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(d int, l text, c text)
    ), voted as (
      insert into least_satisfied_votes (response_id, round_id, department_id)
      select response.id, ${round.id}, v.d::int from response, jsonb_array_elements_text(${JSON.stringify(s.leastSatisfied)}::jsonb) as v(d)
    )
    select count(*)::int as n from marked`)) as unknown as { rows: { n: number }[] };
  if (Number(result.rows[0]?.n) === 1) return { receipt, submittedAt: at };

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
