// Who may read the seed, the draw record and anything naming who was drawn, by role and round status:
// the admin always; leaders, supervisors, heads and the public only once the close is final (results
// computed: a closed round may still reopen until then). Heads never see invitations.
import { describe, expect, it } from 'vitest';
import { HIDDEN_UNTIL_CLOSE } from '#server/draw/disclosure.ts';
import { makeTestContext } from '../support/app.ts';
import { roundBody, seedRegistry } from '../support/fixtures.ts';
import { completeSubmission } from '../support/survey.ts';

const ctx = await makeTestContext();
await seedRegistry(ctx.database.db, { enterprises: 120, departments: 3 });
type Who = 'anon' | 'admin' | 'leader' | 'supervisor' | 'dept_head';
const WHO: Who[] = ['anon', 'admin', 'leader', 'supervisor', 'dept_head'];
const call = async (who: Who, method: 'GET' | 'POST', url: string, payload?: object) =>
  ctx.app.inject({
    method,
    url: `/api/v1${url}`,
    ...(payload ? { payload } : {}),
    ...(who === 'anon' ? {} : { headers: { cookie: await ctx.as(who) } }),
  });
const admin = async (url: string, payload: object = {}) => {
  const res = await call('admin', 'POST', url, payload);
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
  return res.json();
};

interface Seen {
  seed: string | null | 'refused';
  record: number;
  auditSeed: string | 'refused';
  auditUscc: string | 'refused';
  invitations: number;
}
async function whatEachSees(round: string): Promise<Record<Who, Seen>> {
  const out = {} as Record<Who, Seen>;
  for (const who of WHO) {
    const r = await call(who, 'GET', `/rounds/${round}`);
    const audit = await call(who, 'GET', `/audit?entityId=${round}&pageSize=100`);
    const items = audit.statusCode === 200 ? (audit.json().items as { action: string; summary: Record<string, string> }[]) : null;
    out[who] = {
      seed: r.statusCode === 200 ? r.json().seed : 'refused',
      record: (await call(who, 'GET', `/rounds/${round}/draw-record`)).statusCode,
      auditSeed: items ? items.find((i) => i.action === 'round.draw')!.summary.seed! : 'refused',
      auditUscc: items ? items.find((i) => i.action === 'invitation.replace')!.summary.in! : 'refused',
      invitations: (await call(who, 'GET', `/rounds/${round}/invitations`)).statusCode,
    };
  }
  return out;
}

const SEED = 'dice 3 1 4 1 5 9 2 6';
const hidden = (seed: string | null | 'refused') => seed === null || seed === HIDDEN_UNTIL_CLOSE;
function expectHiddenFromAllButAdmin(seen: Record<Who, Seen>) {
  expect(seen.admin).toMatchObject({ seed: SEED, record: 200, auditSeed: SEED, invitations: 200 });
  expect(seen.admin.auditUscc).toMatch(/^[0-9A-Z]{18}$/);
  expect(seen.anon).toMatchObject({ seed: 'refused', record: 403, auditSeed: 'refused', invitations: 401 });
  for (const who of ['leader', 'supervisor', 'dept_head'] as const) {
    expect(hidden(seen[who].seed), `${who} seed`).toBe(true);
    expect(seen[who].record, `${who} record`).toBe(403);
    expect(seen[who].invitations, `${who} invitations`).toBe(403);
  }
  expect(seen.supervisor).toMatchObject({ auditSeed: HIDDEN_UNTIL_CLOSE, auditUscc: HIDDEN_UNTIL_CLOSE });
  expect(seen.leader.auditSeed).toBe('refused');
  expect(seen.dept_head.auditSeed).toBe('refused');
}
function expectPublicToAll(seen: Record<Who, Seen>) {
  for (const who of ['admin', 'leader', 'supervisor', 'dept_head'] as const) {
    expect(seen[who].seed, `${who} seed`).toBe(SEED);
    expect(seen[who].record, `${who} record`).toBe(200);
  }
  expect(seen.anon.record).toBe(200);
  expect(seen.supervisor).toMatchObject({ auditSeed: SEED });
  expect(seen.supervisor.auditUscc).toMatch(/^[0-9A-Z]{18}$/);
  expect(seen.dept_head.invitations).toBe(403);
  expect(seen.leader.invitations).toBe(403);
}

