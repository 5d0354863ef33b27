// The survey's hot path in plain SQL: every page load, draft and submission runs these. Each is a named
// prepared statement, so PostgreSQL plans it once per connection and no query builder runs per call.
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { preparedStatement, type Tx } from '../db/client.ts';
import type { Rider } from '../http/shared-limits.ts';
import { invitations, rounds } from '../db/schema.ts';
import { hashToken, looksLikeToken } from '../invitations/tokens.ts';
import type { BoxedAnswer } from './ballot-box.ts';

type Attributes = { industry: string | null; sizeClass: string | null; township: string | null };
type InvitationRow = Pick<
  typeof invitations.$inferSelect,
  'id' | 'status' | 'tokenHash' | 'openedAt' | 'submittedAt' | 'submissionId' | 'draftSavedAt'
> & { sealedDraft: string | null };
type RoundRow = Pick<
  typeof rounds.$inferSelect,
  'id' | 'status' | 'opensAt' | 'closesAt' | 'closedAt' | 'votesLimit' | 'scale' | 'reasons'
>;
export type Found =
  | { kind: 'invitation'; invitation: InvitationRow; round: RoundRow; attributes: Attributes }
  | { kind: 'revoked'; round: RoundRow }
  | null;

type Row = Record<string, unknown>;
const ROUND_COLUMNS = sql`r.id as round_id, r.status as round_status, r.opens_at, r.closes_at, r.closed_at, r.votes_limit, r.scale, r.dissatisfaction_reasons`;
const hash = sql.placeholder('hash');

const findQuery = (opts: { lock: boolean; withDraft: boolean }) => sql`
  select i.id, i.status, i.token_hash, i.opened_at, i.submitted_at, i.submission_id, i.draft_saved_at,
    ${opts.withDraft ? sql`i.draft` : sql`null as draft`}, ${ROUND_COLUMNS}, e.industry, e.size_class, e.township
  from invitations i join rounds r on r.id = i.round_id left join enterprises e on e.id = i.enterprise_id
  where i.token_hash = ${hash} ${opts.lock ? sql`for update of i` : sql``}`;
const plainFind = findQuery({ lock: false, withDraft: false });
const find = {
  plain: preparedStatement<Row>('survey_find', plainFind),
  withDraft: preparedStatement<Row>('survey_find_with_draft', findQuery({ lock: false, withDraft: true })),
  forUpdate: preparedStatement<Row>('survey_find_for_update', findQuery({ lock: true, withDraft: false })),
};
const findRevoked = preparedStatement<Row>(
  'survey_find_revoked',
  sql`
  select ${ROUND_COLUMNS} from revoked_tokens t join rounds r on r.id = t.round_id where t.token_hash = ${hash}`,
);

const asDay = (v: unknown) =>
  v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
const asDate = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));
const toRound = (r: Row): RoundRow => ({
  id: r.round_id as string,
  status: r.round_status as RoundRow['status'],
  opensAt: asDate(r.opens_at)!,
  closesAt: asDate(r.closes_at)!,
  closedAt: asDate(r.closed_at),
  votesLimit: Number(r.votes_limit),
  scale: r.scale,
  reasons: r.dissatisfaction_reasons ?? [],
});

const hashValues = (token: string) => ({ hash: hashToken(looksLikeToken(token) ? token : `invalid:${token}`) });

/** The plain lookup of a link as a rider of the survey's limits (one round trip for both); its rows go to findByToken. */
export const findRider = (token: string): Rider => ({ name: 'survey_find', query: plainFind, values: hashValues(token) });

/**
 * Looks a link up by the SHA-256 of its token (an index lookup, never a string comparison, so timing
 * leaks no prefix). The coarse attributes a response may carry come along in the same query; the
 * jsonb draft only when the form is shown. `found`: the plain lookup's rows already read (findRider).
 */
