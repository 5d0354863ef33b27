// Two app processes on one PostgreSQL database, as behind a load balancer (PostgreSQL only): answers
// sent to both while one is SIGKILLed are each counted once; a deadline passing with both up closes
// the round once; a write through one is read through the other; the login backoff is shared.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { hashPassword } from '#server/auth/password.ts';
import { users } from '#server/db/schema.ts';
import { drawRound, freezePool } from '#server/draw/draw.service.ts';
import { serviceContext } from '#server/context.ts';
import { makeLinkMaker } from '#server/invitations/tokens.ts';
import { createRound, openRound } from '#server/rounds/rounds.service.ts';
import { roundDepartmentRows } from '#server/rounds/rounds.queries.ts';
import { createRoundSchema } from '#shared/schemas/rounds.ts';
import { freshDatabase } from '../support/database.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { pool, submissionFor } from '../support/load.ts';
import { freePort } from '../support/ports.ts';
import { kill, signIn, startServer, type ServerProcess } from '../support/server-process.ts';

const SECRET = 'replica-secret-replica-secret-replica-secret';
const JOB_EVERY_MS = 300;
const database = await freshDatabase();
if (!database.url) throw new Error('the replicas tier needs DATABASE_URL (PostgreSQL)');
const { db } = database;
const actor = { id: null, name: 'replicas-test' };
const links = makeLinkMaker(SECRET, 'http://x');
const rows = async <T>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;
const count = async (query: ReturnType<typeof sql>) => (await rows<{ n: number }>(query))[0]!.n;

await seedRegistry(db, { enterprises: 440, departments: 6 });
const passwordHash = await hashPassword('replica admin password');
await db.insert(users).values([
  { username: 'admin', displayName: 'admin', passwordHash, role: 'admin' },
  { username: 'leader', displayName: 'leader', passwordHash, role: 'leader' },
]);

/** An open round inviting `size` enterprises, returning its live tokens. */
async function openRoundOf(id: string, size: number, closesAt: Date) {
  const now = new Date();
  await createRound(
    serviceContext(db, { actor, now, zone: 'Asia/Shanghai' }),
    createRoundSchema.parse({
      id,
      sampleSize: size,
      opensAt: new Date(now.getTime() - 86_400_000).toISOString(),
      closesAt: closesAt.toISOString(),
    }),
  );
  const ctx = serviceContext(db, { actor, now, zone: 'Asia/Shanghai' });
  await freezePool(ctx, { id });
  await drawRound(ctx, { id, seed: `seed ${id}`, links });
  await openRound(ctx, { id });
  const invited = await rows<{ uscc: string }>(sql`select uscc from invitations where round_id = ${id}`);
  return invited.map((i) => links.token(id, i.uscc, 1));
}
// The deadline round is drawn first: the big round's draw then leaves its sample out (rotation).
const deadlineTokens = await openRoundOf('2026Q3', 20, new Date(Date.now() + 3_600_000));
const tokens = (await openRoundOf('2026Q4', 400, new Date(Date.now() + 7 * 86_400_000))).slice(0, 400);
const departmentIds = (await roundDepartmentRows(db, '2026Q4')).map((d) => d.departmentId);
const deadlineDepartments = (await roundDepartmentRows(db, '2026Q3')).map((d) => d.departmentId);

