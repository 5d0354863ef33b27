// Rectification (整改): a case per flagged department, opened when its round is published; the head
// plans, commits, logs visits in the ledger and reports progress; an admin accepts or returns it.
import { and, asc, count, eq, inArray } from 'drizzle-orm';
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
import { appendAudit, type Actor } from '../audit/audit.writer.ts';
import type { SessionUser } from '../auth/access.ts';
import type { Db, Tx } from '../db/client.ts';
import { caseReviews, departments, ledgerCallbacks, ledgerEntries, progressUpdates, rectificationCases, users } from '../db/schema.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.ts';
import { currentResult, publishedHistory } from '../results/results.queries.ts';
import { findRound } from '../rounds/rounds.queries.ts';
import { topReasons, type ReasonEntry } from '#shared/reasons.ts';
import { addDays, cityDay } from '#shared/city-day.ts';
import { compareRounds } from '#shared/results/quarters.ts';

export const DEFAULT_CASE_DAYS = 30;
type CaseRow = typeof rectificationCases.$inferSelect;

export async function onPublished(
  tx: Tx,
  roundId: string,
  flaggedDepartmentIds: number[],
  now: Date,
  timeZone: string,
  days = DEFAULT_CASE_DAYS,
) {
  if (!flaggedDepartmentIds.length) return;
  const deadline = addDays(cityDay(now, timeZone), days);
  await tx
    .insert(rectificationCases)
    .values(flaggedDepartmentIds.map((departmentId) => ({ roundId, departmentId, deadline, createdAt: now, updatedAt: now })))
    .onConflictDoNothing();
}

const isOverdue = (c: CaseRow, today: string) => c.status !== 'closed' && c.deadline < today;

