import type { z } from 'zod';
import { cityDay } from '#shared/city-day.ts';
import type { DepartmentInput, departmentPatchSchema, headInputSchema } from '#shared/schemas/departments.ts';
import { appendAudit } from '../audit/audit.writer.ts';
import type { ServiceContext } from '../context.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import * as q from './departments.queries.ts';

type HeadInput = z.infer<typeof headInputSchema>;

export async function createDepartment({ tx: db, actor, now, zone: timeZone }: ServiceContext, input: DepartmentInput) {
  return db.transaction(async (tx) => {
    if (await q.findDepartmentByCode(tx, input.code)) throw new Conflict(`A department with code "${input.code}" already exists`);
    const d = await q.insertDepartment(tx, {
      code: input.code,
      nameZh: input.nameZh,
      nameEn: input.nameEn ?? null,
      category: input.category,
      active: input.active,
    });
    const head = input.head ? await q.insertHead(tx, { departmentId: d.id, ...input.head }) : undefined;
    await appendAudit(
      tx,
      actor,
      { action: 'department.create', entityType: 'department', entityId: d.id, summary: { after: { ...input } } },
      now,
    );
    return q.toDepartment(d, head ? [head] : [], cityDay(now, timeZone));
  });
}

export async function updateDepartment(
  { tx: db, actor, now, zone: timeZone }: ServiceContext,
  { id, patch }: { id: number; patch: z.infer<typeof departmentPatchSchema> },
) {
  return db.transaction(async (tx) => {
    const before = await q.findDepartment(tx, id);
    if (!before) throw new NotFound('Department not found');
    const after = await q.updateDepartment(tx, id, { ...patch, updatedAt: now });
    await appendAudit(
      tx,
      actor,
      {
        action: 'department.update',
        entityType: 'department',
        entityId: id,
        summary: { before: pick(before, patch), after: pick(after, patch) },
      },
      now,
    );
    return q.toDepartment(after, await q.headHistory(tx, id), cityDay(now, timeZone));
  });
}

/** A new head takes office: the previous tenure ends the day before, history is kept. */
export async function appointHead(
  { tx: db, actor, now, zone: timeZone }: ServiceContext,
  { id, head: input }: { id: number; head: HeadInput },
) {
  return db.transaction(async (tx) => {
    const d = await q.findDepartment(tx, id);
    if (!d) throw new NotFound('Department not found');
    const previous = await q.latestTenure(tx, id);
    if (previous && input.since <= previous.since) {
      throw new Invalid(`The new head's start date must be after ${previous.since}, when ${previous.name} took office`);
    }
    if (previous) await q.endHeadTenure(tx, previous.id, dayBefore(input.since));
    await q.insertHead(tx, { departmentId: id, ...input });
    await appendAudit(
      tx,
      actor,
      {
        action: 'department.head.appoint',
        entityType: 'department',
        entityId: id,
        summary: { before: previous ? { name: previous.name, title: previous.title, since: previous.since } : null, after: input },
      },
      now,
    );
    return q.toDepartment(d, await q.headHistory(tx, id), cityDay(now, timeZone));
  });
}

export async function getDepartmentDetail({ tx, now, zone: timeZone }: ServiceContext, { id }: { id: number }) {
  const d = await q.findDepartment(tx, id);
  if (!d) throw new NotFound('Department not found');
  const history = await q.headHistory(tx, id);
  return { ...q.toDepartment(d, history, cityDay(now, timeZone)), headHistory: history.map(q.toHead) };
}

function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function pick(row: Record<string, unknown>, keys: Record<string, unknown>) {
  return Object.fromEntries(Object.keys(keys).map((k) => [k, row[k]]));
}
