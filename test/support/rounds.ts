import { ballotMoverTick } from '#server/survey/ballot-mover.ts';
import type { TestContext } from './app.ts';
import { roundBody } from './fixtures.ts';
import { completeSubmission, type Level } from './survey.ts';

/** An invitation as the admin lists it (what a test may design answers by). */
export type Invitation = { link: string; uscc: string; stratum: string; township: string; industry: string };

/**
 * Runs a whole quarter through the real API: create, freeze, draw, open, every invited enterprise
 * submits (`level(departmentCode, i)` decides each rating), close, compute, publish.
 */
export async function runQuarter(
  ctx: TestContext,
  id: string,
  level: (code: string, respondent: number, invitation: Invitation) => Level,
  opts: {
    /** More round settings (e.g. stratifyBy). */
    round?: Record<string, unknown>;
    /** Invited enterprises that never answer. */
    skip?: (invitation: Invitation) => boolean;
    sampleSize?: number;
    minRatings?: number;
    publish?: boolean;
    votes?: (codes: string[], respondent: number) => string[];
    comment?: (respondent: number) => string;
    /** Reasons given with a 不满意 rating of department `code`. */
    reasons?: (code: string, respondent: number) => string[];
    /** Default: opens on the quarter's first day, closes a month later (UTC midnight). */
    dates?: { opensAt: Date; closesAt: Date };
  } = {},
) {
  const cookie = await ctx.as('admin');
  const call = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await ctx.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { cookie },
      ...(method === 'POST' ? { payload: payload ?? {} } : {}),
    });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.body}`);
    return res.json();
  };
  const year = Number(id.slice(0, 4));
  const q = Number(id.slice(5, 6));
  const opensAt = opts.dates?.opensAt ?? new Date(Date.UTC(year, (q - 1) * 3, 1));
  const closesAt = opts.dates?.closesAt ?? new Date(Date.UTC(year, (q - 1) * 3 + 1, 1));
  ctx.clock.now = new Date(opensAt.getTime() - 86_400_000);
  await call(
    'POST',
    '/rounds',
    roundBody(id, {
      ...opts.round,
      sampleSize: opts.sampleSize ?? 12,
      minRatings: opts.minRatings ?? 3,
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
    }),
  );
  await call('POST', `/rounds/${id}/freeze`);
  await call('POST', `/rounds/${id}/draw`, { seed: `ceremony ${id}` });
  await call('POST', `/rounds/${id}/open`);
  ctx.clock.now = new Date(opensAt.getTime() + 86_400_000);
  const invitations: Invitation[] = await call('GET', `/rounds/${id}/invitations`);
  let i = 0;
  for (const inv of invitations) {
    if (opts.skip?.(inv)) continue;
    const token = inv.link.split('/s/')[1];
    const view = (await ctx.app.inject({ method: 'GET', url: `/api/v1/survey/${token}` })).json();
    const depts: { id: number; code: string }[] = view.departments;
    const codes =
      opts.votes?.(
        depts.map((d) => d.code),
        i,
      ) ?? [];
    const body = completeSubmission(
      depts.map((d) => d.id),
      (k) => level(depts[k]!.code, i, inv),
      {
        leastSatisfied: depts.filter((d) => codes.includes(d.code)).map((d) => d.id),
        ...(opts.comment ? { comment: opts.comment(i) } : {}),
      },
    );
    if (opts.reasons) {
      const given = opts.reasons;
      body.ratings = body.ratings.map((r, k) => {
        const reasons = r.level === 'dissatisfied' ? given(depts[k]!.code, i) : [];
        return reasons.length ? { ...r, reasons } : r;
      });
    }
    const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/survey/${token}/submit`, payload: body });
    if (res.statusCode !== 200) throw new Error(`submit: ${res.body}`);
    i++;
  }
  ctx.clock.now = new Date(closesAt.getTime() + 3_600_000);
  await ballotMoverTick(ctx.database.db, ctx.clock.now); // the deadline job closes it
  const computed = await call('POST', `/rounds/${id}/compute`);
  if (opts.publish === false) return computed;
  return call('POST', `/rounds/${id}/publish`);
}
