import { eq, sql } from 'drizzle-orm';
import type { AnswerPattern } from '#shared/integrity/answers.ts';
import type { IntegrityReport } from '#shared/integrity/report.ts';
import type { RatingLevel } from '#shared/results/scale.ts';
import type { Tx } from '../db/client.ts';
import { roundIntegrity } from '../db/schema.ts';

const LEVEL_OF: Record<string, RatingLevel> = {
  a: 'satisfied',
  b: 'fairly_satisfied',
  c: 'basically_satisfied',
  d: 'dissatisfied',
  n: 'not_applicable',
};

/**
 * A round's answers grouped by identical ratings and votes, with how many there are of each: no
 * response id leaves the database. Levels are one letter in the aggregate to keep a 100-department
 * answer short.
 */
export async function answerPatterns(tx: Tx, roundId: string): Promise<AnswerPattern[]> {
  const result = await tx.execute(sql`
    with v as (
      select response_id, string_agg(department_id::text || '=' || (case level
        when 'satisfied' then 'a' when 'fairly_satisfied' then 'b' when 'basically_satisfied' then 'c'
        when 'dissatisfied' then 'd' else 'n' end), ',' order by department_id) as r
      from ratings where round_id = ${roundId} group by response_id
    ), w as (
      select response_id, string_agg(department_id::text, ',' order by department_id) as v
      from least_satisfied_votes where round_id = ${roundId} group by response_id
    )
    select v.r as r, coalesce(w.v, '') as v, count(*)::int as n
    from v left join w on w.response_id = v.response_id
    group by v.r, coalesce(w.v, '')`);
  const rows = (result as unknown as { rows: { r: string; v: string; n: number }[] }).rows;
  return rows.map((row) => ({
    ratings: Object.fromEntries(
      row.r.split(',').map((pair) => {
        const [id, code] = pair.split('=');
        return [Number(id), LEVEL_OF[code!]!];
      }),
    ),
    votes: row.v ? row.v.split(',').map(Number) : [],
    count: Number(row.n),
  }));
}

/** The check made at the close (replaced when a round closes again). */
export const storeCheck = (tx: Tx, roundId: string, report: IntegrityReport) =>
  tx.insert(roundIntegrity).values({ roundId, report }).onConflictDoUpdate({ target: roundIntegrity.roundId, set: { report } });

export const deleteCheck = (tx: Tx, roundId: string) => tx.delete(roundIntegrity).where(eq(roundIntegrity.roundId, roundId));

export async function storedCheck(tx: Tx, roundId: string): Promise<IntegrityReport | undefined> {
  const [stored] = await tx.select({ report: roundIntegrity.report }).from(roundIntegrity).where(eq(roundIntegrity.roundId, roundId));
  return stored?.report as IntegrityReport | undefined;
}
