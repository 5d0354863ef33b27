// A restart after SIGKILL must reopen the data and lose nothing that was committed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '#shared/password-policy.ts';
import { freshDatabase } from '../support/database.ts';
import { freePort } from '../support/ports.ts';
import { kill, signIn, startServer, type ServerProcess } from '../support/server-process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'pingyi-restart-'));
const pg = process.env.DATABASE_URL ? await freshDatabase() : null;
const env = { DATA_DIR: dataDir, DEMO: 'true', DATABASE_URL: pg?.url ?? '' };
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) await kill(s);
  await pg?.close();
});

const login = (port: number) => signIn(port, 'admin', DEMO_PASSWORD);

describe('restart', () => {
  it('keeps committed data after SIGKILL and reopens the data folder', { timeout: 240_000 }, async () => {
    const port = await freePort();
    const first = await startServer(env, port);
    servers.push(first);
    const cookie = await login(port);
    const created = await fetch(`http://127.0.0.1:${port}/api/v1/departments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ code: 'killtest', nameZh: '市重启测试局', category: 'service' }),
    });
    expect(created.status).toBe(201);
    await kill(first);

    const second = await startServer(env, port);
    servers.push(second);
    const cookie2 = await login(port); // the persisted JWT secret and demo users survived too
    const list = await (await fetch(`http://127.0.0.1:${port}/api/v1/departments`, { headers: { cookie: cookie2 } })).json();
    expect(list.map((d: { code: string }) => d.code)).toContain('killtest');
    expect(list).toHaveLength(54); // 53 demo departments, seeded once, plus ours
    const me = await fetch(`http://127.0.0.1:${port}/api/v1/me`, { headers: { cookie } });
    expect(me.status).toBe(200); // a session from before the crash still works
    await kill(second, 'SIGTERM');
    expect(second.child.exitCode).toBe(0);
  });
});