async function summaries(tx: Tx, rows: CaseRow[], today: string): Promise<CaseSummary[]> {
  if (!rows.length) return [];
  const ids = rows.map((c) => c.id);
  const [depts, entries, history] = await Promise.all([
    tx
      .select()
      .from(departments)
      .where(
        inArray(
          departments.id,
          rows.map((c) => c.departmentId),
        ),
      ),
    tx.select({ id: ledgerEntries.id, caseId: ledgerEntries.caseId }).from(ledgerEntries).where(inArray(ledgerEntries.caseId, ids)),
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
export async function listCases(db: Db, user: SessionUser, query: z.infer<typeof caseListQuerySchema>, now: Date, timeZone: string) {
  const filters = [];
  if (user.role === 'dept_head') filters.push(eq(rectificationCases.departmentId, user.departmentId ?? -1));
  if (query.departmentId) filters.push(eq(rectificationCases.departmentId, query.departmentId));
  if (query.roundId) filters.push(eq(rectificationCases.roundId, query.roundId));
  if (query.status && query.status !== 'overdue') filters.push(eq(rectificationCases.status, query.status));
  const rows = await db
    .select()
    .from(rectificationCases)
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(asc(rectificationCases.roundId), asc(rectificationCases.id));
  const list = await summaries(db, rows, cityDay(now, timeZone));
  return (query.status === 'overdue' ? list.filter((c) => c.overdue) : list).reverse();
}

async function loadCase(tx: Tx, user: SessionUser, id: number, opts: { lock?: boolean } = {}) {
  const q = tx.select().from(rectificationCases).where(eq(rectificationCases.id, id));
  const [c] = await (opts.lock ? q.for('update') : q);
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

export async function caseDetail(tx: Tx, user: SessionUser, id: number, now: Date, timeZone: string): Promise<CaseDetail> {
  const c = await loadCase(tx, user, id);
  const top = await caseTopReasons(tx, c);
  const [[summary], ledger, progress, reviews] = await Promise.all([
    summaries(tx, [c], cityDay(now, timeZone)),
    tx.select().from(ledgerEntries).where(eq(ledgerEntries.caseId, id)).orderBy(asc(ledgerEntries.date), asc(ledgerEntries.id)),
    tx.select().from(progressUpdates).where(eq(progressUpdates.caseId, id)).orderBy(asc(progressUpdates.id)),
    tx.select().from(caseReviews).where(eq(caseReviews.caseId, id)).orderBy(asc(caseReviews.id)),
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
  const names = new Map(
    logins.length
      ? (
          await tx.select({ username: users.username, displayName: users.displayName }).from(users).where(inArray(users.username, logins))
        ).map((u) => [u.username, u.displayName])
      : [],
  );
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
  const rows = entryIds.length
    ? await tx
        .select()
        .from(ledgerCallbacks)
        .where(inArray(ledgerCallbacks.entryId, entryIds))
        .orderBy(asc(ledgerCallbacks.at), asc(ledgerCallbacks.id))
    : [];
  const byEntry = new Map<number, (typeof rows)[number][]>();
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
async function act(
  db: Db,
  user: SessionUser,
  actor: Actor,
  id: number,
  action: string,
  now: Date,
  timeZone: string,
  run: Act,
  check = editable,
) {
  await db.transaction(async (tx) => {
    const c = await check(tx, user, id);
    const summary = await run(tx, c);
    await tx.update(rectificationCases).set({ updatedAt: now }).where(eq(rectificationCases.id, id));
    await appendAudit(
      tx,
      actor,
      { action, entityType: 'rectification', entityId: id, summary: { roundId: c.roundId, departmentId: c.departmentId, ...summary } },
      now,
    );
  });
  return caseDetail(db, user, id, now, timeZone);
}

export const savePlan = (db: Db, user: SessionUser, actor: Actor, id: number, body: PlanBody, now: Date, timeZone: string) =>
  act(db, user, actor, id, 'rectification.plan', now, timeZone, async (tx, c) => {
    assertReasonsAnswered(await caseTopReasons(tx, c), body.measures);
    await tx
      .update(rectificationCases)
      .set({ plan: { problems: body.problems, measures: body.measures }, commitment: body.commitment })
      .where(eq(rectificationCases.id, id));
    return { measures: body.measures.length, reasons: [...new Set(body.measures.flatMap((m) => (m.reason ? [m.reason] : [])))] };
  });

export const addLedgerEntry = (
  db: Db,
  user: SessionUser,
  actor: Actor,
  id: number,
  body: z.infer<typeof ledgerBodySchema>,
  now: Date,
  timeZone: string,
) =>
  act(db, user, actor, id, 'rectification.ledger.add', now, timeZone, async (tx) => {
    const [row] = await tx
      .insert(ledgerEntries)
      .values({ caseId: id, ...body, createdBy: actor.name, createdAt: now })
      .returning();
    return { entryId: row!.id, date: body.date, enterprise: body.enterprise, status: body.status };
  });

export const setLedgerStatus = (
  db: Db,
  user: SessionUser,
  actor: Actor,
  id: number,
  entryId: number,
  status: 'open' | 'resolved',
  now: Date,
  timeZone: string,
) =>
  act(db, user, actor, id, 'rectification.ledger.update', now, timeZone, async (tx) => {
    const updated = await tx
      .update(ledgerEntries)
      .set({ status })
      .where(and(eq(ledgerEntries.id, entryId), eq(ledgerEntries.caseId, id)))
      .returning();
    if (!updated.length) throw new NotFound('No such ledger entry in this case');
    return { entryId, status };
  });

export const addProgress = (
  db: Db,
  user: SessionUser,
  actor: Actor,
  id: number,
  body: z.infer<typeof progressBodySchema>,
  now: Date,
  timeZone: string,
) =>
  act(db, user, actor, id, 'rectification.progress', now, timeZone, async (tx) => {
    await tx
      .insert(progressUpdates)
      .values({ caseId: id, text: body.text, attachments: body.attachments, createdBy: actor.name, createdAt: now });
    return { attachments: body.attachments.length };
  });

export const submitCase = (db: Db, user: SessionUser, actor: Actor, id: number, now: Date, timeZone: string) =>
  act(db, user, actor, id, 'rectification.submit', now, timeZone, async (tx, c) => {
    if (!c.plan || !c.commitment) throw new Conflict('Write the plan and the commitment before submitting', undefined, 'plan_missing');
    const [entries] = await tx.select({ n: count() }).from(ledgerEntries).where(eq(ledgerEntries.caseId, id));
    if (!Number(entries?.n))
      throw new Conflict('Log at least one enterprise visit in the ledger before submitting', undefined, 'ledger_empty');
    await tx.update(rectificationCases).set({ status: 'submitted', submittedAt: now }).where(eq(rectificationCases.id, id));
    return { before: { status: c.status }, after: { status: 'submitted' } };
  });

/** The admin calls the enterprise of a ledger entry back (回访), at any time before the case is closed. */
export const addCallback = (
  db: Db,
  user: SessionUser,
  actor: Actor,
  id: number,
  entryId: number,
  body: z.infer<typeof callbackBodySchema>,
  now: Date,
  timeZone: string,
) =>
  act(
    db,
    user,
    actor,
    id,
    'rectification.callback',
    now,
    timeZone,
    async (tx) => {
      const [entry] = await tx
        .select({ id: ledgerEntries.id })
        .from(ledgerEntries)
        .where(and(eq(ledgerEntries.id, entryId), eq(ledgerEntries.caseId, id)));
      if (!entry) throw new NotFound('No such ledger entry in this case');
      await tx.insert(ledgerCallbacks).values({
        entryId,
        reached: body.reached,
        solved: body.solved ?? null,
        satisfied: body.satisfied ?? null,
        note: body.note || null,
        createdBy: actor.name,
        at: now,
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
  const entries = await tx.select().from(ledgerEntries).where(eq(ledgerEntries.caseId, caseId));
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
  for (const w of waivers) await tx.update(ledgerEntries).set({ callbackWaiver: w.reason }).where(eq(ledgerEntries.id, w.entryId));
}

export const reviewCase = (
  db: Db,
  user: SessionUser,
  actor: Actor,
  id: number,
  body: z.infer<typeof reviewBodySchema>,
  now: Date,
  timeZone: string,
) =>
  act(
    db,
    user,
    actor,
    id,
    'rectification.review',
    now,
    timeZone,
    async (tx, c) => {
      const status: CaseStatus = body.decision === 'accept' ? 'closed' : 'returned';
      if (status === 'closed') await assertCallbacksDone(tx, id, body.waivers);
      await tx
        .insert(caseReviews)
        .values({ caseId: id, decision: body.decision, comment: body.comment ?? null, reviewer: actor.name, at: now });
      await tx
        .update(rectificationCases)
        .set({ status, closedAt: status === 'closed' ? now : null })
        .where(eq(rectificationCases.id, id));
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
