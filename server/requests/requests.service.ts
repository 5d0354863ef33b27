// Requests to departments (诉求直通). An enterprise with a counted receipt raises a request; the thread is
// reached by the request's own random code, of which only a hash is kept. Nothing derived from the receipt,
// no round, no invitation and no address is stored, so a request joins neither the answers nor the
// enterprise (unless it leaves contact details). Heads reply for their department; the enterprise gives feedback.
import { randomBytes } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { isOverdue } from '#shared/requests/deadline.ts';
import { formatRequestCode, requestCodeHash } from '#shared/requests/code.ts';
import { requestStats } from '#shared/requests/stats.ts';
import { REPLIES_MAX, REQUEST_CATEGORIES, type RequestCategory } from '#shared/requests/vocabulary.ts';
import type {
  createRequestSchema,
  feedbackBodySchema,
  RequestItem,
  requestListQuerySchema,
  RequestThread,
} from '#shared/schemas/requests.ts';
import { type Actor, appendAudit } from '../audit/audit.writer.ts';
import type { SessionUser } from '../auth/access.ts';
import { type ServiceContext, userIn } from '../context.ts';
import type { Tx } from '../db/client.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.ts';
import { receiptRound } from '../survey/receipts.ts';
import { countReceiptUse, type ReceiptUseKey } from './receipt-uses.ts';
import * as q from './requests.queries.ts';

/** The enterprise, as the audit log names it: no address, no receipt, nothing that identifies it. */
export const ENTERPRISE: Actor = { id: null, name: 'enterprise' };

export interface ReleasePolicy {
  timeZone: string;
  replyWorkingDays: number;
}
export interface RequestPolicy extends ReleasePolicy {
  receiptKey: ReceiptUseKey;
}

const stateOf = (r: q.RequestRow): RequestThread['state'] =>
  r.feedbackAt ? 'answered' : r.firstReplyAt ? 'replied' : r.raisedAt ? 'waiting' : 'held';
const departmentRef = (d: q.DepartmentRow) => ({ id: d.id, code: d.code, nameZh: d.nameZh, nameEn: d.nameEn });

function toThread(r: q.RequestRow, department: q.DepartmentRow, replies: q.ReplyRow[]): RequestThread {
  return {
    department: departmentRef(department),
    category: r.category as RequestCategory,
    text: r.text,
    contactLeft: r.contact !== null,
    raisedAt: r.raisedAt?.toISOString() ?? null,
    dueAt: r.dueAt?.toISOString() ?? null,
    state: stateOf(r),
    replies: replies.map((x) => ({ text: x.text, at: x.at.toISOString() })),
    feedback: r.feedbackAt ? { resolved: r.resolved!, satisfied: r.satisfied!, at: r.feedbackAt.toISOString() } : null,
  };
}

/** Contact details go to whoever may call back: the department's head and the admin. */
const seesContact = (user: SessionUser, r: q.RequestRow) =>
  user.role === 'admin' || (user.role === 'dept_head' && user.departmentId === r.departmentId);

/** Staff read released requests only (q.released), so raisedAt and dueAt are set. */
function toItem(user: SessionUser, r: q.RequestRow, department: q.DepartmentRow, replies: q.ReplyRow[], now: Date): RequestItem {
  const firstReplyAt = r.firstReplyAt?.toISOString() ?? null;
  const raisedAt = r.raisedAt!;
  const dueAt = r.dueAt!;
  return {
    ...toThread(r, department, replies),
    id: r.id,
    contact: seesContact(user, r) ? r.contact : null,
    firstReplyAt,
    raisedAt: raisedAt.toISOString(),
    dueAt: dueAt.toISOString(),
    state: r.feedbackAt ? 'answered' : r.firstReplyAt ? 'replied' : 'waiting',
    overdue: isOverdue({ dueAt: dueAt.toISOString(), firstReplyAt }, now),
    lateReply: !!r.firstReplyAt && r.firstReplyAt.getTime() >= dueAt.getTime(),
    replies: replies.map((x) => ({ text: x.text, at: x.at.toISOString(), by: x.by })),
  };
}

/**
 * Raises a request, held: it reaches no queue, count or audit entry until the ballot mover releases it with
 * the next batch of reported submissions (server/requests/release.ts); the enterprise reads it by code at once.
 * The receipt's use is counted first, in a transaction of its own, so nothing links the counter to the row.
 */
export async function raiseRequest(
  { tx: db }: ServiceContext,
  { request: body, policy }: { request: z.output<typeof createRequestSchema>; policy: RequestPolicy },
): Promise<{ code: string }> {
  const roundId = await receiptRound(db, body.receipt);
  if (!roundId) {
    throw new Invalid(
      'This receipt code is not among the counted responses: check the code shown after submitting the survey',
      undefined,
      'receipt_not_counted',
    );
  }
  const department = (await q.departmentsByIds(db, [body.departmentId])).get(body.departmentId);
  if (!department?.active) throw new Invalid('No such department to write to', { fields: ['departmentId'] }, 'unknown_department');
  await countReceiptUse(db, policy.receiptKey(roundId, body.receipt), roundId);
  const code = formatRequestCode(randomBytes(16));
  await q.insertRequest(db, {
    codeHash: requestCodeHash(code),
    departmentId: department.id,
    category: body.category,
    text: body.text,
    contact: body.contact ?? null,
  });
  return { code };
}

