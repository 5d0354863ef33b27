// The demo a newcomer first sees: a living system made through the real code paths.
import { describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { verifyAuditChain } from '../../server/audit/audit.writer.ts';
import { auditLog } from '../../server/db/schema.ts';
import { publishedHistory } from '../../server/results/results.queries.ts';
import { votesOverTime } from '../../shared/charts/votes.ts';
import { seedDemo } from '../../server/demo/seed.ts';
import { escalationBoard } from '../../server/escalations/escalations.service.ts';
import { listCases } from '../../server/rectification/rectification.service.ts';
import { listRounds } from '../../server/rounds/rounds.service.ts';
import { freshDatabase } from '../support/database.ts';

const database = await freshDatabase();
const now = new Date('2026-11-25T08:00:00Z');
await seedDemo(database.db, now, { secret: 'demo-secret-demo-secret-demo-secret-123' });
const { db } = database;

describe('demo history', () => {
  it('has four published quarters and the current one open with part of its responses', async () => {
    const rounds = await listRounds(db, now);
    expect(rounds.map((r) => `${r.id}:${r.status}`)).toEqual(['2026Q4:open', '2026Q3:published', '2026Q2:published', '2026Q1:published', '2025Q4:published']);
  });

  it('tells the stories: 城管局 three quarters in a row reaches reassignment; 城投公司 flagged, not, flagged starts over', async () => {
    const board = await escalationBoard(db, null, now, 'Asia/Shanghai');
    const of = (code: string) => board.records.filter((r) => r.departmentCode === code).map((r) => `${r.roundId}:${r.level}`).sort();
    expect(of('cgj')).toEqual(['2026Q1:pledge', '2026Q2:admonishment', '2026Q3:reassignment']);
    expect(of('ctgs')).toEqual(['2025Q4:pledge', '2026Q2:pledge']);
    expect(board.departments.find((d) => d.code === 'cgj')).toMatchObject({ streak: 3, headStreak: 3, departmentStreak: 3, level: 'reassignment', measures: ['pledge', 'reassignment'] });
    // Every flagged quarter brings the pledge: the second and third add admonishment, then reassignment.
    const measures = (code: string) => board.records.filter((r) => r.departmentCode === code).map((r) => `${r.roundId}:${r.measures.join('+')}`).sort();
    expect(measures('cgj')).toEqual(['2026Q1:pledge', '2026Q2:pledge+admonishment', '2026Q3:pledge+reassignment']);
  });

  it('has rectification cases in several states and an intact audit chain', async () => {
    const cases = await listCases(db, { id: 1, username: 'admin', displayName: '', role: 'admin', departmentId: null, mustChangePassword: false }, {}, now, 'Asia/Shanghai');
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(['open', 'submitted', 'returned', 'closed']));
    expect(cases.some((c) => c.overdue)).toBe(true);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('writes its audit log in time order, from the registries on', async () => {
    const times = (await db.select({ at: auditLog.at }).from(auditLog).orderBy(asc(auditLog.id))).map((r) => r.at.getTime());
    expect(times.length).toBeGreaterThan(100);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times.at(-1)).toBeLessThanOrEqual(now.getTime());
  });

  it('reproduces the seed city’s figure: the most least-satisfied votes for one department, 17 in the first round, 5 in the latest', async () => {
    const rounds = (await publishedHistory(db)).map((h) => ({
      round: { id: h.roundId },
      departments: h.payload.results.departments.map((d) => ({ ...d, nameEn: null })),
    }));
    expect(votesOverTime(rounds).headline).toMatchObject({ from: 17, to: 5 });
  });
});
