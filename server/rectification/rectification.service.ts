// Rectification (整改): a case per flagged department, opened when its round is published; the head
// plans, commits, logs visits in the ledger and reports progress; an admin accepts or returns it.
import type { z } from 'zod';
import type {
  callbackBodySchema,
  CaseDetail,
  CaseStatus,
  CaseSummary,
  caseListQuerySchema,
  ledgerBodySchema,
  PlanBody,
  progressBodySchema,
  reviewBodySchema,
  TopReason,
} from '#shared/schemas/rectification.ts';
import { callbackTally, entriesBlockingClose } from '#shared/rectification-callbacks.ts';
import { appendAudit } from '../audit/audit.writer.ts';
import type { SessionUser } from '../auth/access.ts';
import { type ServiceContext, userIn } from '../context.ts';
import type { Tx } from '../db/client.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.ts';
import { currentResult, publishedHistory } from '../results/results.queries.ts';
import { findRound } from '../rounds/rounds.queries.ts';
import { topReasons, type ReasonEntry } from '#shared/reasons.ts';
import { addDays, cityDay } from '#shared/city-day.ts';
import { compareRounds } from '#shared/results/quarters.ts';
import * as q from './rectification.queries.ts';

export const DEFAULT_CASE_DAYS = 30;
type CaseRow = q.CaseRow;

/** Opens a case per flagged department; `ctx.tx` is the publication's transaction. */
export async function onPublished(
  { tx, now, zone }: ServiceContext,
  { roundId, flaggedDepartmentIds, days = DEFAULT_CASE_DAYS }: { roundId: string; flaggedDepartmentIds: number[]; days?: number },
) {
  if (!flaggedDepartmentIds.length) return;
  await q.insertCases(tx, roundId, flaggedDepartmentIds, addDays(cityDay(now, zone), days), now);
}

const isOverdue = (c: CaseRow, today: string) => c.status !== 'closed' && c.deadline < today;

async function summaries(tx: Tx, rows: CaseRow[], today: string): Promise<CaseSummary[]> {
  if (!rows.length) return [];
  const ids = rows.map((c) => c.id);
  const [depts, entries, history] = await Promise.all([
    q.departmentsByIds(
      tx,
      rows.map((c) => c.departmentId),
    ),
    q.ledgerEntryIds(tx, ids),
    publishedHistory(tx),
  ]);
  const calls = await callbacksOf(
    tx,
    entries.map((e) => e.id),
  );
  const dept = new Map(depts.map((d) => [d.id, d]));
  const entriesOf = (caseId: number) => entries.filter((e) => e.caseId === caseId);
  const resultIn = (roundId: string | undefined, departmentId: number) => {
    const h = history.find((x) => x.roundId === roundId);
    const row = h?.payload.results.departments.find((d) => d.departmentId === departmentId);
    return h && row ? { roundId: h.roundId, rank: row.rank, mean: row.mean, flagged: row.flagged } : null;
  };
  return rows.map((c) => ({
    id: c.id,
    roundId: c.roundId,
    departmentId: c.departmentId,
    departmentCode: dept.get(c.departmentId)!.code,
    departmentName: dept.get(c.departmentId)!.nameZh,
    status: c.status,
    deadline: c.deadline,
    overdue: isOverdue(c, today),
    ledgerEntries: entriesOf(c.id).length,
    submittedAt: c.submittedAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
    before: resultIn(c.roundId, c.departmentId),
    after: resultIn(history.find((h) => compareRounds(h.roundId, c.roundId) > 0)?.roundId, c.departmentId),
    callbacks: callbackTally(entriesOf(c.id).map((e) => ({ callbacks: calls.get(e.id) ?? [] }))),
  }));
}

/** Department heads see their own department's cases only; everyone else sees all (read-only unless admin). */
export async function listCases(ctx: ServiceContext, query: z.infer<typeof caseListQuerySchema>) {
  const { tx, now, zone } = ctx;
  const user = userIn(ctx);
  const rows = await q.findCases(tx, {
    ...(user.role === 'dept_head' ? { ownDepartmentId: user.departmentId ?? -1 } : {}),
    ...(query.departmentId ? { departmentId: query.departmentId } : {}),
    ...(query.roundId ? { roundId: query.roundId } : {}),
    ...(query.status && query.status !== 'overdue' ? { status: query.status } : {}),
  });
  const list = await summaries(tx, rows, cityDay(now, zone));
  return (query.status === 'overdue' ? list.filter((c) => c.overdue) : list).reverse();
}

