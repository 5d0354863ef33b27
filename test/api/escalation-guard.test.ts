// The statistical guard (policy 2027-guard) through the real API: a department clearly last gets
// measures; two that only the tie-break put in the bottom three are watched (观察) instead; the
// supervisor overrides one (measures apply, audited with the reason) and confirms the other; streaks
// count only quarters with measures.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '#server/db/schema.ts';
import { makeTestContext } from '../support/app.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { runQuarter } from '../support/rounds.ts';
import type { Level } from '../support/survey.ts';

const ctx = await makeTestContext();
const { departments } = await seedRegistry(ctx.database.db, { enterprises: 200, departments: 6 });
const api = async (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) =>
  ctx.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
const codes = departments.map((d) => d.code);
const [A] = codes as [string];
const idOf = (code: string) => departments.find((d) => d.code === code)!.id;
const LEVELS: Level[] = ['satisfied', 'fairly_satisfied', 'basically_satisfied', 'dissatisfied'];
/** A is rated 不满意 by all; every other department gets the same mix (the tie-break alone orders them), except those in `worst`. */
const design =
  (worst: string[] = []) =>
  (code: string, i: number): Level =>
    code === A || worst.includes(code) ? 'dissatisfied' : codes.includes(code) ? LEVELS[i % 4]! : 'satisfied';
type Watch = {
  roundId: string;
  departmentId: number;
  code: string;
  reasons: string[];
  pBottom: number;
  review: null | { decision: string; reason: string; reviewedBy: string };
};
type Rec = { roundId: string; departmentCode: string; measures: string[]; streak: number };

describe('the statistical guard', () => {
  let watched: string[] = [];

  it('watches the bottom-three departments the ranking cannot tell apart, and measures the one it can', async () => {
    const published = await runQuarter(ctx, '2026Q1', design(), { sampleSize: 40, round: { escalationPolicy: '2027-guard' } });
    const flagged: { code: string; pBottom: number }[] = published.departments.filter((d: { flagged: boolean }) => d.flagged);
    expect(flagged.map((d) => d.code)).toContain(A);
    const board = (await api('GET', '/escalations', await ctx.as('supervisor'))).json();
    const watches: Watch[] = board.watches;
    watched = watches.map((w) => w.code).sort();
    expect(watched).toHaveLength(2);
    expect(watched).not.toContain(A);
    for (const w of watches) {
      expect(w).toMatchObject({ roundId: '2026Q1', review: null });
      expect(w.reasons).toContain('p_bottom_below');
      expect(w.pBottom).toBeLessThan(0.5);
    }
    // Only A has a record with measures.
    expect(board.records.map((r: Rec) => [r.departmentCode, r.measures])).toEqual([[A, ['pledge']]]);
  });

  it('the supervisor overrides one watch (measures apply) and confirms the other, each with a reason, audited', async () => {
    const supervisor = await ctx.as('supervisor');
    const [W1, W2] = watched as [string, string];
    // Only the supervisor decides; a reason is required.
    expect(
      (
        await api('POST', '/escalations/watches/review', await ctx.as('admin'), {
          roundId: '2026Q1',
          departmentId: idOf(W1),
          decision: 'override',
          reason: '差距明显，应当问责',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await api('POST', '/escalations/watches/review', supervisor, {
          roundId: '2026Q1',
          departmentId: idOf(W1),
          decision: 'override',
          reason: '否',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await api('POST', '/escalations/watches/review', supervisor, {
          roundId: '2026Q1',
          departmentId: idOf(A),
          decision: 'confirm',
          reason: '不在观察之列',
        })
      ).statusCode,
    ).toBe(404);

    const over = await api('POST', '/escalations/watches/review', supervisor, {
      roundId: '2026Q1',
      departmentId: idOf(W1),
      decision: 'override',
      reason: '连续两季不满意集中，按规则问责',
    });
    expect(over.statusCode).toBe(200);
    expect(over.json().review).toMatchObject({ decision: 'override', reason: '连续两季不满意集中，按规则问责' });
    const conf = await api('POST', '/escalations/watches/review', supervisor, {
      roundId: '2026Q1',
      departmentId: idOf(W2),
      decision: 'confirm',
      reason: '与第四位无显著差异，观察一季',
    });
    expect(conf.json().review).toMatchObject({ decision: 'confirm' });
    // Once per watch.
    const again = await api('POST', '/escalations/watches/review', supervisor, {
      roundId: '2026Q1',
      departmentId: idOf(W2),
      decision: 'override',
      reason: '改变主意了的理由',
    });
    expect(again.statusCode).toBe(409);

    const board = (await api('GET', '/escalations', await ctx.as('leader'))).json();
    expect(board.records.map((r: Rec) => r.departmentCode).sort()).toEqual([A, W1].sort());
    expect(board.records.find((r: Rec) => r.departmentCode === W1)).toMatchObject({ measures: ['pledge'], streak: 1 });
    const audit = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'escalation.watch_review'), eq(auditLog.entityId, '2026Q1')));
    expect(
      audit.map((e) => e.summary as { decision: string; reason: string; code: string }).map((s) => [s.code, s.decision, s.reason]),
    ).toEqual([
      [W1, 'override', '连续两季不满意集中，按规则问责'],
      [W2, 'confirm', '与第四位无显著差异，观察一季'],
    ]);
    // The public page says who is watched, why, and the decision: never the supervisor's reason or name.
    const page = (await ctx.app.inject({ method: 'GET', url: '/api/v1/public/rounds/2026Q1' })).json();
    const flaggedOf = (code: string) => page.flagged.find((d: { code: string }) => d.code === code);
    expect(flaggedOf(W1)).toMatchObject({
      measures: ['pledge'],
      watch: { reasons: expect.arrayContaining(['p_bottom_below']), review: 'override' },
    });
    expect(flaggedOf(W2)).toMatchObject({ measures: [], watch: { review: 'confirm' } });
    expect(flaggedOf(A)).toMatchObject({ measures: ['pledge'], watch: null });
    expect(JSON.stringify(page)).not.toContain('观察一季');
    const revision = (audit[0]!.summary as { escalations: { created: { code: string }[] } }).escalations;
    expect(revision.created.map((c) => c.code)).toEqual([W1]);
  });

  it('streaks count only quarters with measures: the confirmed watch starts afresh, the overridden one continues', async () => {
    const [W1, W2] = watched as [string, string];
    // Next quarter A, W1 and W2 are all clearly last: every one gets measures.
    await runQuarter(ctx, '2026Q2', design([W1, W2]), { sampleSize: 40, round: { escalationPolicy: '2027-guard' } });
    const board = (await api('GET', '/escalations', await ctx.as('supervisor'))).json();
    const q2 = (code: string) => board.records.find((r: Rec) => r.roundId === '2026Q2' && r.departmentCode === code);
    expect(q2(A)).toMatchObject({ streak: 2, measures: ['pledge', 'admonishment'] });
    expect(q2(W1)).toMatchObject({ streak: 2, measures: ['pledge', 'admonishment'] });
    expect(q2(W2)).toMatchObject({ streak: 1, measures: ['pledge'] });
    expect(board.watches.filter((w: Watch) => w.roundId === '2026Q2')).toEqual([]);
  });
});
