// Figure 2: results at scale. A closed round with R responses × 100 departments, generated in the
// database with SQL, its integrity checked as its close does; computeRound (aggregation + bottom-three
// simulation + the stored check + storing) timed against a raw GROUP BY over the same ratings; then
// publish and read the published results through the API.
import { DEFAULT_CITY_TZ } from '#shared/city-day.ts';
import { computeResults, DEFAULT_RESULT_RULES } from '#shared/results/compute.ts';
import type { Scale } from '#shared/results/scale.ts';
import { createRoundSchema } from '#shared/schemas/rounds.ts';
import { aggregate } from '#server/results/results.queries.ts';
import { computeRound, publishRound, readResults } from '#server/results/results.service.ts';
import { findRound, roundDepartmentRows } from '#server/rounds/rounds.queries.ts';
import { checkAtClose } from '#server/integrity/integrity.service.ts';
import { createRound } from '#server/rounds/rounds.service.ts';
import { serviceContext } from '#server/context.ts';
import type { Target } from './db.ts';
import { ACTOR, adminCookie, startApp } from './fixtures.ts';
import { runLoad, type LoadFigures } from './load.ts';
import { log, median, now, timeRuns } from './util.ts';

export const ROUND = '2025Q4';

export interface ResultsFigures {
  responses: number;
  departments: number;
  ratings: number;
  generateMs: number;
  computeMs: number[];
  rawMs: number[];
  /** Where computeRound's time goes, measured separately: the aggregate query and the pure computation. */
  aggregateMs: number[];
  pureMs: number[];
  /** The integrity check the close makes once (computeRound copies it). */
  integrityMs: number;
  read: LoadFigures;
  /** readResults alone (the service, no HTTP, no serialisation), median of repeated calls. */
  serviceReadMs: number;
  payloadBytes: number;
}

/** Tops the registry up to `departments` departments (with heads), all in SQL. */
export async function ensureDepartments(target: Target, departments: number) {
  const [row] = await target.raw.query<{ n: number }>('select count(*)::int as n from departments');
  const missing = departments - (row?.n ?? 0);
  if (missing > 0) {
    await target.raw.query(
      `insert into departments (code, name_zh, name_en, category)
       select 'bench' || lpad(g::text, 3, '0'), '基准部门' || g, 'Bench department ' || g, 'service' from generate_series(1, $1::int) g`,
      [missing],
    );
    await target.raw.query(
      `insert into department_heads (department_id, name, title, since)
       select d.id, '负责人' || d.id, '局长', '2020-01-01' from departments d
       where not exists (select 1 from department_heads h where h.department_id = d.id and h.until is null)`,
    );
  }
  const ids = await target.raw.query<{ id: number }>('select id from departments order by id limit $1', [departments]);
  return ids.map((r) => r.id);
}

/** responses × departments ratings with levels weighted per department (position 0 best … last worst). */
export async function generate(target: Target, responses: number) {
  const q = (text: string, params?: unknown[]) => target.raw.query(text, params);
  await q(
    `insert into responses (id, round_id, comment, receipt_hash)
     select gen_random_uuid(), $1,
            case when g % 20 = 0 then '基准意见 ' || g end, md5($1 || ':' || g) || md5(g::text)
     from generate_series(1, $2::int) g`,
    [ROUND, responses],
  );
  // random() sits in an un-flattenable subquery (offset 0), so each rating draws its own u and v.
  await q(
    `insert into ratings (response_id, round_id, department_id, level)
     select x.response_id, $1, x.department_id,
       (case when x.u < 0.2 + 0.15 * x.q then 'not_applicable'
             when x.v < 0.78 - 0.40 * x.q then 'satisfied'
             when x.v < 0.92 - 0.28 * x.q then 'fairly_satisfied'
             when x.v < 0.98 - 0.16 * x.q then 'basically_satisfied'
             else 'dissatisfied' end)::rating_level
     from (select r.id as response_id, d.department_id, d.position::float8 / greatest(1, n.n - 1) as q, random() as u, random() as v
           from responses r
           cross join round_departments d
           cross join (select count(*) as n from round_departments where round_id = $1) n
           where r.round_id = $1 and d.round_id = $1 offset 0) x
     order by x.response_id, x.department_id`,
    [ROUND],
  );
  await q(
    `insert into least_satisfied_votes (response_id, round_id, department_id)
     select response_id, round_id, department_id from
       (select response_id, round_id, department_id, row_number() over (partition by response_id order by random()) as k
        from ratings where round_id = $1 and level = 'dissatisfied') v
     where k <= 3 and (hashtext(response_id::text) & 3) <> 0`,
    [ROUND],
  );
  await q('analyze responses');
  await q('analyze ratings');
  await q('analyze least_satisfied_votes');
}

