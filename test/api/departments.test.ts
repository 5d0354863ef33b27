import { describe, expect, it } from 'vitest';
import { makeTestContext } from '../support/app.ts';

const ctx = await makeTestContext();
const admin = await ctx.as('admin');
const req = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, cookie = admin) =>
  ctx.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });

describe('departments registry', () => {
  it('creates a department with its head, lists and reads it', async () => {
    const res = await req('POST', '/departments', {
      code: 'scjgj',
      nameZh: '市市场监督管理局',
      nameEn: 'Market Regulation',
      category: 'enforcement',
      head: { name: '李明华', title: '局长', since: '2021-01-05' },
    });
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({
      code: 'scjgj',
      nameZh: '市市场监督管理局',
      active: true,
      head: { name: '李明华', since: '2021-01-05', until: null },
    });
    const list = (await req('GET', '/departments')).json();
    expect(list.map((x: { code: string }) => x.code)).toContain('scjgj');
  });

  it('keeps head tenure history when a new head is appointed', async () => {
    const id = (await req('GET', '/departments')).json().find((x: { code: string }) => x.code === 'scjgj').id;
    const res = await req('POST', `/departments/${id}/head`, { name: '王新', title: '局长', since: '2026-02-01' });
    expect(res.statusCode).toBe(200);
    expect(res.json().head).toMatchObject({ name: '王新', until: null });
    const detail = (await req('GET', `/departments/${id}`)).json();
    expect(detail.headHistory).toEqual([
      expect.objectContaining({ name: '李明华', since: '2021-01-05', until: '2026-01-31' }),
      expect.objectContaining({ name: '王新', since: '2026-02-01', until: null }),
    ]);
    // A head cannot start before the one in office did.
    const bad = await req('POST', `/departments/${id}/head`, { name: '赵', title: '局长', since: '2020-01-01' });
    expect(bad.statusCode).toBe(422);
    expect((await req('GET', `/departments/${id}`)).json().headHistory).toHaveLength(2);
  });

  it('an appointment recorded ahead of time shows as coming, and takes office on its day in the city', async () => {
    const id = (await req('GET', '/departments')).json().find((x: { code: string }) => x.code === 'scjgj').id;
    ctx.clock.now = new Date('2026-06-01T02:00:00Z');
    expect((await req('POST', `/departments/${id}/head`, { name: '孙未来', title: '局长', since: '2026-07-01' })).statusCode).toBe(200);
    const listed = () => req('GET', '/departments').then((r) => r.json().find((x: { id: number }) => x.id === id));
    expect(await listed()).toMatchObject({ head: { name: '王新' }, nextHead: { name: '孙未来', since: '2026-07-01' } });
    expect((await req('GET', `/departments/${id}`)).json()).toMatchObject({ head: { name: '王新' }, nextHead: { name: '孙未来' } });
    // 23:30 on 30 June in the city: still the old head. 00:30 on 1 July (still 30 June in UTC): the new one.
    ctx.clock.now = new Date('2026-06-30T15:30:00Z');
    expect((await listed()).head.name).toBe('王新');
    ctx.clock.now = new Date('2026-06-30T16:30:00Z');
    expect(await listed()).toMatchObject({ head: { name: '孙未来' }, nextHead: null });
  });

  it('updates a department and audits before/after', async () => {
    const id = (await req('GET', '/departments')).json().find((x: { code: string }) => x.code === 'scjgj').id;
    const res = await req('PATCH', `/departments/${id}`, { active: false, nameEn: 'AMR' });
    expect(res.json()).toMatchObject({ active: false, nameEn: 'AMR' });
    const audit = (await req('GET', `/audit?entityType=department&entityId=${id}`)).json();
    expect(audit.items[0]).toMatchObject({
      action: 'department.update',
      actorName: 'test-admin',
      summary: { before: { active: true }, after: { active: false } },
    });
  });

  it('refuses bad input with a clear 4xx and changes nothing', async () => {
    const before = (await req('GET', '/departments')).json().length;
    const bad = await req('POST', '/departments', { code: 'Bad Code!', nameZh: '', category: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/code/);
    const dup = await req('POST', '/departments', { code: 'scjgj', nameZh: '重复', category: 'x' });
    expect(dup.statusCode).toBe(409);
    expect((await req('GET', '/departments/99999')).statusCode).toBe(404);
    expect((await req('GET', '/departments/abc')).statusCode).toBe(400);
    expect((await req('GET', '/departments')).json()).toHaveLength(before);
  });

  it('only admins change the registry', async () => {
    for (const role of ['leader', 'supervisor', 'dept_head'] as const) {
      const res = await req('POST', '/departments', { code: 'newdept', nameZh: '新局', category: 'x' }, await ctx.as(role));
      expect(res.statusCode).toBe(403);
    }
    expect((await req('GET', '/departments', undefined, await ctx.as('dept_head'))).statusCode).toBe(200);
  });
});