async function threadOf(tx: Tx, r: q.RequestRow): Promise<RequestThread> {
  const [department, replies] = await Promise.all([q.departmentsByIds(tx, [r.departmentId]), q.repliesOf(tx, [r.id])]);
  return toThread(r, department.get(r.departmentId)!, replies);
}

const NO_SUCH_CODE = 'No request with this code: check the code you were given when you raised it';

export async function readThread({ tx: db }: ServiceContext, { code }: { code: string }): Promise<RequestThread> {
  const r = await q.findByCodeHash(db, requestCodeHash(code));
  if (!r) throw new NotFound(NO_SUCH_CODE);
  return threadOf(db, r);
}

export async function giveFeedback(
  { tx: db, now }: ServiceContext,
  { code, feedback: body }: { code: string; feedback: z.output<typeof feedbackBodySchema> },
): Promise<RequestThread> {
  return db.transaction(async (tx) => {
    const r = await q.findByCodeHash(tx, requestCodeHash(code), { lock: true });
    if (!r) throw new NotFound(NO_SUCH_CODE);
    if (!r.firstReplyAt)
      throw new Conflict('The department has not replied yet; give your feedback after its reply', undefined, 'not_replied');
    const updated = await q.setRequest(tx, r.id, { resolved: body.resolved, satisfied: body.satisfied, feedbackAt: now });
    await appendAudit(
      tx,
      ENTERPRISE,
      {
        action: 'request.feedback',
        entityType: 'request',
        entityId: r.id,
        summary: {
          departmentId: r.departmentId,
          resolved: body.resolved,
          satisfied: body.satisfied,
          ...(r.feedbackAt ? { before: { resolved: r.resolved, satisfied: r.satisfied } } : {}),
        },
      },
      now,
    );
    return threadOf(tx, updated!);
  });
}

/** Heads see their own department's requests; admins, leaders and supervisors all of them. */
export async function listRequests(ctx: ServiceContext, query: z.output<typeof requestListQuerySchema>) {
  const { tx: db, now } = ctx;
  const user = userIn(ctx);
  const filters: SQL[] = [q.released];
  if (user.role === 'dept_head') filters.push(q.ofDepartment(user.departmentId ?? -1));
  if (query.departmentId) filters.push(q.ofDepartment(query.departmentId));
  const rows = await q.listRows(db, filters);
  const [depts, replies] = await Promise.all([
    q.departmentsByIds(
      db,
      rows.map((r) => r.departmentId),
    ),
    q.repliesOf(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  const all = rows.map((r) =>
    toItem(
      user,
      r,
      depts.get(r.departmentId)!,
      replies.filter((x) => x.requestId === r.id),
      now,
    ),
  );
  const items = query.state === 'overdue' ? all.filter((i) => i.overdue) : query.state ? all.filter((i) => i.state === query.state) : all;
  // Overdue first: the admin's attention goes where the target was missed.
  items.sort((a, b) => Number(b.overdue) - Number(a.overdue));
  return { items, overdue: all.filter((i) => i.overdue).length };
}

export async function reply(ctx: ServiceContext, { id, text }: { id: string; text: string }): Promise<RequestItem> {
  const { tx: db, actor, now } = ctx;
  const user = userIn(ctx);
  return db.transaction(async (tx) => {
    const r = await q.findById(tx, id, { lock: true });
    // A held request does not exist for staff yet: the same answer as an unknown id.
    if (!r?.raisedAt) throw new NotFound('No such request');
    if (user.role === 'dept_head' && user.departmentId !== r.departmentId)
      throw new Forbidden("You can reply to your own department's requests only");
    if ((await q.countReplies(tx, id)) >= REPLIES_MAX)
      throw new Conflict(`A request takes at most ${REPLIES_MAX} replies`, undefined, 'too_many_replies');
    await q.insertReply(tx, { requestId: id, text, authorId: user.id, at: now });
    const first = !r.firstReplyAt;
    if (first) await q.setRequest(tx, id, { firstReplyAt: now });
    await appendAudit(
      tx,
      actor,
      {
        action: 'request.reply',
        entityType: 'request',
        entityId: id,
        summary: {
          departmentId: r.departmentId,
          chars: text.length,
          first,
          ...(first ? { late: now.getTime() >= r.dueAt!.getTime() } : {}),
        },
      },
      now,
    );
    const fresh = (await q.findById(tx, id))!;
    const [depts, all] = await Promise.all([q.departmentsByIds(tx, [fresh.departmentId]), q.repliesOf(tx, [id])]);
    return toItem(user, fresh, depts.get(fresh.departmentId)!, all, now);
  });
}

export async function stats({ tx: db, zone: timeZone }: ServiceContext) {
  const facts = await q.requestFacts(db);
  const rows = requestStats(
    facts.map((f) => ({ ...f, raisedAt: f.raisedAt!.toISOString(), firstReplyAt: f.firstReplyAt?.toISOString() ?? null })),
    timeZone,
  );
  const depts = await q.departmentsByIds(
    db,
    rows.map((r) => r.departmentId),
  );
  return rows.map((r) => ({
    ...r,
    departmentName: depts.get(r.departmentId)!.nameZh,
    departmentNameEn: depts.get(r.departmentId)!.nameEn,
  }));
}

export async function options({ tx: db }: ServiceContext) {
  const depts = await q.activeDepartments(db);
  return { categories: [...REQUEST_CATEGORIES], departments: depts.map((d) => ({ ...departmentRef(d), category: d.category })) };
}
