// Four eyes means two people (issue 21, item 10): the admin running rounds resets no account; the
// security administrator does, and an account whose password someone else set approves or decides
// nothing until its holder has set their own and a day has passed (on the app's clock).
import { describe, expect, it } from 'vitest';
import { EXAMPLE_RULEBOOK } from '#shared/points/rulebook.ts';
import { insertRulebook } from '#server/points/rules.service.ts';
import { makeTestContext, sessionCookie } from '../support/app.ts';

const ctx = await makeTestContext(); // clock: 2026-03-01T08:00Z
await ctx.database.db.transaction((tx) => insertRulebook(tx, EXAMPLE_RULEBOOK, 'test', ctx.clock.now));
const [admin, security, org, org2] = [await ctx.as('admin'), await ctx.as('security'), await ctx.as('org'), await ctx.as('org2')];
const api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, cookie: string, payload?: object) =>
  ctx.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
let address = 0;
const login = (username: string, password: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: `10.30.0.${++address}` });
const later = (hours: number) => {
  ctx.clock.now = new Date(ctx.clock.now.getTime() + hours * 3_600_000);
};

const unit = (
  await api('POST', '/units', org, { code: 'u-four', nameZh: '市测试局', kind: 'department', departmentId: ctx.departmentIds.own })
).json();
const cadre = (
  await api('POST', '/cadres', org, {
    code: 'C900',
    name: '赵六',
    unitId: unit.id,
    post: '科员',
    rank: 'researcher_4',
    leadership: false,
    since: '2016-01-01',
  })
).json();
const submit = async () => {
  const res = await api('POST', '/points/entries', org, {
    cadreId: cadre.id,
    ruleCode: 'award_city',
    date: '2025-05-01',
    reason: '市级表彰',
    evidence: '文件',
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as number;
};
const usersByName = async () =>
  new Map(((await api('GET', '/users', security)).json() as { id: number; username: string }[]).map((u) => [u.username, u.id]));

describe('four eyes after a password reset', () => {
  it('replays the story: the admin cannot reset; a reset org2 approves only a day after setting its own password', async () => {
    const entry = await submit();
    const org2Id = (await usersByName()).get('test-org2')!;

    // The admin running rounds no longer administers accounts at all.
    const byAdmin = await api('POST', `/users/${org2Id}/reset-password`, admin);
    expect(byAdmin.statusCode).toBe(403);

    // The security administrator resets org2; the holder's session ends.
    const reset = await api('POST', `/users/${org2Id}/reset-password`, security);
    expect(reset.statusCode).toBe(200);
    expect((await api('GET', '/me', org2)).statusCode).toBe(401);

    // Whoever knows the one-time password must replace it first ...
    const first = sessionCookie(await login('test-org2', reset.json().oneTimePassword));
    expect((await api('POST', `/points/entries/${entry}/approve`, first, {})).json().error.code).toBe('password_change_required');
    const changed = await api('POST', '/auth/password', first, {
      currentPassword: reset.json().oneTimePassword,
      newPassword: 'amber-tide-4471-quill',
    });
    expect(changed.statusCode).toBe(200);
    const cookie = sessionCookie(changed);

    // ... and still approves nothing for 24 hours, while reading and submitting work.
    const refused = await api('POST', `/points/entries/${entry}/approve`, cookie, {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'recently_reset', details: { decidesFrom: '2026-03-02T08:00:00.000Z' } });
    expect((await api('POST', `/points/entries/${entry}/reject`, cookie, {})).json().error.code).toBe('recently_reset');
    expect((await api('GET', '/points/entries?status=pending', cookie)).statusCode).toBe(200);

    // A further change of one's own does not restart the day (it is no one else's password).
    later(12);
    const again = await api('POST', '/auth/password', cookie, {
      currentPassword: 'amber-tide-4471-quill',
      newPassword: 'copper-fjord-5582-wren',
    });
    expect(again.statusCode).toBe(200);
    const cookie2 = sessionCookie(again);
    later(11.99);
    expect((await api('POST', `/points/entries/${entry}/approve`, cookie2, {})).json().error.code).toBe('recently_reset');
    later(0.01);
    const approved = await api('POST', `/points/entries/${entry}/approve`, cookie2, {});
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', reviewedBy: 'test-org2' });
  });

  it('a new account, whose one-time password the security administrator saw, waits the same day', async () => {
    const entry = await submit();
    const created = await api('POST', '/users', security, { username: 'org.three', displayName: '组织部三', role: 'org' });
    expect(created.statusCode).toBe(201);
    expect(created.json().user.decidesFrom).toBeNull();
    const first = sessionCookie(await login('org.three', created.json().oneTimePassword));
    const cookie = sessionCookie(
      await api('POST', '/auth/password', first, {
        currentPassword: created.json().oneTimePassword,
        newPassword: 'violet-marsh-3390-kestrel',
      }),
    );
    expect((await api('POST', `/points/entries/${entry}/approve`, cookie, {})).json().error.code).toBe('recently_reset');
    // The security administrator's list says from when.
    const listed = (await api('GET', `/users/${created.json().user.id}`, security)).json();
    expect(listed.decidesFrom).toBe(new Date(ctx.clock.now.getTime() + 24 * 3_600_000).toISOString());
    later(24);
    expect((await api('POST', `/points/entries/${entry}/approve`, cookie, {})).statusCode).toBe(200);
  });

  it('every deciding route refuses a reset admin with recently_reset before looking at the request', async () => {
    const deciding = ctx.app.routeAccess
      .filter((r) => r.decides)
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(deciding).toEqual([
      'PATCH /api/v1/escalations/:id',
      'PATCH /api/v1/escalations/:id/measures/:measure',
      'POST /api/v1/appeals/:id/decision',
      'POST /api/v1/escalations/watches/review',
      'POST /api/v1/points/entries/:id/approve',
      'POST /api/v1/points/entries/:id/reject',
      'POST /api/v1/rectification/cases/:id/review',
      'POST /api/v1/rounds/:id/publish',
      'POST /api/v1/rounds/:id/results/correct',
    ]);
    const adminId = (await usersByName()).get('test-admin')!;
    const reset = (await api('POST', `/users/${adminId}/reset-password`, security)).json();
    const first = sessionCookie(await login('test-admin', reset.oneTimePassword));
    const cookie = sessionCookie(
      await api('POST', '/auth/password', first, { currentPassword: reset.oneTimePassword, newPassword: 'granite-owl-6610-brook' }),
    );
    for (const route of deciding) {
      const [method, url] = route.split(' ') as ['POST' | 'PATCH', string];
      if (method === 'POST' && url.includes('/points/')) continue; // org's routes, replayed above
      if (url.includes('/watches/')) continue; // the supervisor's route (role-matrix.test.ts; the same guard)
      const res = await api(
        method,
        url
          .replace('/api/v1', '')
          .replace(':id/measures/:measure', '1/measures/pledge')
          .replace(':id', url.includes('/rounds/') ? '2026Q1' : '1'),
        cookie,
        {},
      );
      expect(res.statusCode, route).toBe(403);
      expect(res.json().error.code, route).toBe('recently_reset');
    }
    // Running a round is not deciding: the reset admin keeps working meanwhile.
    expect((await api('GET', '/rounds', cookie)).statusCode).toBe(200);
  });
});