/** The raw figure: per-department mean score straight from the ratings (不了解 excluded). */
const RAW_SQL = `
  select department_id, avg(case level when 'satisfied' then 100 when 'fairly_satisfied' then 80
                                       when 'basically_satisfied' then 60 when 'dissatisfied' then 0 end) as mean,
         count(*) as n
  from ratings where round_id = $1 and level <> 'not_applicable'
  group by department_id`;

export async function benchResults(
  target: Target,
  opts: { responses: number; departments: number; reads: number },
): Promise<ResultsFigures> {
  const { db } = target.database;
  const at = new Date();
  const departmentIds = await ensureDepartments(target, opts.departments);
  const day = 24 * 3600 * 1000;
  await createRound(
    serviceContext(db, { actor: ACTOR, now: at, zone: 'Asia/Shanghai' }),
    createRoundSchema.parse({
      id: ROUND,
      departmentIds,
      rotationExclusion: false,
      opensAt: new Date(at.getTime() - 40 * day).toISOString(),
      closesAt: new Date(at.getTime() - 10 * day).toISOString(),
    }),
  );
  // Taken through its life by SQL (the survey itself is not what this figure measures); of what closing
  // does (sealRound), the integrity check is what computeRound relies on: made here as the close makes it.
  // (Shuffling a million ratings at close takes minutes on a loaded machine and changes no figure here.)
  await target.raw.query(`update rounds set status = 'closed', opened_at = opens_at, closed_at = closes_at where id = $1`, [ROUND]);

  log(`${target.label}: generating ${opts.responses} responses × ${departmentIds.length} departments in SQL`);
  let t = now();
  await generate(target, opts.responses);
  const generateMs = now() - t;
  const integrityMs = await timeRuns(1, () => db.transaction((tx) => checkAtClose(tx, ROUND)));
  log(`${target.label}: integrity checked as at close in ${integrityMs[0]!.toFixed(0)} ms`);
  const [count] = await target.raw.query<{ n: string }>('select count(*)::text as n from ratings where round_id = $1', [ROUND]);

  log(`${target.label}: timing computeRound against the raw GROUP BY`);
  const rawMs = await timeRuns(5, () => target.raw.query(RAW_SQL, [ROUND]), 1);
  const computeMs = await timeRuns(3, () =>
    computeRound(serviceContext(db, { actor: ACTOR, now: at, zone: DEFAULT_CITY_TZ }), { roundId: ROUND }),
  );
  const aggregateMs = await timeRuns(3, () => aggregate(db, ROUND));
  const round = (await findRound(db, ROUND))!;
  const depts = await roundDepartmentRows(db, ROUND);
  const agg = await aggregate(db, ROUND);
  const pureMs = await timeRuns(3, async () =>
    computeResults({
      rules: { minRatings: round.minRatings, bottomN: round.bottomN, simulations: DEFAULT_RESULT_RULES.simulations },
      departments: depts.map((d) => ({ id: d.departmentId, code: d.code, name: d.nameZh })),
      counts: agg.counts,
      votes: agg.votes,
      scale: round.scale as Scale,
      simulationSeed: `pingyi-results:${ROUND}`,
    }),
  );

  t = now();
  await publishRound(serviceContext(db, { actor: ACTOR, now: at, zone: DEFAULT_CITY_TZ }), { roundId: ROUND });
  log(`${target.label}: published in ${(now() - t).toFixed(0)} ms; reading results over HTTP ×${opts.reads}`);

  const serviceReadMs = median(await timeRuns(50, () => readResults(db, ROUND, { full: true }), 5));
  const { app, base } = await startApp(target.database);
  try {
    const cookie = await adminCookie(db, base);
    const get = { method: 'GET' as const, path: `/api/v1/rounds/${ROUND}/results`, headers: { cookie } };
    const sample = await fetch(base + get.path, { headers: get.headers });
    const payloadBytes = (await sample.arrayBuffer()).byteLength;
    if (!sample.ok) throw new Error(`GET results: ${sample.status}`);
    const read = await runLoad({ base, concurrency: 1, warmup: Array(20).fill(get), measured: Array(opts.reads).fill(get) });
    return {
      responses: opts.responses,
      departments: departmentIds.length,
      ratings: Number(count?.n ?? 0),
      generateMs,
      computeMs,
      rawMs,
      aggregateMs,
      pureMs,
      read,
      serviceReadMs,
      payloadBytes,
      integrityMs: integrityMs[0]!,
    };
  } finally {
    await app.close();
  }
}

export const computeRatio = (f: ResultsFigures) => median(f.computeMs) / median(f.rawMs);