export async function findByToken(tx: Tx, token: string, mode: keyof typeof find = 'plain', found?: Row[]): Promise<Found> {
  const values = hashValues(token);
  const [row] = found && mode === 'plain' ? found : await find[mode].run(tx, values);
  if (row) {
    return {
      kind: 'invitation',
      invitation: {
        id: Number(row.id),
        status: row.status as InvitationRow['status'],
        tokenHash: row.token_hash as string,
        openedAt: asDate(row.opened_at),
        submittedAt: asDay(row.submitted_at),
        submissionId: (row.submission_id as string | null) ?? null,
        draftSavedAt: asDate(row.draft_saved_at),
        sealedDraft: (row.draft as string | null) ?? null,
      },
      round: toRound(row),
      attributes: {
        industry: (row.industry as string | null) ?? null,
        sizeClass: (row.size_class as string | null) ?? null,
        township: (row.township as string | null) ?? null,
      },
    };
  }
  const [revoked] = await findRevoked.run(tx, values);
  return revoked ? { kind: 'revoked', round: toRound(revoked) } : null;
}

const p = (name: string) => sql.placeholder(name);
// Marks the invitation (the day only, its draft gone) and drops the answer into the ballot box; the
// responses table is not touched here, so this transaction's id ends up on no answer row. A submission
// implies "opened" (the page's own call may have been lost): the day of opening, never the time of this.
const submit = preparedStatement<{ n: number }>(
  'survey_submit_to_box',
  sql`
  with marked as (
    update invitations set status = 'submitted', submitted_at = ${p('day')}::date, submission_id = ${p('submissionId')}::uuid, draft = null, draft_saved_at = null,
      opened_on = coalesce(opened_on, ${p('day')}::date)
    where id = ${p('invitationId')} and token_hash = ${p('tokenHash')} and submitted_at is null and status <> 'replaced'
      and exists (select 1 from rounds where id = ${p('roundId')} and status = 'open' and closes_at > ${p('at')}::timestamptz)
      and not exists (select 1 from ballot_box where receipt_hash = ${p('receiptHash')})
      and not exists (select 1 from responses where receipt_hash = ${p('receiptHash')})
    returning id
  ), boxed as (
    insert into ballot_box (id, round_id, answer, receipt_hash)
    select ${p('boxId')}::uuid, ${p('roundId')}, ${p('answer')}::jsonb, ${p('receiptHash')} from marked
  )
  select count(*)::int as n from marked`,
);

export interface StoredSubmission {
  invitationId: number;
  tokenHash: string;
  roundId: string;
  /** ISO time of submission: checked against the deadline, never stored. */
  at: string;
  /** The city's day of submission, the most the invitation keeps. */
  day: string;
  submissionId: string;
  receiptHash: string;
  answer: BoxedAnswer;
}

/**
 * One statement marks the invitation and boxes the answer, all or nothing. Its guard (the invitation
 * still unsubmitted, on this very link, in a round still open, the receipt hash unused) is what makes
 * "one response per invitation" hold under concurrency: a second submit finds nothing to mark and
 * therefore stores nothing. Returns whether this call stored the answer.
 */
export async function storeSubmission(tx: Tx, s: StoredSubmission): Promise<boolean> {
  const [row] = await submit.run(tx, {
    day: s.day,
    at: s.at,
    submissionId: s.submissionId,
    invitationId: s.invitationId,
    tokenHash: s.tokenHash,
    roundId: s.roundId,
    boxId: randomUUID(),
    receiptHash: s.receiptHash,
    answer: JSON.stringify(s.answer),
  });
  return Number(row?.n) === 1;
}

/**
 * "Opened", guarded in the statement too: a submission, a replacement or the close that lands between
 * the lookup and this wins.
 */
export async function markInvitationOpened(tx: Tx, o: { invitationId: number; roundId: string; now: Date; day: string }) {
  await tx
    .update(invitations)
    .set({ status: 'opened', openedAt: o.now, openedOn: o.day })
    .where(
      and(
        eq(invitations.id, o.invitationId),
        eq(invitations.status, 'not_opened'),
        isNull(invitations.submittedAt),
        sql`exists (select 1 from ${rounds} where ${rounds.id} = ${o.roundId} and ${rounds.status} = 'open' and ${rounds.closesAt} > ${o.now.toISOString()}::timestamptz)`,
      ),
    );
}

/** Keeps the sealed draft; the first save of a link never opened also records its opening. */
export async function storeDraft(tx: Tx, invitationId: number, d: { sealed: string; now: Date; openedOn: string | null }) {
  await tx
    .update(invitations)
    .set({
      draft: d.sealed,
      draftSavedAt: d.now,
      status: 'drafted',
      ...(d.openedOn === null ? {} : { openedAt: d.now, openedOn: d.openedOn }),
    })
    .where(eq(invitations.id, invitationId));
}
