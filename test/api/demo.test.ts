// The demo a newcomer first sees: a living system made through the real code paths.
import { afterAll, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { listRequests } from '#server/requests/requests.service.ts';
import { verifyAuditChain } from '#server/audit/audit.writer.ts';
import { auditLog } from '#server/db/schema.ts';
import { publishedHistory } from '#server/results/results.queries.ts';
import { votesOverTime } from '#shared/charts/votes.ts';
import { seedDemo } from '#server/demo/seed.ts';
import { escalationBoard } from '#server/escalations/board.ts';
import { caseDetail, listCases } from '#server/rectification/rectification.service.ts';
import { serviceContext } from '#server/context.ts';
import { listRounds } from '#server/rounds/rounds.service.ts';
import { freshDatabase } from '../support/database.ts';
import { and, count, eq, isNotNull } from 'drizzle-orm';
import { cadres, departmentHeads, pointsEntries, units, users } from '#server/db/schema.ts';
import { computeStandings } from '#server/points/standings.service.ts';

const database = await freshDatabase();
afterAll(() => database.close());
const now = new Date('2026-11-25T08:00:00Z');
await seedDemo(database.db, now, { secret: 'demo-secret-demo-secret-demo-secret-123' });
const { db } = database;

describe('demo history', () => {
  it('has four published quarters and the current one open with part of its responses', async () => {
    const rounds = await listRounds(serviceContext(db, { now, zone: 'Asia/Shanghai' }));
    expect(rounds.map((r) => `${r.id}:${r.status}`)).toEqual([
      '2026Q4:open',
      '2026Q3:published',
      '2026Q2:published',
      '2026Q1:published',
      '2025Q4:published',
    ]);
  });

  it('tells the stories: 城管局 three quarters in a row reaches reassignment; 城投公司 flagged, not, flagged starts over', async () => {
    const board = await escalationBoard(serviceContext(db, { now, zone: 'Asia/Shanghai' }), { departmentId: null });
    const of = (code: string) =>
      board.records
        .filter((r) => r.departmentCode === code)
        .map((r) => `${r.roundId}:${r.level}`)
        .sort();
    expect(of('cgj')).toEqual(['2026Q1:pledge', '2026Q2:admonishment', '2026Q3:reassignment']);
    expect(of('ctgs')).toEqual(['2025Q4:pledge', '2026Q2:pledge']);
    expect(board.departments.find((d) => d.code === 'cgj')).toMatchObject({
      streak: 3,
      headStreak: 3,
      departmentStreak: 3,
      level: 'reassignment',
      measures: ['pledge', 'reassignment'],
    });
    // Every flagged quarter brings the pledge: the second and third add admonishment, then reassignment.
    const measures = (code: string) =>
      board.records
        .filter((r) => r.departmentCode === code)
        .map((r) => `${r.roundId}:${r.measures.join('+')}`)
        .sort();
    expect(measures('cgj')).toEqual(['2026Q1:pledge', '2026Q2:pledge+admonishment', '2026Q3:pledge+reassignment']);
  });

  it('gives the bottom department a clear top reason for 不满意, answered by its plan', async () => {
    const latest = (await publishedHistory(db)).at(-1)!;
    const cgj = latest.payload.results.departments.find((d) => d.code === 'cgj')!;
    const reasons = latest.payload.reasons![cgj.departmentId]!;
    expect(reasons[0]!.code).toBe('repeat_trips');
    expect(reasons[0]!.count!).toBeGreaterThan(2 * (reasons[1]!.count ?? 0));
    // Elsewhere some reasons were chosen by fewer than 3 firms: shown as "<3".
    expect(
      Object.values(latest.payload.reasons!)
        .flat()
        .some((r) => r.count === null),
    ).toBe(true);
    const admin = { id: 1, username: 'admin', displayName: '', role: 'admin' as const, departmentId: null, mustChangePassword: false };
    const ctx = serviceContext(db, { user: admin, now, zone: 'Asia/Shanghai' });
    const [cgjCase] = await listCases(ctx, { roundId: latest.roundId, departmentId: cgj.departmentId });
    const detail = await caseDetail(ctx, { id: cgjCase!.id });
    expect(detail.topReasons[0]).toMatchObject({ code: 'repeat_trips', labelZh: '多次跑动' });
    expect(detail.plan!.measures.filter((m) => m.reason).map((m) => m.reason)).toEqual(detail.topReasons.map((r) => r.code));
  });

  it('has rectification cases in several states and an intact audit chain', async () => {
    const admin = { id: 1, username: 'admin', displayName: '', role: 'admin' as const, departmentId: null, mustChangePassword: false };
    const cases = await listCases(serviceContext(db, { user: admin, now, zone: 'Asia/Shanghai' }), {});
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(['open', 'submitted', 'returned', 'closed']));
    expect(cases.some((c) => c.overdue)).toBe(true);
    // Closed cases show their call-backs.
    expect(cases.filter((c) => c.status === 'closed').every((c) => c.callbacks.calledBack === 2 && c.callbacks.reached === 1)).toBe(true);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('has requests to departments: answered and rated, answered, and one overdue', async () => {
    const admin = { id: 1, username: 'admin', displayName: '', role: 'admin' as const, departmentId: null, mustChangePassword: false };
    const { items, overdue } = await listRequests(serviceContext(db, { user: admin, now, zone: 'Asia/Shanghai' }), {});
    expect(items).toHaveLength(8);
    expect(new Set(items.map((i) => i.state))).toEqual(new Set(['waiting', 'replied', 'answered']));
    expect(overdue).toBe(1);
  });

  it('writes its audit log in time order, from the registries on', async () => {
    const times = (await db.select({ at: auditLog.at }).from(auditLog).orderBy(asc(auditLog.id))).map((r) => r.at.getTime());
    expect(times.length).toBeGreaterThan(100);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times.at(-1)).toBeLessThanOrEqual(now.getTime());
  });

  it('over-represents micro firms in the latest published quarter: weighted to the registry, the third and fourth places come closer', async () => {
    const latest = (await publishedHistory(db)).at(-1)!;
    expect(latest.roundId).toBe('2026Q3');
    const w = latest.payload.weighted!;
    expect(w.dimension).toBe('size');
    const micro = w.strata.find((s) => s.members.includes('micro'))!;
    expect(micro.respondentShare - micro.registryShare).toBeGreaterThan(0.1);
    expect(micro.weight).toBeLessThan(0.85);
    const ranked = latest.payload.results.departments.filter((d) => d.status === 'ranked');
    const gap = (means: (number | null)[]) => means.at(-4)! - means.at(-3)!;
    const unweighted = gap(ranked.map((d) => d.mean));
    const weighted = gap(w.departments.map((d) => d.mean));
    expect(weighted).toBeLessThan(unweighted - 1);
    expect(w.changed).toBe(false);
    expect(w.effectiveN).toBeLessThan(latest.payload.responses);
  });

  it('reproduces the seed city’s figure: the most least-satisfied votes for one department, 17 in the first round, 5 in the latest', async () => {
    const rounds = (await publishedHistory(db)).map((h) => ({
      round: { id: h.roundId },
      departments: h.payload.results.departments.map((d) => ({ ...d, nameEn: null })),
    }));
    expect(votesOverTime(rounds).headline).toMatchObject({ from: 17, to: 5 });
    // Each quarter tells it: the most-voted department is the one ranked last, and others vote too.
    for (const r of rounds) {
      const last = r.departments.filter((d) => d.rank !== null).sort((a, b) => b.rank! - a.rank!)[0]!;
      const point = votesOverTime([r]).points[0]!;
      expect(point.worstDepartmentId, r.round.id).toBe(last.departmentId);
      expect(point.total, r.round.id).toBeGreaterThan(point.worst);
    }
  });
});

describe('demo cadre points', () => {
  it('has 82 units, 3,900 cadres, every department head linked to a cadre, and the two org reviewers', async () => {
    expect((await db.select({ n: count() }).from(units))[0]!.n).toBe(82);
    expect((await db.select({ n: count() }).from(cadres))[0]!.n).toBe(3900);
    const heads = await db.select().from(departmentHeads);
    expect(heads.every((h) => h.cadreId !== null)).toBe(true);
    expect((await db.select().from(users).where(eq(users.role, 'org'))).map((u) => u.username).sort()).toEqual(['org', 'org2']);
  });

  it("reflects the done escalations: 城管局's head carries two pledges and an admonishment, approved by rule", async () => {
    const [cgj] = await db
      .select({ cadreId: departmentHeads.cadreId })
      .from(departmentHeads)
      .innerJoin(units, eq(units.departmentId, departmentHeads.departmentId))
      .where(eq(units.code, 'cgj'));
    const auto = await db
      .select()
      .from(pointsEntries)
      .where(and(eq(pointsEntries.cadreId, cgj!.cadreId!), isNotNull(pointsEntries.escalationId)));
    expect(auto.map((e) => `${e.roundId}:${e.measure}:${e.points}:${e.reviewedByName}`).sort()).toEqual([
      '2026Q1:pledge:-2:rule',
      '2026Q2:admonishment:-5:rule',
      '2026Q2:pledge:-2:rule',
    ]);
  });

  it('ranks every rank cohort as of any date', async () => {
    const { items } = await computeStandings(db, '2026-06-30');
    expect(items.length).toBeGreaterThan(3500);
    const cohorts = new Set(items.map((r) => r.rank));
    expect(cohorts.size).toBeGreaterThan(5);
    for (const rank of cohorts) {
      const cohort = items.filter((r) => r.rank === rank);
      expect(cohort.map((r) => r.position)).toEqual(cohort.map((_, i) => i + 1));
    }
  });
});
