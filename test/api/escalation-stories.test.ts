// The remaining stories of the escalation rule, told through the API: an unranked department, a quarter
// with no round, two heads in one quarter, a head changed before and after a streak, a fourth flagged quarter.
import { describe, expect, it } from 'vitest';
import { makeTestContext } from '../support/app.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { runQuarter } from '../support/rounds.ts';
import type { Level } from '../support/survey.ts';

const ctx = await makeTestContext();
const { departments } = await seedRegistry(ctx.database.db, { enterprises: 150, departments: 6 });
const admin = await ctx.as('admin');
const call = async (method: 'GET' | 'POST', url: string, payload?: object) =>
  ctx.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: admin }, ...(payload ? { payload } : {}) });
const [A, B, C, D, E] = departments.map((d) => d.code) as [string, string, string, string, string];
const idOf = (code: string) => departments.find((d) => d.code === code)!.id;
/** `bad` are rated dissatisfied, `weak` basically satisfied, `unknown` by nobody (so unranked); the rest satisfied. */
const ratings =
  (bad: string[], { weak = [] as string[], unknown = [] as string[] } = {}) =>
  (code: string): Level =>
    unknown.includes(code)
      ? 'not_applicable'
      : bad.includes(code)
        ? 'dissatisfied'
        : weak.includes(code)
          ? 'basically_satisfied'
          : 'satisfied';
const appoint = async (code: string, name: string, since: string) =>
  expect((await call('POST', `/departments/${idOf(code)}/head`, { name, title: '局长', since })).statusCode).toBe(200);

type Rec = {
  roundId: string;
  departmentCode: string;
  measures: string[];
  level: string;
  headStreak: number;
  departmentStreak: number;
  headName: string | null;
};
const board = async () =>
  (await call('GET', '/escalations')).json() as {
    records: Rec[];
    departments: { code: string; headStreak: number; departmentStreak: number; level: string | null; headName?: string | null }[];
  };
/** "round code head headStreak/departmentStreak measures" for the current records of one quarter. */
const quarter = async (roundId: string) =>
  (await board()).records
    .filter((r) => r.roundId === roundId)
    .map((r) => `${r.departmentCode} ${r.headName} ${r.headStreak}/${r.departmentStreak} ${r.measures.join('+')}`)
    .sort();

describe('escalation stories through the API', () => {
  it('a head changed before the streak carries all of it', async () => {
    // A's new head takes office on 15 January, before 2029Q1 closes (1 February).
    await appoint(A, '甲新局长', '2029-01-15');
    await runQuarter(ctx, '2029Q1', ratings([A, B, C]));
    const q1 = await quarter('2029Q1');
    expect(q1).toHaveLength(3);
    expect(q1).toEqual(
      expect.arrayContaining([
        `${A} 甲新局长 1/1 pledge`,
        expect.stringMatching(new RegExp(`^${B} .+ 1/1 pledge$`)),
        expect.stringMatching(new RegExp(`^${C} .+ 1/1 pledge$`)),
      ]),
    );
  });

  it('two heads in one quarter: the one in office on the closing day answers; an unranked department is not flagged; a head changed after the streak leaves it with the predecessor', async () => {
    // B's post changes hands twice within 2029Q2 (opens 1 April, closes 1 May).
    await appoint(B, '乙二局长', '2029-04-05');
    await appoint(B, '乙三局长', '2029-04-20');
    // C is rated by nobody: not ranked, so not flagged; D is the third from the bottom.
    await runQuarter(ctx, '2029Q2', ratings([A, B], { weak: [D], unknown: [C] }), { publish: false });
    // D's head leaves the day after the round closed, before publication: the quarter stays with the predecessor.
    await appoint(D, '丁新局长', '2029-05-02');
    ctx.clock.now = new Date('2029-05-10T02:00:00Z');
    expect((await call('POST', '/rounds/2029Q2/publish')).statusCode).toBe(200);
    const q2 = await quarter('2029Q2');
    expect(q2).toHaveLength(3);
    expect(q2).toContain(`${A} 甲新局长 2/2 pledge+admonishment`);
    expect(q2).toContain(`${B} 乙三局长 1/2 pledge`);
    const d = q2.find((s) => s.startsWith(`${D} `))!;
    expect(d).toMatch(/ 1\/1 pledge$/);
    expect(d).not.toContain('丁新局长');
    expect(q2.some((s) => s.startsWith(`${C} `))).toBe(false);
  });

  it("a quarter with no round: the published evaluations on either side are consecutive; the unranked quarter ended C's streak", async () => {
    // No round measures 2029Q3.
    await runQuarter(ctx, '2029Q4', ratings([A, B, C]));
    const q4 = await quarter('2029Q4');
    expect(q4).toHaveLength(3);
    expect(q4).toEqual(
      expect.arrayContaining([
        `${A} 甲新局长 3/3 pledge+reassignment`,
        `${B} 乙三局长 2/3 pledge+admonishment`,
        expect.stringMatching(new RegExp(`^${C} .+ 1/1 pledge$`)),
      ]),
    );
  });

  it('a fourth flagged quarter stays at reassignment and keeps the pledge; the board shows both streaks', async () => {
    await runQuarter(ctx, '2030Q1', ratings([A, B, E]));
    expect(await quarter('2030Q1')).toContain(`${A} 甲新局长 4/4 pledge+reassignment`);
    expect(await quarter('2030Q1')).toContain(`${B} 乙三局长 3/4 pledge+reassignment`);
    const b = await board();
    expect(b.departments.find((x) => x.code === A)).toMatchObject({ headStreak: 4, departmentStreak: 4, level: 'reassignment' });
    expect(b.departments.find((x) => x.code === B)).toMatchObject({ headStreak: 3, departmentStreak: 4, level: 'reassignment' });
    const history = (await call('GET', `/departments/${idOf(C)}/history`)).json();
    expect(
      history.rounds.map(
        (r: { roundId: string; headStreak: number; departmentStreak: number }) => `${r.roundId} ${r.headStreak}/${r.departmentStreak}`,
      ),
    ).toEqual(expect.arrayContaining(['2029Q1 1/1', '2029Q4 1/1']));
  });
});
