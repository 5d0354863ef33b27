// The cadre points demo: units, ~3,900 cadres with tenures, the example rulebook and three years of
// entries, bulk-inserted (a few thousand rows a statement) so that a first start stays fast.
import { eq, inArray, sql } from 'drizzle-orm';
import { generateDemoCadres, generateDemoEntries } from '#shared/demo/cadres.ts';
import { EXAMPLE_RULEBOOK } from '#shared/points/rulebook.ts';
import { appendAudit, SYSTEM_ACTOR } from '../audit/audit.writer.ts';
import type { Db, Tx } from '../db/client.ts';
import { cadres, cadreTenures, departmentHeads, departments, pointsEntries, units, users } from '../db/schema.ts';
import { cityDay } from '#shared/city-day.ts';
import { insertRulebook } from '../points/rules.service.ts';

async function chunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Entries run up to `now`; the rows and the audit entry are stamped `at` (the demo's start, for a time-ordered log). */
export async function seedDemoCadres(db: Db, now: Date, timeZone: string, at: Date = now) {
  const today = cityDay(now, timeZone);
  const { units: demoUnits, cadres: demoCadres } = generateDemoCadres(today);
  const demoEntries = generateDemoEntries(demoCadres, today);
  await db.transaction(async (tx: Tx) => {
    await insertRulebook(tx, EXAMPLE_RULEBOOK, 'demo', at);
    const depts = await tx.select({ id: departments.id, code: departments.code }).from(departments);
    const deptId = new Map(depts.map((d) => [d.code, d.id]));
    const unitRows = await tx
      .insert(units)
      .values(
        demoUnits.map((u) => ({
          code: u.code,
          nameZh: u.nameZh,
          nameEn: u.nameEn,
          kind: u.kind,
          departmentId: u.departmentCode ? deptId.get(u.departmentCode)! : null,
          createdAt: at,
        })),
      )
      .returning({ id: units.id });
    const unitId = (i: number) => unitRows[i]!.id;
    const cadreIds: number[] = [];
    await chunked(demoCadres, 1000, async (chunk) => {
      const rows = await tx
        .insert(cadres)
        .values(
          chunk.map((c) => {
            const t = c.tenures.at(-1)!;
            return {
              code: c.code,
              name: c.name,
              unitId: unitId(t.unit),
              post: t.post,
              rank: t.rank,
              leadership: t.leadership,
              status: c.status,
              statusSince: c.statusSince,
              createdAt: at,
              updatedAt: at,
            };
          }),
        )
        .returning({ id: cadres.id });
      cadreIds.push(...rows.map((r) => r.id));
    });
    const tenures = demoCadres.flatMap((c, i) =>
      c.tenures.map((t) => ({
        cadreId: cadreIds[i]!,
        unitId: unitId(t.unit),
        post: t.post,
        rank: t.rank,
        leadership: t.leadership,
        since: t.since,
        until: t.until,
      })),
    );
    await chunked(tenures, 2000, (chunk) => tx.insert(cadreTenures).values(chunk));
    // A department's head tenure points to the cadre holding it.
    const heads = demoCadres.map((c, i) => [c.headOf, cadreIds[i]!] as const).filter(([code]) => code !== null);
    for (const [code, cadreId] of heads)
      await tx
        .update(departmentHeads)
        .set({ cadreId })
        .where(eq(departmentHeads.departmentId, deptId.get(code!)!));

    const reviewers = await tx
      .select({ id: users.id, username: users.username })
      .from(users)
      .where(inArray(users.username, ['org', 'org2']));
    const pair = [reviewers.find((u) => u.username === 'org')!, reviewers.find((u) => u.username === 'org2')!];
    const points = new Map(EXAMPLE_RULEBOOK.rules.map((r) => [r.code, r]));
    const stamp = (date: string, hours: number) => new Date(Date.parse(`${date}T09:00:00+08:00`) + hours * 3600_000);
    const originals = demoEntries.map((e) => {
      const rule = points.get(e.ruleCode)!;
      const [by, reviewer] = e.submitter === 0 ? [pair[0]!, pair[1]!] : [pair[1]!, pair[0]!];
      const reviewed = e.outcome !== 'pending';
      return {
        cadreId: cadreIds[e.cadre]!,
        ruleVersion: EXAMPLE_RULEBOOK.version,
        ruleCode: rule.code,
        kind: rule.kind,
        points: rule.points,
        date: e.date,
        reason: e.reason,
        evidence: e.evidence,
        status: e.outcome,
        source: 'manual' as const,
        submittedBy: by.id,
        submittedByName: by.username,
        submittedAt: stamp(e.date, 24),
        reviewedBy: reviewed ? reviewer.id : null,
        reviewedByName: reviewed ? reviewer.username : null,
        reviewedAt: reviewed ? stamp(e.date, 72) : null,
        reviewNote: e.outcome === 'rejected' ? '佐证材料不足，请补充文件后重新提交' : null,
      };
    });
    const ids: number[] = [];
    await chunked(originals, 1000, async (chunk) =>
      ids.push(...(await tx.insert(pointsEntries).values(chunk).returning({ id: pointsEntries.id })).map((r) => r.id)),
    );
    const reversals = demoEntries.flatMap((e, i) =>
      e.reversedOn && e.outcome === 'approved'
        ? [
            {
              ...originals[i]!,
              points: -originals[i]!.points,
              date: e.reversedOn,
              reversesId: ids[i]!,
              reason: '原表彰/处理决定已撤销，予以冲销',
              evidence: `冲销第 ${ids[i]} 号积分记录`,
              submittedAt: stamp(e.reversedOn, 24),
              reviewedAt: stamp(e.reversedOn, 48),
            },
          ]
        : [],
    );
    if (reversals.length) await tx.insert(pointsEntries).values(reversals);
    await appendAudit(
      tx,
      SYSTEM_ACTOR,
      {
        action: 'demo.seed.cadres',
        entityType: 'system',
        entityId: 'demo',
        summary: {
          rulebook: EXAMPLE_RULEBOOK.version,
          units: demoUnits.length,
          cadres: demoCadres.length,
          tenures: tenures.length,
          entries: originals.length + reversals.length,
          headsLinked: heads.length,
        },
      },
      at,
    );
  });
  // Fresh statistics for the planner after a bulk load (PGlite has no autovacuum).
  await db.execute(sql`analyze cadres, cadre_tenures, points_entries`);
}
