// A restart after SIGKILL must reopen the data and lose nothing that was committed.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/database.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'pingyi-restart-'));
const pgDatabase = process.env.DATABASE_URL ? await freshDatabase() : null;
const children: ChildProcess[] = [];
afterAll(async () => {
  children.forEach((c) => c.kill('SIGKILL'));
  await pgDatabase?.close();
});

async function startServer(port: number): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: 'true', LOG_LEVEL: 'warn' };
  if (pgDatabase?.url) env.DATABASE_URL = pgDatabase.url; else delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (res.ok) return child;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not start: ${output}`);
}

async function login(port: number) {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'pingyi-demo' }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

describe('restart', () => {
  it('keeps committed data after SIGKILL and reopens the data folder', { timeout: 180_000 }, async () => {
    const port = 3900 + Math.floor(Math.random() * 90);
    const first = await startServer(port);
    const cookie = await login(port);
    const created = await fetch(`http://127.0.0.1:${port}/api/v1/departments`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ code: 'killtest', nameZh: '市重启测试局', category: 'service' }),
    });
    expect(created.status).toBe(201);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));

    const second = await startServer(port);
    const cookie2 = await login(port); // the persisted JWT secret and demo users survived too
    const list = await (await fetch(`http://127.0.0.1:${port}/api/v1/departments`, { headers: { cookie: cookie2 } })).json();
    expect(list.map((d: { code: string }) => d.code)).toContain('killtest');
    expect(list).toHaveLength(54); // 53 demo departments, seeded once, plus ours
    const me = await fetch(`http://127.0.0.1:${port}/api/v1/me`, { headers: { cookie } });
    expect(me.status).toBe(200); // a session from before the crash still works
    second.kill('SIGTERM');
    await new Promise((r) => second.once('exit', r));
    expect(second.exitCode).toBe(0);
  });
});