async function loadCase(tx: Tx, user: SessionUser, id: number, opts: { lock?: boolean } = {}) {
  const c = await q.findCase(tx, id, opts);
  if (!c) throw new NotFound('No such rectification case');
  if (user.role === 'dept_head' && c.departmentId !== user.departmentId)
    throw new Forbidden("You can see your own department's cases only");
  return c;
}

/** The flagged round's top reasons for the case's department, from its current (published) results. */
async function caseTopReasons(tx: Tx, c: CaseRow): Promise<TopReason[]> {
  const [result, round] = [await currentResult(tx, c.roundId), await findRound(tx, c.roundId)];
  const labels = new Map(((round?.reasons ?? []) as ReasonEntry[]).map((r) => [r.code, r]));
  return topReasons(result?.payload.reasons?.[c.departmentId] ?? []).map((r) => ({
    ...r,
    labelZh: labels.get(r.code)?.labelZh ?? r.code,
    labelEn: labels.get(r.code)?.labelEn ?? r.code,
  }));
}

/** Each top reason answered by at least one measure, and no measure naming a reason that is not among them. */
function assertReasonsAnswered(top: TopReason[], measures: PlanBody['measures']) {
  const codes = new Set(top.map((r) => r.code));
  const stray = [...new Set(measures.flatMap((m) => (m.reason && !codes.has(m.reason) ? [m.reason] : [])))];
  if (stray.length)
    throw new Invalid(
      `A measure names a reason that is not among this department's top reasons: ${stray.join(', ')}`,
      { reasons: stray },
      'reason_not_top',
    );
  const answered = new Set(measures.map((m) => m.reason));
  const missing = top.filter((r) => !answered.has(r.code)).map((r) => r.code);
  if (missing.length)
    throw new Invalid(
      `Say what the plan does about each top reason for 不满意: no measure for ${missing.join(', ')}`,
      { reasons: missing },
      'reasons_unanswered',
    );
}

export async function caseDetail(ctx: ServiceContext, { id }: { id: number }): Promise<CaseDetail> {
  const { tx, now, zone } = ctx;
  const c = await loadCase(tx, userIn(ctx), id);
  const top = await caseTopReasons(tx, c);
  const [[summary], ledger, progress, reviews] = await Promise.all([
    summaries(tx, [c], cityDay(now, zone)),
    q.ledgerOf(tx, id),
    q.progressOf(tx, id),
    q.reviewsOf(tx, id),
  ]);
  const plan = c.plan as { problems: string; measures: PlanBody['measures'] } | null;
  const callbacks = await callbacksOf(
    tx,
    ledger.map((l) => l.id),
  );
  // Rows keep the login that wrote them; the case names people (their display name), never logins.
  const logins = [
    ...new Set([
      ...ledger.map((l) => l.createdBy),
      ...progress.map((p) => p.createdBy),
      ...reviews.map((r) => r.reviewer),
      ...[...callbacks.values()].flat().map((b) => b.createdBy),
    ]),
  ];
  const names = await q.displayNames(tx, logins);
  const person = (login: string) => names.get(login) ?? login;
  return {
    ...summary!,
    topReasons: top,
    plan,
    commitment: c.commitment,
    ledger: ledger.map((l) => ({
      id: l.id,
      date: l.date,
      enterprise: l.enterprise,
      issue: l.issue,
      action: l.action,
      status: l.status as 'open' | 'resolved',
      createdBy: person(l.createdBy),
      createdAt: l.createdAt.toISOString(),
      callbacks: (callbacks.get(l.id) ?? []).map((b) => ({
        id: b.id,
        reached: b.reached,
        solved: b.solved,
        satisfied: b.satisfied,
        note: b.note,
        createdBy: person(b.createdBy),
        at: b.at.toISOString(),
      })),
      callbackWaiver: l.callbackWaiver,
    })),
    progress: progress.map((p) => ({
      id: p.id,
      text: p.text,
      attachments: p.attachments as { label: string; url?: string }[],
      createdBy: person(p.createdBy),
      createdAt: p.createdAt.toISOString(),
    })),
    reviews: reviews.map((r) => ({
      decision: r.decision as 'accept' | 'return',
      comment: r.comment,
      reviewer: person(r.reviewer),
      at: r.at.toISOString(),
    })),
  };
}

