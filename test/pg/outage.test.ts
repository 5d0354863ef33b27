// The database goes away under load (PostgreSQL only): the API answers 503 with a clear error while it
// is gone, and recovers without a restart. A TCP proxy between the app and PostgreSQL plays the outage.
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#server/db/client.ts';
import { freshDatabase } from '../support/database.ts';
import { listeningApp, openLoadRound, pool, submissionFor } from '../support/load.ts';

const SECRET = 'outage-secret-outage-secret-outage-secret';
const direct = await freshDatabase();
if (!direct.url) throw new Error('the outage test needs DATABASE_URL (PostgreSQL)');
const { departmentIds, tokens } = await openLoadRound(direct.db, SECRET, { enterprises: 600, departments: 10 });
const target = new URL(direct.url);

// The proxy: up() forwards to PostgreSQL, down() refuses and cuts every open connection.
const sockets = new Set<Socket>();
let proxy: Server | null = null;
const proxyPort = 30_000 + Math.floor(Math.random() * 20_000);
const up = () =>
  new Promise<void>((resolve) => {
    proxy = createServer((client) => {
      const upstream = connect(Number(target.port || 5432), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
    }).listen(proxyPort, '127.0.0.1', () => resolve());
  });
const down = () =>
  new Promise<void>((resolve) => {
    proxy!.close(() => resolve());
    for (const s of sockets) s.destroy();
  });
await up();
const viaProxy = new URL(direct.url);
viaProxy.host = `127.0.0.1:${proxyPort}`;
const database = await openDatabase({ kind: 'postgres', url: viaProxy.toString() }, { migrate: false });
const { app, base } = await listeningApp(database, SECRET);
afterAll(async () => {
  await app.close();
  await database.close();
  if (proxy?.listening) await down();
  await direct.close();
});

describe('database outage', () => {
  it('answers 503 while the database is gone and recovers by itself', { timeout: 120_000 }, async () => {
    const statuses: number[] = [];
    const errors = new Set<string>();
    const acked = new Set<number>();
    let outageSeen = false;
    const submitAll = pool(tokens, 20, async (token, i) => {
      const body = JSON.stringify(submissionFor(departmentIds, i));
      for (let attempt = 0; attempt < 100 && !acked.has(i); attempt++) {
        const res = await fetch(`${base}/api/v1/survey/${token}/submit`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        statuses.push(res.status);
        const json = await res.json();
        if (res.status === 200) acked.add(i);
        else {
          errors.add(`${res.status}:${json.error?.code}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    });
    await new Promise((r) => setTimeout(r, 800));
    await down();
    const health = await fetch(`${base}/api/v1/health`);
    expect(health.status).toBe(503);
    expect((await health.json()).database.reachable).toBe(false);
    await new Promise((r) => setTimeout(r, 2000));
    outageSeen = statuses.includes(503);
    await up();
    await submitAll;
    expect(outageSeen).toBe(true);
    expect([...errors].every((e) => e === '503:database_unavailable')).toBe(true);
    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    expect(acked.size).toBe(tokens.length);
    expect((await fetch(`${base}/api/v1/health`)).status).toBe(200);
  });
});
