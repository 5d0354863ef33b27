import type { z } from 'zod';
import type { CadreInput, cadrePatchSchema, TenureInput, unitInputSchema } from '#shared/schemas/cadres.ts';
import { appendAudit } from '../audit/audit.writer.ts';
import type { ServiceContext } from '../context.ts';
import type { Tx } from '../db/client.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import * as q from './cadres.queries.ts';

export async function createUnit({ tx: db, actor, now }: ServiceContext, input: z.infer<typeof unitInputSchema>) {
  return db.transaction(async (tx) => {
    if (await q.findUnitByCode(tx, input.code)) throw new Conflict(`A unit with code "${input.code}" already exists`);
    if (input.departmentId != null) {
      if (!(await q.departmentExists(tx, input.departmentId)))
        throw new Invalid('No such department', [{ path: 'body.departmentId', message: 'unknown department' }]);
      if (await q.unitOfDepartment(tx, input.departmentId)) throw new Conflict('That department already has its unit');
    }
    const u = await q.insertUnit(tx, {
      code: input.code,
      nameZh: input.nameZh,
      nameEn: input.nameEn ?? null,
      kind: input.kind,
      departmentId: input.departmentId ?? null,
    });
    await appendAudit(tx, actor, { action: 'unit.create', entityType: 'unit', entityId: u!.id, summary: { after: input } }, now);
    return { ...u!, cadres: 0 };
  });
}

async function requireUnit(tx: Tx, unitId: number) {
  const unit = await q.findUnit(tx, unitId);
  if (!unit) throw new Invalid('No such unit', [{ path: 'body.unitId', message: 'unknown unit' }]);
  return unit;
}

export async function createCadre({ tx: db, actor, now }: ServiceContext, input: CadreInput) {
  return db.transaction(async (tx) => {
    if (await q.findCadreByCode(tx, input.code)) throw new Conflict(`A cadre with staff number "${input.code}" already exists`);
    const unit = await requireUnit(tx, input.unitId);
    const c = await q.insertCadre(tx, {
      code: input.code,
      name: input.name,
      unitId: unit.id,
      post: input.post,
      rank: input.rank,
      leadership: input.leadership,
      createdAt: now,
      updatedAt: now,
    });
    await q.insertTenure(tx, {
      cadreId: c!.id,
      unitId: unit.id,
      post: input.post,
      rank: input.rank,
      leadership: input.leadership,
      since: input.since,
    });
    await appendAudit(tx, actor, { action: 'cadre.create', entityType: 'cadre', entityId: c!.id, summary: { after: input } }, now);
    return q.toCadre(c!, unit);
  });
}

/** A new post (or rank): the current tenure ends the day before, the history is kept. */
export async function appointPost(
  { tx: db, actor, now }: ServiceContext,
  { cadreId, tenure: input }: { cadreId: number; tenure: TenureInput },
) {
  return db.transaction(async (tx) => {
    const found = await q.findCadre(tx, cadreId);
    if (!found) throw new NotFound('Cadre not found');
    const unit = await requireUnit(tx, input.unitId);
    const previous = await q.currentTenure(tx, cadreId);
    if (previous && input.since <= previous.since)
      throw new Invalid(`The new post must start after ${previous.since}, when the current one began`, [
        { path: 'body.since', message: `after ${previous.since}` },
      ]);
    if (previous) await q.endTenure(tx, previous.id, q.dayBefore(input.since));
    await q.insertTenure(tx, { cadreId, ...input });
    const after = await q.setCadre(tx, cadreId, {
      unitId: unit.id,
      post: input.post,
      rank: input.rank,
      leadership: input.leadership,
      updatedAt: now,
    });
    await appendAudit(
      tx,
      actor,
      {
        action: 'cadre.post.appoint',
        entityType: 'cadre',
        entityId: cadreId,
        summary: {
          before: previous ? { unitId: previous.unitId, post: previous.post, rank: previous.rank, since: previous.since } : null,
          after: input,
        },
      },
      now,
    );
    return q.toCadre(after!, unit);
  });
}

export async function updateCadre(
  { tx: db, actor, now }: ServiceContext,
  { cadreId, patch }: { cadreId: number; patch: z.infer<typeof cadrePatchSchema> },
) {
  return db.transaction(async (tx) => {
    const found = await q.findCadre(tx, cadreId);
    if (!found) throw new NotFound('Cadre not found');
    // 退出领导岗位: the cadre stays in the system (and competes for rank) without a leadership post.
    const change = { ...patch, ...(patch.status === 'left_leadership' ? { leadership: false } : {}) };
    const after = await q.setCadre(tx, cadreId, { ...change, updatedAt: now });
    const keys = Object.keys(change) as (keyof typeof found.c)[];
    await appendAudit(
      tx,
      actor,
      {
        action: 'cadre.update',
        entityType: 'cadre',
        entityId: cadreId,
        summary: { before: Object.fromEntries(keys.map((k) => [k, found.c[k]])), after: change },
      },
      now,
    );
    return q.toCadre(after!, found.u);
  });
}

export async function cadreDetail({ tx }: ServiceContext, { cadreId }: { cadreId: number }) {
  const found = await q.findCadre(tx, cadreId);
  if (!found) throw new NotFound('Cadre not found');
  return { ...q.toCadre(found.c, found.u), tenures: await q.tenuresOf(tx, cadreId), headOf: await q.headTenuresOf(tx, cadreId) };
}

/** "A department's head tenure points to the cadre who holds it." */
export async function linkHeadToCadre(
  { tx: db, actor, now }: ServiceContext,
  { headId, cadreId }: { headId: number; cadreId: number | null },
) {
  return db.transaction(async (tx) => {
    const head = await q.findHeadTenure(tx, headId);
    if (!head) throw new NotFound('No such head tenure');
    if (cadreId !== null && !(await q.findCadre(tx, cadreId)))
      throw new Invalid('No such cadre', [{ path: 'body.cadreId', message: 'unknown cadre' }]);
    await q.setHeadCadre(tx, headId, cadreId);
    await appendAudit(
      tx,
      actor,
      {
        action: 'department.head.cadre',
        entityType: 'department',
        entityId: head.departmentId,
        summary: { headId, before: head.cadreId, after: cadreId },
      },
      now,
    );
    return { headId, departmentId: head.departmentId, cadreId };
  });
}
