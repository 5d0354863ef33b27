// One clock: TZ_CITY decides "today" in every module, not only where it was first threaded through.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_RULEBOOK } from '#shared/points/rulebook.ts';
import { insertRulebook } from '#server/points/rules.service.ts';
import { makeTestContext } from '../support/app.ts';
import { testConfig } from '../support/config.ts';

// A city far west of UTC: at 02:00 UTC on 2 March it is still 1 March there (21:00).
const ctx = await makeTestContext({ config: { city: { ...testConfig().city, timeZone: 'America/New_York' } } });
ctx.clock.now = new Date('2026-03-02T02:00:00Z');
await ctx.database.db.transaction((tx) => insertRulebook(tx, EXAMPLE_RULEBOOK, 'test', ctx.clock.now));
const as = async (role: 'admin' | 'org') => ctx.as(role);
const api = async (role: 'admin' | 'org', method: 'GET' | 'POST', url: string, payload?: object) =>
  ctx.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: await as(role) }, ...(payload ? { payload } : {}) });

describe('the city clock (TZ_CITY) across modules', () => {
  it('points: an entry dated the UTC day, still tomorrow in the city, is refused as future', async () => {
    const unit = (
      await api('org', 'POST', '/units', { code: 'u1', nameZh: '市测试局', kind: 'department', departmentId: ctx.departmentIds.own })
    ).json();
    const cadre = (
      await api('org', 'POST', '/cadres', {
        code: 'C1',
        name: '张三',
        unitId: unit.id,
        post: '局长',
        rank: 'researcher_4',
        leadership: true,
        since: '2020-01-01',
      })
    ).json();
    const entry = (date: string) =>
      api('org', 'POST', '/points/entries', { cadreId: cadre.id, ruleCode: 'award_city', date, reason: '表彰', evidence: '文件' });
    expect((await entry('2026-03-02')).statusCode).toBe(422);
    expect((await entry('2026-03-01')).statusCode).toBe(201);
    // Standings default to the city's today.
    expect((await api('org', 'GET', `/cadres/${cadre.id}/points`)).json()).toMatchObject({ asOf: '2026-03-01' });
  });

  it('departments: a head appointed from the UTC day is not in office yet in the city', async () => {
    expect(
      (await api('admin', 'POST', `/departments/${ctx.departmentIds.own}/head`, { name: '新局长', title: '局长', since: '2026-03-02' }))
        .statusCode,
    ).toBe(200);
    const own = (await api('admin', 'GET', `/departments/${ctx.departmentIds.own}`)).json();
    expect(own.head?.name ?? null).not.toBe('新局长');
    expect(own.nextHead).toMatchObject({ name: '新局长' });
  });

  it("audit: a day filter means the city's day", async () => {
    const items = (await api('admin', 'GET', '/audit?from=2026-03-01&to=2026-03-01&pageSize=100')).json().items as { action: string }[];
    expect(items.map((i) => i.action)).toContain('department.head.appoint');
    expect((await api('admin', 'GET', '/audit?from=2026-03-02&pageSize=100')).json().items).toEqual([]);
  });
});