describe('the seed, the draw record and the sample, by role and round status', () => {
  it('drawn, open and closed: the admin only; computed and published: everyone; heads never see invitations', async () => {
    await admin('/rounds', roundBody('2026Q1', { sampleSize: 10 }));
    await admin('/rounds/2026Q1/freeze');
    await admin('/rounds/2026Q1/draw', { seed: SEED });
    const invited = (await call('admin', 'GET', '/rounds/2026Q1/invitations')).json() as { uscc: string }[];
    await admin(`/rounds/2026Q1/invitations/${invited[0]!.uscc}/replace`, { reason: '企业已注销' });
    expectHiddenFromAllButAdmin(await whatEachSees('2026Q1'));

    await admin('/rounds/2026Q1/open');
    expectHiddenFromAllButAdmin(await whatEachSees('2026Q1'));

    const links = ((await call('admin', 'GET', '/rounds/2026Q1/invitations')).json() as { link: string | null }[]).filter((i) => i.link);
    const departments = (await call('anon', 'GET', `/survey/${links[0]!.link!.split('/s/')[1]}`))
      .json()
      .departments.map((d: { id: number }) => d.id);
    for (const l of links.slice(0, 6))
      await call('anon', 'POST', `/survey/${l.link!.split('/s/')[1]}/submit`, completeSubmission(departments));
    await admin('/rounds/2026Q1/close');
    // Closed but not final: the admin may still reopen, and a reopened round must run with its sample secret.
    expectHiddenFromAllButAdmin(await whatEachSees('2026Q1'));
    await admin('/rounds/2026Q1/reopen', { reason: '部分企业未收到通知', closesAt: '2026-12-31T00:00:00+08:00' });
    expectHiddenFromAllButAdmin(await whatEachSees('2026Q1'));
    await admin('/rounds/2026Q1/close');
    expectHiddenFromAllButAdmin(await whatEachSees('2026Q1'));

    await admin('/rounds/2026Q1/compute');
    expectPublicToAll(await whatEachSees('2026Q1'));
    await admin('/rounds/2026Q1/publish');
    expectPublicToAll(await whatEachSees('2026Q1'));
  });

  it('a round voided while open never discloses its draw', async () => {
    await admin(
      '/rounds',
      roundBody('2026Q2', { sampleSize: 10, opensAt: '2026-03-01T00:00:00+08:00', closesAt: '2026-06-30T23:59:59+08:00' }),
    );
    await admin('/rounds/2026Q2/freeze');
    await admin('/rounds/2026Q2/draw', { seed: SEED });
    const invited = (await call('admin', 'GET', '/rounds/2026Q2/invitations')).json() as { uscc: string }[];
    await admin(`/rounds/2026Q2/invitations/${invited[0]!.uscc}/replace`, { reason: '企业已注销' });
    await admin('/rounds/2026Q2/open');
    await admin('/rounds/2026Q2/void', { reason: '抽签池数据有误，重新组织' });
    expectHiddenFromAllButAdmin(await whatEachSees('2026Q2'));
  });

  it('a round voided after closing discloses its draw, computed or not (it can never reopen)', async () => {
    await admin(
      '/rounds',
      roundBody('2026Q3', { sampleSize: 10, opensAt: '2026-03-01T00:00:00+08:00', closesAt: '2026-09-30T23:59:59+08:00' }),
    );
    await admin('/rounds/2026Q3/freeze');
    await admin('/rounds/2026Q3/draw', { seed: SEED });
    const invited = (await call('admin', 'GET', '/rounds/2026Q3/invitations')).json() as { uscc: string }[];
    await admin(`/rounds/2026Q3/invitations/${invited[0]!.uscc}/replace`, { reason: '企业已注销' });
    await admin('/rounds/2026Q3/open');
    await admin('/rounds/2026Q3/close');
    expectHiddenFromAllButAdmin(await whatEachSees('2026Q3'));
    await admin('/rounds/2026Q3/void', { reason: '抽签池数据有误，重新组织' });
    expectPublicToAll(await whatEachSees('2026Q3'));
  });
});
