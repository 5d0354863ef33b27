// Data and app set-up through the app's own code: registry rows like test/support/fixtures.ts, and the
// round flow (create, freeze, draw, open) through the services, with each invitation's token derived.
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { DEMO_DEPARTMENTS } from '#shared/demo/departments.ts';
import { generateDemoEnterprises, INDUSTRIES, type DemoEnterprise } from '#shared/demo/enterprises.ts';
import { createRoundSchema } from '#shared/schemas/rounds.ts';
import { buildApp } from '#server/app.ts';
import { testConfig } from '../test/support/config.ts';
import type { Actor } from '#server/audit/audit.writer.ts';
import { hashPassword } from '#server/auth/password.ts';
import type { Database, Db } from '#server/db/client.ts';
import { departmentHeads, departments, enterprises, invitations, users } from '#server/db/schema.ts';
import { drawRound, freezePool } from '#server/draw/draw.service.ts';
import { serviceContext } from '#server/context.ts';
import { makeLinkMaker } from '#server/invitations/tokens.ts';
import { createRound, openRound } from '#server/rounds/rounds.service.ts';

export const ACTOR: Actor = { id: null, name: 'bench' };
export const JWT_SECRET = 'pingyi-bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
export const PUBLIC_BASE_URL = 'http://127.0.0.1';
export const links = makeLinkMaker(JWT_SECRET, PUBLIC_BASE_URL);
/** Per address and minute: every bench client shares 127.0.0.1, so the survey's limit must not be what is measured. */
export const SURVEY_RATE_LIMIT = 1_000_000;

/** `n` demo enterprises and every demo department (53) with its head. */
export async function seedRegistry(db: Db, n: number) {
  const industry = new Map(INDUSTRIES.map((i) => [i.key, i.zh]));
  const list = generateDemoEnterprises(n, 'pingyi-bench');
  for (let i = 0; i < list.length; i += 500) {
    await db.insert(enterprises).values(list.slice(i, i + 500).map((e) => ({ ...e, industry: industry.get(e.industry)!, active: true })));
  }
  const depts = await db
    .insert(departments)
    .values(
      DEMO_DEPARTMENTS.map((d) => ({
        code: d.code,
        nameZh: d.nameZh,
        nameEn: d.nameEn,
        category: d.category,
      })),
    )
    .returning();
  await db.insert(departmentHeads).values(
    depts.map((d, i) => ({
      departmentId: d.id,
      name: DEMO_DEPARTMENTS[i]!.head.name,
      title: DEMO_DEPARTMENTS[i]!.head.title,
      since: '2020-01-01',
    })),
  );
  const byUscc = new Map<string, DemoEnterprise & { industryZh: string }>(
    list.map((e) => [e.uscc, { ...e, industryZh: industry.get(e.industry)! }]),
  );
  return { enterprises: byUscc, departmentIds: depts.map((d) => d.id) };
}

export interface OpenRound {
  id: string;
  departmentIds: number[];
  /** One per sampled enterprise, in a fixed order. */
  invitations: { id: number; uscc: string; token: string }[];
}

/** Creates, freezes, draws and opens round `id` with `sampleSize` (the pool is every active enterprise). */
export async function openRoundWithTokens(db: Db, id: string, sampleSize: number, at: Date): Promise<OpenRound> {
  const day = 24 * 3600 * 1000;
  const input = createRoundSchema.parse({
    id,
    sampleSize,
    rotationExclusion: false,
    opensAt: new Date(at.getTime() - day).toISOString(),
    closesAt: new Date(at.getTime() + 30 * day).toISOString(),
  });
  const ctx = serviceContext(db, { actor: ACTOR, now: at, zone: 'Asia/Shanghai' });
  const round = await createRound(ctx, input);
  await freezePool(ctx, { id });
  await drawRound(ctx, { id, seed: `bench seed for ${id}`, links });
  await openRound(ctx, { id });
  const rows = await db
    .select({ id: invitations.id, uscc: invitations.uscc })
    .from(invitations)
    .where(eq(invitations.roundId, id))
    .orderBy(invitations.id);
  return {
    id,
    departmentIds: round.departments.map((d) => d.departmentId),
    invitations: rows.map((r) => ({ ...r, token: links.token(id, r.uscc, 1) })),
  };
}

/** The app as production runs it, listening on loopback; returns its base URL. */
export async function startApp(database: Database): Promise<{ app: FastifyInstance; base: string }> {
  const app = await buildApp({
    database,
    config: testConfig({ jwtSecret: JWT_SECRET, publicBaseUrl: PUBLIC_BASE_URL, surveyRateLimit: SURVEY_RATE_LIMIT }),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  return { app, base: `http://127.0.0.1:${port}` };
}

/** Creates an admin login and signs in through the API; returns the session cookie. */
export async function adminCookie(db: Db, base: string): Promise<string> {
  const username = 'bench-admin';
  const password = 'bench-admin-password';
  await db
    .insert(users)
    .values({
      username,
      displayName: 'Bench admin',
      passwordHash: await hashPassword(password),
      role: 'admin',
      ownPasswordSince: new Date(0),
    })
    .onConflictDoNothing();
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (!cookie) throw new Error('login set no cookie');
  return cookie;
}