async function callbacksOf(tx: Tx, entryIds: number[]) {
  const rows = entryIds.length ? await q.callbacksOfEntries(tx, entryIds) : [];
  const byEntry = new Map<number, q.CallbackRow[]>();
  for (const r of rows) byEntry.set(r.entryId, [...(byEntry.get(r.entryId) ?? []), r]);
  return byEntry;
}

/** The head's work happens while the case is open or returned; a submitted or closed case is read-only. */
async function editable(tx: Tx, user: SessionUser, id: number) {
  const c = await loadCase(tx, user, id, { lock: true });
  if (user.role !== 'dept_head') throw new Forbidden("Only the department's head works on its rectification");
  if (c.status !== 'open' && c.status !== 'returned')
    throw new Conflict(`The case is ${c.status}; it cannot be changed now`, { status: c.status }, 'case_locked');
  return c;
}

type Act = (tx: Tx, c: CaseRow) => Promise<Record<string, unknown>>;
async function act(ctx: ServiceContext, id: number, action: string, run: Act, check = editable) {
  const { tx: db, actor, now } = ctx;
  const user = userIn(ctx);
  await db.transaction(async (tx) => {
    const c = await check(tx, user, id);
    const summary = await run(tx, c);
    await q.setCase(tx, id, { updatedAt: now });
    await appendAudit(
      tx,
      actor,
      { action, entityType: 'rectification', entityId: id, summary: { roundId: c.roundId, departmentId: c.departmentId, ...summary } },
      now,
    );
  });
  return caseDetail(ctx, { id });
}

export const savePlan = (ctx: ServiceContext, { id, plan: body }: { id: number; plan: PlanBody }) =>
  act(ctx, id, 'rectification.plan', async (tx, c) => {
    assertReasonsAnswered(await caseTopReasons(tx, c), body.measures);
    await q.setCase(tx, id, { plan: { problems: body.problems, measures: body.measures }, commitment: body.commitment });
    return { measures: body.measures.length, reasons: [...new Set(body.measures.flatMap((m) => (m.reason ? [m.reason] : [])))] };
  });

export const addLedgerEntry = (ctx: ServiceContext, { id, entry: body }: { id: number; entry: z.infer<typeof ledgerBodySchema> }) =>
  act(ctx, id, 'rectification.ledger.add', async (tx) => {
    const row = await q.insertLedgerEntry(tx, { caseId: id, ...body, createdBy: ctx.actor.name, createdAt: ctx.now });
    return { entryId: row.id, date: body.date, enterprise: body.enterprise, status: body.status };
  });

export const setLedgerStatus = (
  ctx: ServiceContext,
  { id, entryId, status }: { id: number; entryId: number; status: 'open' | 'resolved' },
) =>
  act(ctx, id, 'rectification.ledger.update', async (tx) => {
    if (!(await q.setLedgerStatus(tx, id, entryId, status))) throw new NotFound('No such ledger entry in this case');
    return { entryId, status };
  });

export const addProgress = (ctx: ServiceContext, { id, progress: body }: { id: number; progress: z.infer<typeof progressBodySchema> }) =>
  act(ctx, id, 'rectification.progress', async (tx) => {
    await q.insertProgress(tx, {
      caseId: id,
      text: body.text,
      attachments: body.attachments,
      createdBy: ctx.actor.name,
      createdAt: ctx.now,
    });
    return { attachments: body.attachments.length };
  });

