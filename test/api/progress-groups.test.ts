// Issue 21, story 7: progress by township, industry or stratum shows the sample's make-up, so while a round runs
// only the admin running it sees the groups; leaders and supervisors see the totals, and the groups after close
// with those under 5 respondents left out (heads and org never read progress). Role × status matrix, both databases.
import { describe, expect, it } from 'vitest';
import { ballotMoverTick } from '#server/survey/ballot-mover.ts';
import { makeTestContext, type TestRole } from '../support/app.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { completeSubmission, openRoundWithTokens } from '../support/survey.ts';

const ROUND = '2026Q1';
const ctx = await makeTestContext({ ballotMoveEveryMs: 0 });
await seedRegistry(ctx.database.db, { enterprises: 200, departments: 3 });
const tokens = [...(await openRoundWithTokens(ctx, ROUND, { sampleSize: 40 })).values()];
const departmentIds: number[] = (await ctx.app.inject({ method: 'GET', url: `/api/v1/survey/${tokens[0]}` }))
  .json()
  .departments.map((d: { id: number }) => d.id);
for (const token of tokens) {
  const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/survey/${token}/submit`, payload: completeSubmission(departmentIds) });
  expect(res.statusCode).toBe(200);
}
await ballotMoverTick(ctx.database.db, ctx.clock.now);

interface Group {
  key: string;
  invited: number;
  submitted: number;
}
interface Progress {
  groups: string;
  invited: number;
  submitted: number;
  byStratum: Group[];
  byTownship: Group[];
  byIndustry: Group[];
}
const progress = async (role: TestRole) =>
  ctx.app.inject({ method: 'GET', url: `/api/v1/rounds/${ROUND}/progress`, headers: { cookie: await ctx.as(role) } });
const read = async (role: TestRole) => (await progress(role)).json() as Progress;

const whileOpen = { admin: await read('admin'), leader: await read('leader'), supervisor: await read('supervisor') };
const refusedWhileOpen = await Promise.all((['dept_head', 'org'] as const).map(async (r) => (await progress(r)).statusCode));
expect(
  (await ctx.app.inject({ method: 'POST', url: `/api/v1/rounds/${ROUND}/close`, headers: { cookie: await ctx.as('admin') }, payload: {} }))
    .statusCode,
).toBe(200);
const afterClose = { admin: await read('admin'), leader: await read('leader'), supervisor: await read('supervisor') };
const refusedAfterClose = await Promise.all((['dept_head', 'org'] as const).map(async (r) => (await progress(r)).statusCode));

describe('progress while the round is open', () => {
  it('gives the admin every group', () => {
    expect(whileOpen.admin).toMatchObject({ groups: 'all', invited: 40, submitted: 40 });
    expect(whileOpen.admin.byTownship.reduce((s, g) => s + g.invited, 0)).toBe(40);
    expect(whileOpen.admin.byIndustry.length).toBeGreaterThan(1);
  });

  it.each(['leader', 'supervisor'] as const)('gives the %s the totals and no group at all', (role) => {
    expect(whileOpen[role]).toMatchObject({
      groups: 'after_close',
      invited: 40,
      submitted: 40,
      byStratum: [],
      byTownship: [],
      byIndustry: [],
    });
  });

  it('refuses heads and org', () => {
    expect(refusedWhileOpen).toEqual([403, 403]);
  });
});

describe('progress after close', () => {
  it.each(['leader', 'supervisor'] as const)(
    'gives the %s the groups of 5 or more respondents, and leaves out at least 5 or none',
    (role) => {
      const p = afterClose[role];
      expect(p).toMatchObject({ groups: 'suppressed', invited: 40, submitted: 40 });
      for (const dimension of ['byStratum', 'byTownship', 'byIndustry'] as const) {
        const shown = p[dimension];
        expect(
          shown.every((g) => g.submitted >= 5),
          dimension,
        ).toBe(true);
        const hidden = 40 - shown.reduce((s, g) => s + g.submitted, 0);
        expect(hidden === 0 || hidden >= 5, `${dimension}: ${hidden} hidden`).toBe(true);
        // Whatever is shown is exactly the admin's figure for that group.
        for (const g of shown) expect(afterClose.admin[dimension].find((a) => a.key === g.key)).toEqual(g);
      }
      // 40 enterprises over the demo's townships: some groups are small, and those are the ones left out.
      expect(p.byTownship.length).toBeLessThan(afterClose.admin.byTownship.length);
    },
  );

  it('still gives the admin every group, and still refuses heads and org', () => {
    expect(afterClose.admin.groups).toBe('all');
    expect(afterClose.admin.byTownship).toEqual(whileOpen.admin.byTownship);
    expect(refusedAfterClose).toEqual([403, 403]);
  });
});
