import type { LightMyRequestResponse } from 'fastify';
import { afterAll, onTestFinished } from 'vitest';
import { buildApp, type App, type AppDeps } from '#server/app.ts';
import { hashPassword } from '#server/auth/password.ts';
import type { Database } from '#server/db/client.ts';
import type { Config } from '#server/config.ts';
import { testConfig } from './config.ts';
import { departments, users } from '#server/db/schema.ts';
import { freshDatabase } from './database.ts';

export const TEST_PASSWORD = 'correct horse battery';
export type TestRole = 'admin' | 'leader' | 'supervisor' | 'dept_head' | 'other_head' | 'org' | 'org2' | 'security';

export interface TestContext {
  app: App;
  database: Database;
  clock: { now: Date };
  /** Session cookie for a user of the role (created on first use). */
  as(role: TestRole): Promise<string>;
  departmentIds: { own: number; other: number };
}

let passwordHash: Promise<string> | undefined;

/**
 * Closes what a test file made: after the file's tests when made at its top, or when the test that made it
 * ends (an afterAll registered inside a test never runs: its app and database, a PostgreSQL database among
 * them, were left behind). Not from inside a beforeAll, where an afterAll does not run either: make it at the
 * file's top (the PostgreSQL teardown fails a run that leaves a database behind).
 */
export function closeWhenDone(close: () => Promise<void>): void {
  try {
    onTestFinished(close);
  } catch {
    // Outside a test: onTestFinished refuses.
    afterAll(close);
  }
}

/** A fresh app on a fresh database, closed after the file's tests (or after the test that made it). */
export async function makeTestContext(
  opts: {
    publicBaseUrl?: string;
    publicDisclosure?: 'full' | 'bottom';
    logLevel?: AppDeps['config']['logLevel'];
    logStream?: AppDeps['logStream'];
    ballotMoveEveryMs?: number;
    /** The outbox job's interval; default 0: tests run `app.outbound.tick(now)` themselves, on the fake clock. */
    outboxEveryMs?: number;
    runJobs?: boolean;
    config?: Partial<Config>;
    sessionNow?: () => number;
  } = {},
): Promise<TestContext> {
  const database = await freshDatabase();
  const clock = { now: new Date('2026-03-01T08:00:00.000Z') };
  const app = await buildApp({
    database,
    config: testConfig({
      ...(opts.publicBaseUrl ? { publicBaseUrl: opts.publicBaseUrl } : {}),
      ...(opts.logLevel ? { logLevel: opts.logLevel } : {}),
      ...(opts.publicDisclosure ? { publicDisclosure: opts.publicDisclosure } : {}),
      ...(opts.ballotMoveEveryMs !== undefined ? { ballotMoveEveryMs: opts.ballotMoveEveryMs } : {}),
      outboxEveryMs: opts.outboxEveryMs ?? 0,
      ...opts.config,
    }),
    ...(opts.logStream ? { logStream: opts.logStream } : {}),
    ...(opts.runJobs !== undefined ? { runJobs: opts.runJobs } : {}),
    now: () => clock.now,
    ...(opts.sessionNow ? { sessionNow: opts.sessionNow } : {}),
  });
  closeWhenDone(async () => {
    await app.close();
    await database.close();
  });
  const [own, other] = await database.db
    .insert(departments)
    .values([
      { code: 'owndept', nameZh: '市测试局', category: 'service' },
      { code: 'otherdept', nameZh: '市其他局', category: 'service' },
    ])
    .returning();
  const cookies = new Map<TestRole, string>();
  const as = async (role: TestRole) => {
    const cached = cookies.get(role);
    if (cached) return cached;
    passwordHash ??= hashPassword(TEST_PASSWORD);
    const username = `test-${role}`;
    await database.db.insert(users).values({
      username,
      displayName: role,
      passwordHash: await passwordHash,
      role: role === 'other_head' ? 'dept_head' : role === 'org2' ? 'org' : role,
      departmentId: role === 'dept_head' ? own!.id : role === 'other_head' ? other!.id : null,
      // Their own password, set long ago: they may approve and decide at once.
      ownPasswordSince: new Date(0),
    });
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: TEST_PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
    const cookie = sessionCookie(res);
    cookies.set(role, cookie);
    return cookie;
  };
  return { app, database, clock, as, departmentIds: { own: own!.id, other: other!.id } };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'pingyi_session');
  if (!c) throw new Error('no session cookie');
  return `pingyi_session=${c.value}`;
}
