// Figure 5: cadre points standings for every cadre (3,900, the demo's registry and three years of
// entries) as of dates spread over those years: the service (one query + the pure rules) and the
// HTTP route (GET /points/standings, serialised), p50 judged against 200 ms.
// Standalone: `npx tsx bench/points.ts` (PGlite; and PostgreSQL when DATABASE_URL is set).
import os from 'node:os';
import { DEMO_DEPARTMENTS } from '#shared/demo/departments.ts';
import { dayNumber, isoOfDay } from '#shared/points/days.ts';
import { hashPassword } from '#server/auth/password.ts';
import { departmentHeads, departments, users } from '#server/db/schema.ts';
import { seedDemoCadres } from '#server/demo/cadres.ts';
import { cityDay, DEFAULT_CITY_TZ } from '#shared/city-day.ts';
import { computeStandings } from '#server/points/standings.service.ts';
import { openPgliteTarget, openPostgresTarget, type Target } from './db.ts';
import { startApp } from './fixtures.ts';
import { log, median, now, percentile } from './util.ts';

export interface PointsFigures {
  cadres: number;
  entries: number;
  seedMs: number;
  serviceMs: number[];
  httpMs: number[];
  bytes: number;
  cpuMsPerCall: number;
}

const RUNS = 30;

/** Dates spread evenly over the three years of entries, so no answer is served twice from a warm path. */
function dates(today: string, n: number): string[] {
  const end = dayNumber(today);
  return Array.from({ length: n }, (_, i) => isoOfDay(end - Math.round((i * 3 * 365) / n)));
}

export async function benchPoints(target: Target): Promise<PointsFigures> {
  const { db } = target.database;
  const nowDate = new Date();
  const t0 = now();
  const passwordHash = await hashPassword('bench-org-password');
  const depts = await db
    .insert(departments)
    .values(DEMO_DEPARTMENTS.map((d) => ({ code: d.code, nameZh: d.nameZh, nameEn: d.nameEn, category: d.category })))
    .returning();
  await db.insert(departmentHeads).values(
    depts.map((d, i) => ({
      departmentId: d.id,
      name: DEMO_DEPARTMENTS[i]!.head.name,
      title: DEMO_DEPARTMENTS[i]!.head.title,
      since: '2020-01-01',
    })),
  );
  await db.insert(users).values([
    { username: 'org', displayName: 'org', role: 'org', passwordHash, ownPasswordSince: new Date(0) },
    { username: 'org2', displayName: 'org2', role: 'org', passwordHash, ownPasswordSince: new Date(0) },
  ]);
  await seedDemoCadres(db, nowDate, DEFAULT_CITY_TZ);
  const seedMs = now() - t0;
  const [counts] = await target.raw.query<{ cadres: number; entries: number }>(
    'select (select count(*) from cadres)::int as cadres, (select count(*) from points_entries)::int as entries',
  );
  const days = dates(cityDay(nowDate, DEFAULT_CITY_TZ), RUNS);

  await computeStandings(db, days[0]!); // warm-up: plans and JIT
  const cpu0 = process.cpuUsage();
  const serviceMs: number[] = [];
  for (const d of days) {
    const t = now();
    await computeStandings(db, d);
    serviceMs.push(now() - t);
  }
  const cpu = process.cpuUsage(cpu0);

  const { app, base } = await startApp(target.database);
  const httpMs: number[] = [];
  let bytes = 0;
  try {
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'org', password: 'bench-org-password' }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    for (const d of days) {
      const t = now();
      const res = await fetch(`${base}/api/v1/points/standings?asOf=${d}`, { headers: { cookie } });
      const body = await res.text();
      httpMs.push(now() - t);
      if (!res.ok) throw new Error(`standings ${d}: ${res.status} ${body.slice(0, 200)}`);
      bytes = Math.max(bytes, body.length);
    }
  } finally {
    await app.close();
  }
  return {
    cadres: counts!.cadres,
    entries: counts!.entries,
    seedMs,
    serviceMs,
    httpMs,
    bytes,
    cpuMsPerCall: (cpu.user + cpu.system) / 1000 / RUNS,
  };
}

export const summarise = (f: PointsFigures) =>
  `${f.cadres} cadres, ${f.entries} entries (demo data seeded in ${(f.seedMs / 1000).toFixed(1)} s); ${RUNS} dates over three years: ` +
  `service p50 ${median(f.serviceMs).toFixed(0)} ms / p95 ${percentile(f.serviceMs, 95).toFixed(0)} ms (Node CPU ${f.cpuMsPerCall.toFixed(0)} ms a call, PGlite's included when embedded); ` +
  `HTTP p50 ${median(f.httpMs).toFixed(0)} ms / p95 ${percentile(f.httpMs, 95).toFixed(0)} ms, ${(f.bytes / 1024).toFixed(0)} KB of JSON`;

if (import.meta.url === `file://${process.argv[1]}`) {
  log(`1-minute load average: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);
  const targets: [string, () => Promise<Target>][] = [['PGlite', () => openPgliteTarget('pingyi-bench-points-')]];
  if (process.env.DATABASE_URL)
    targets.unshift(['PostgreSQL', () => openPostgresTarget(process.env.DATABASE_URL!, `pingyi_bench_points_${process.pid}`)]);
  for (const [label, open] of targets) {
    const target = await open();
    try {
      log(`${label}: ${summarise(await benchPoints(target))}`);
    } finally {
      await target.cleanup();
    }
  }
  log(`1-minute load average at the end: ${os.loadavg()[0]!.toFixed(1)}`);
}