const env = {
  DATABASE_URL: database.url,
  JWT_SECRET: SECRET,
  PUBLIC_BASE_URL: 'http://x',
  DEMO: 'false',
  NODE_ENV: 'production',
  SURVEY_RATE_LIMIT: '1000000',
  TRUST_PROXY: '127.0.0.1',
  BALLOT_MOVE_EVERY_MS: String(JOB_EVERY_MS),
  DATA_DIR: mkdtempSync(join(tmpdir(), 'pingyi-replica-')),
};
const servers: ServerProcess[] = await Promise.all([startServer(env, await freePort()), startServer(env, await freePort())]);
afterAll(async () => {
  for (const s of servers) await kill(s, 'SIGTERM');
  await database.close();
});
const base = (i: number) => `http://127.0.0.1:${servers[i]!.port}/api/v1`;
const submit = (i: number, token: string, body: object) =>
  fetch(`${base(i)}/survey/${token}/submit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('two replicas on one database', () => {
  it('400 answers through both in turn, one SIGKILLed halfway: every acknowledged answer is counted once', async () => {
    const acked = new Set<number>();
    const bodies = tokens.map((_, i) => submissionFor(departmentIds, i));
    let killed: Promise<void> | null = null;
    let refused = 0;
    await pool(tokens, 12, async (token, i) => {
      // The load balancer's part: a request to a dead replica is sent again to the live one.
      for (const target of [i % 2, 0]) {
        if (i === 200 && !killed) killed = kill(servers[1]!, 'SIGKILL');
        try {
          const res = await submit(target, token, bodies[i]!);
          if (res.status === 200) {
            acked.add(i);
            return;
          }
          throw new Error(`${res.status} ${await res.text()}`);
        } catch (err) {
          if (target === 0) throw err;
          refused++;
        }
      }
    });
    await killed;
    expect(refused).toBeGreaterThan(0); // the kill hit requests in flight or about to be sent
    expect(acked.size).toBe(400);
    const boxed = await count(sql`select count(*)::int as n from ballot_box where round_id = '2026Q4'`);
    const moved = await count(sql`select count(*)::int as n from responses where round_id = '2026Q4'`);
    expect(boxed + moved).toBe(400);
    expect(await count(sql`select count(*)::int as n from invitations where round_id = '2026Q4' and submitted_at is not null`)).toBe(400);
    // The survivor's job keeps moving answers out of the box: none is lost or moved twice.
    await until(async () => (await count(sql`select count(*)::int as n from ballot_box where round_id = '2026Q4'`)) < 5);
    const after = await count(sql`select count(*)::int as n from responses where round_id = '2026Q4'`);
    expect(after + (await count(sql`select count(*)::int as n from ballot_box where round_id = '2026Q4'`))).toBe(400);
    servers[1] = await startServer(env, await freePort());
  });

  it('a deadline passing with both up: exactly one close in the audit log, the answers moved once', async () => {
    for (const [i, token] of deadlineTokens.slice(0, 7).entries()) {
      expect((await submit(i % 2, token, submissionFor(deadlineDepartments, i))).status).toBe(200);
    }
    await db.execute(sql`update rounds set closes_at = now() + interval '1 second' where id = '2026Q3'`);
    await until(async () => (await rows<{ status: string }>(sql`select status from rounds where id = '2026Q3'`))[0]!.status === 'closed');
    // Several more job intervals on both replicas: nothing closes twice.
    await new Promise((r) => setTimeout(r, JOB_EVERY_MS * 6));
    expect(await count(sql`select count(*)::int as n from audit_log where action = 'round.close' and entity_id = '2026Q3'`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from responses where round_id = '2026Q3'`)).toBe(7);
    expect(await count(sql`select count(*)::int as n from ballot_box where round_id = '2026Q3'`)).toBe(0);
    const late = await submit(1, deadlineTokens[10]!, submissionFor(deadlineDepartments, 10));
    expect(late.status).toBe(410);
  });

  it('a write through one replica is read through the other, a logout too', async () => {
    const cookie = await signIn(servers[0]!.port, 'admin', 'replica admin password');
    const [dept] = await rows<{ id: number }>(sql`select id from departments order by id limit 1`);
    const renamed = await fetch(`${base(0)}/departments/${dept!.id}`, {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ nameZh: '市改名局' }),
    });
    expect(renamed.status).toBe(200);
    const read = await fetch(`${base(1)}/departments/${dept!.id}`, { headers: { cookie } });
    expect((await read.json()).nameZh).toBe('市改名局');
    expect((await fetch(`${base(1)}/auth/logout`, { method: 'POST', headers: { cookie } })).status).toBeLessThan(300);
    expect((await fetch(`${base(0)}/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('8 failed logins spread over both lock the account on both', async () => {
    // Each from its own address (through the trusted proxy), so only the account's backoff is in the way.
    const login = (i: number, password: string) =>
      fetch(`${base(i % 2)}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.0.${i + 1}` },
        body: JSON.stringify({ username: 'leader', password }),
      });
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await login(i, 'wrong password')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
    for (const i of [10, 11]) {
      const res = await login(i, 'replica admin password');
      expect(res.status).toBe(429);
      expect((await res.json()).error.details.retryAfterSeconds).toBeGreaterThan(0);
    }
  });
});

async function until(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}