export const submitCase = (ctx: ServiceContext, { id }: { id: number }) =>
  act(ctx, id, 'rectification.submit', async (tx, c) => {
    if (!c.plan || !c.commitment) throw new Conflict('Write the plan and the commitment before submitting', undefined, 'plan_missing');
    if (!(await q.countLedgerEntries(tx, id)))
      throw new Conflict('Log at least one enterprise visit in the ledger before submitting', undefined, 'ledger_empty');
    await q.setCase(tx, id, { status: 'submitted', submittedAt: ctx.now });
    return { before: { status: c.status }, after: { status: 'submitted' } };
  });

/** The admin calls the enterprise of a ledger entry back (回访), at any time before the case is closed. */
export const addCallback = (
  ctx: ServiceContext,
  { id, entryId, callback: body }: { id: number; entryId: number; callback: z.infer<typeof callbackBodySchema> },
) =>
  act(
    ctx,
    id,
    'rectification.callback',
    async (tx) => {
      if (!(await q.findLedgerEntry(tx, id, entryId))) throw new NotFound('No such ledger entry in this case');
      await q.insertCallback(tx, {
        entryId,
        reached: body.reached,
        solved: body.solved ?? null,
        satisfied: body.satisfied ?? null,
        note: body.note || null,
        createdBy: ctx.actor.name,
        at: ctx.now,
      });
      // The note stays in the case (it may name people); the log says only what the call found.
      return { entryId, reached: body.reached, solved: body.solved ?? null, satisfied: body.satisfied ?? null };
    },
    async (tx, u, caseId) => {
      const c = await loadCase(tx, u, caseId, { lock: true });
      if (c.status === 'closed')
        throw new Conflict('The case is closed; call-backs are recorded before closing it', { status: c.status }, 'case_locked');
      return c;
    },
  );

/** Closing needs every open ledger entry called back, or a reason why not (given now or earlier). */
async function assertCallbacksDone(tx: Tx, caseId: number, waivers: z.infer<typeof reviewBodySchema>['waivers']) {
  const entries = await q.ledgerEntriesOf(tx, caseId);
  const known = new Set(entries.map((e) => e.id));
  const strange = waivers.filter((w) => !known.has(w.entryId)).map((w) => w.entryId);
  if (strange.length) throw new NotFound('A reason names a ledger entry that is not in this case', { entryIds: strange });
  const callbacks = await callbacksOf(
    tx,
    entries.map((e) => e.id),
  );
  const given = new Map(waivers.map((w) => [w.entryId, w.reason]));
  const blocking = entriesBlockingClose(
    entries.map((e) => ({
      id: e.id,
      status: e.status as 'open' | 'resolved',
      callbacks: callbacks.get(e.id)?.length ?? 0,
      waiver: e.callbackWaiver,
    })),
    given,
  );
  if (blocking.length) {
    throw new Conflict(
      `${blocking.length} open ledger ${blocking.length === 1 ? 'entry has' : 'entries have'} no call-back: call the enterprise back or state why not before closing`,
      { entryIds: blocking },
      'callback_missing',
    );
  }
  for (const w of waivers) await q.setCallbackWaiver(tx, w.entryId, w.reason);
}

export const reviewCase = (ctx: ServiceContext, { id, review: body }: { id: number; review: z.infer<typeof reviewBodySchema> }) =>
  act(
    ctx,
    id,
    'rectification.review',
    async (tx, c) => {
      const status: CaseStatus = body.decision === 'accept' ? 'closed' : 'returned';
      if (status === 'closed') await assertCallbacksDone(tx, id, body.waivers);
      await q.insertReview(tx, {
        caseId: id,
        decision: body.decision,
        comment: body.comment ?? null,
        reviewer: ctx.actor.name,
        at: ctx.now,
      });
      await q.setCase(tx, id, { status, closedAt: status === 'closed' ? ctx.now : null });
      return {
        decision: body.decision,
        comment: body.comment ?? null,
        before: { status: c.status },
        after: { status },
        ...(status === 'closed' && body.waivers.length ? { waivedEntries: body.waivers.map((w) => w.entryId) } : {}),
      };
    },
    async (tx, u, caseId) => {
      const c = await loadCase(tx, u, caseId, { lock: true });
      if (c.status !== 'submitted')
        throw new Conflict(`Only a submitted case can be reviewed (it is ${c.status})`, { status: c.status }, 'case_not_submitted');
      return c;
    },
  );
