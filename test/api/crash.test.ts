// SIGKILL the server several times while submissions flow: every acknowledged submission is stored,
// none partially, and retries with the same submission id create no duplicates.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '#server/db/client.ts';
import { invitations, ratings, responses } from '#server/db/schema.ts';
import { freshDatabase } from '../support/database.ts';
import { openLoadRound, pool, submissionFor } from '../support/load.ts';
import { moveBallots } from '#server/survey/ballot-box.ts';
import { freePort } from '../support/ports.ts';
import { kill, startServer, type ServerProcess } from '../support/server-process.ts';

const SECRET = 'crash-secret-crash-secret-crash-secret-12';
const dataDir = mkdtempSync(join(tmpdir(), 'pingyi-crash-'));
const pg = process.env.DATABASE_URL ? await freshDatabase() : null;
// Prepare the round in the database the server will open, then let the server have it alone.
const prep: Database = pg ?? (await openDatabase({ kind: 'pglite', dataDir: join(dataDir, 'pglite') }));
const { roundId, departmentIds, tokens } = await openLoadRound(prep.db, SECRET, { enterprises: 300, departments: 20 });
if (!pg) await prep.close();
const env = {
  JWT_SECRET: SECRET,
  DATA_DIR: dataDir,
  DEMO: 'false',
  SURVEY_RATE_LIMIT: '1000000',
  ...(pg?.url ? { DATABASE_URL: pg.url } : { DATABASE_URL: '' }),
};
const port = await freePort();
let server: ServerProcess | null = null;
afterAll(async () => {
  if (server) await kill(server);
  await pg?.close();
});

describe('crash safety', () => {
  it('loses nothing acknowledged across repeated SIGKILLs', { timeout: 300_000 }, async () => {
    server = await startServer(env, port);
    const bodies = tokens.map((_, i) => submissionFor(departmentIds, i));
    const acked = new Map<number, { receipt: string }>();
    let kills = 0;
    let running = true;
    // Kill at fixed points of progress (not of time), so the test holds however fast the server is.
    const killer = (async () => {
      for (const share of [0.15, 0.35, 0.55, 0.75]) {
        while (running && acked.size < share * tokens.length) await new Promise((r) => setTimeout(r, 10));
        if (!running) break;
        await kill(server!);
        kills++;
        server = await startServer(env, port);
      }
    })();
    // Each client retries its own submission (same id) until acknowledged, as the survey page does.
    await pool(tokens, 20, async (token, i) => {
      for (let attempt = 0; attempt < 200 && !acked.has(i); attempt++) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/api/v1/survey/${token}/submit`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(bodies[i]),
            signal: AbortSignal.timeout(10_000),
          });
          const body = await res.json();
          if (res.status === 200) acked.set(i, body);
          else if (res.status >= 500) await new Promise((r) => setTimeout(r, 100));
          else throw new Error(`unexpected ${res.status}: ${JSON.stringify(body)}`);
        } catch (err) {
          if (String(err).includes('unexpected')) throw err;
          await new Promise((r) => setTimeout(r, 150)); // server down: retry
        }
      }
    });
    running = false;
    await killer;
    expect(kills).toBe(4);
    expect(acked.size).toBe(tokens.length);

    // A retry of every acknowledged submission answers the same receipt and stores nothing new.
    for (const i of [0, 1, 2, tokens.length - 1]) {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/survey/${tokens[i]}/submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(bodies[i]),
      });
      expect(await res.json()).toEqual(acked.get(i));
    }
    await kill(server!, 'SIGTERM');
    server = null;

    const check: Database = pg ?? (await openDatabase({ kind: 'pglite', dataDir: join(dataDir, 'pglite') }));
    try {
      const { db } = check;
      // Whatever the timer had not yet moved is still in the ballot box: empty it as closing would.
      await moveBallots(db, roundId, 0);
      const [[r], [s]] = await Promise.all([
        db.select({ n: count() }).from(responses),
        db.select({ n: count() }).from(invitations).where(eq(invitations.status, 'submitted')),
      ]);
      expect(Number(r!.n)).toBe(tokens.length);
      expect(Number(s!.n)).toBe(tokens.length);
      const partial = await db
        .select({ id: ratings.responseId, n: count() })
        .from(ratings)
        .groupBy(ratings.responseId)
        .having(sql`count(*) <> ${departmentIds.length}`);
      expect(partial).toEqual([]);
      const stored = await db.select({ id: invitations.submissionId }).from(invitations);
      expect(new Set(stored.map((x) => x.id))).toEqual(new Set(bodies.map((b) => b.submissionId)));
    } finally {
      if (!pg) await check.close();
    }
    console.log(`crash: ${kills} SIGKILLs during ${tokens.length} submissions on ${pg ? 'postgres' : 'pglite'}; all stored once`);
  });
});
