import { randomUUID } from 'node:crypto';
import type { TestContext } from './app.ts';
import { roundBody } from './fixtures.ts';

/** Creates, freezes, draws and opens a round through the API; returns the live tokens by USCC. */
export async function openRoundWithTokens(ctx: TestContext, id: string, overrides: Record<string, unknown> = {}) {
  const cookie = await ctx.as('admin');
  const post = async (url: string, payload?: object) => {
    const res = await ctx.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie }, payload: payload ?? {} });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
    return res.json();
  };
  await post('/rounds', roundBody(id, overrides));
  await post(`/rounds/${id}/freeze`);
  await post(`/rounds/${id}/draw`, { seed: `seed for ${id}` });
  await post(`/rounds/${id}/open`);
  return invitationTokens(ctx, id);
}

export async function invitationTokens(ctx: TestContext, id: string) {
  const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/rounds/${id}/invitations`, headers: { cookie: await ctx.as('admin') } });
  return new Map<string, string>(
    res
      .json()
      .filter((i: { link: string | null }) => i.link)
      .map((i: { uscc: string; link: string }) => [i.uscc, i.link.split('/s/')[1]!]),
  );
}

export type Level = 'satisfied' | 'fairly_satisfied' | 'basically_satisfied' | 'dissatisfied' | 'not_applicable';

/** A complete, valid submission rating every department with `level(i)`. */
export function completeSubmission(
  departmentIds: number[],
  level: (i: number) => Level = () => 'satisfied',
  extra: Record<string, unknown> = {},
) {
  const ratings: { departmentId: number; level: Level; reasons?: string[] }[] = departmentIds.map((departmentId, i) => ({
    departmentId,
    level: level(i),
  }));
  return { submissionId: randomUUID(), ratings, leastSatisfied: [], ...extra };
}
