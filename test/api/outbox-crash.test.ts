// SIGKILL the server three times while it sends a round's invitations through a real SMPP SMSC that behaves
// like a gateway the outbox can be exactly-once with (test/support/gateways.ts: it dedupes on the reference,
// its receipts echo it, and receipts wait for the next bind). Each kill comes the moment the SMSC has taken a
// message whose answer is then lost: that message is in doubt, its receipt (held by the SMSC) names it after
// the restart, and it is never sent again. Messages claimed but never written are in doubt too: no receipt
// names them, so after the wait they are sent, once. At the end every firm got exactly one SMS. Both databases.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { hashPassword } from '#server/auth/password.ts';
import { openDatabase, type Database } from '#server/db/client.ts';
import { enterprises, invitations, outboxMessages, users } from '#server/db/schema.ts';
import { MIN_LEASE_MS } from '#server/outbound/lease.ts';
import { freshDatabase } from '../support/database.ts';
import { startSmsc, type SmsReceived } from '../support/gateways.ts';
import { openLoadRound } from '../support/load.ts';
import { freePort } from '../support/ports.ts';
import { kill, signIn, startServer, type ServerProcess } from '../support/server-process.ts';

const SECRET = 'outbox-crash-secret-outbox-crash-secret-1';
const FIRMS = 300;
const IN_DOUBT_MS = 3_000;
// The shortest lease the config allows: what a killed sender held is taken up again 20 s later, not 60.
const LEASE_MS = MIN_LEASE_MS;
const dataDir = mkdtempSync(join(tmpdir(), 'pingyi-outbox-crash-'));
const pg = process.env.DATABASE_URL ? await freshDatabase() : null;
const prep: Database = pg ?? (await openDatabase({ kind: 'pglite', dataDir: join(dataDir, 'pglite') }));
const { roundId } = await openLoadRound(prep.db, SECRET, { enterprises: FIRMS, departments: 3 });
await prep.db.execute(sql`update enterprises set contact_phone = '137' || lpad(id::text, 8, '0')`);
// The admin who reads the round's outbox (its counts by status) while the server runs.
const ADMIN = { username: 'outbox-admin', password: 'outbox-crash-admin-password' };
await prep.db.insert(users).values({
  username: ADMIN.username,
  displayName: 'admin',
  passwordHash: await hashPassword(ADMIN.password),
  role: 'admin',
  ownPasswordSince: new Date(0),
});
if (!pg) await prep.close();

const smsc = await startSmsc({ receiptAfterMs: 100 });
const env = {
  JWT_SECRET: SECRET,
  DATA_DIR: dataDir,
  DEMO: 'false',
  SMS_GATEWAY: smsc.url,
  SMS_QUIET_HOURS: 'off',
  OUTBOX_EVERY_MS: '300',
  OUTBOX_IN_DOUBT_MS: String(IN_DOUBT_MS),
  OUTBOX_LEASE_MS: String(LEASE_MS),
  ...(pg?.url ? { DATABASE_URL: pg.url } : { DATABASE_URL: '' }),
};
const port = await freePort();
let server: ServerProcess | null = null;
afterAll(async () => {
  if (server) await kill(server);
  await smsc.close();
  await pg?.close();
});
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How many of the round's messages the server counts as delivered, read as the admin reads the outbox. */
async function deliveredCount(cookie: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/rounds/${roundId}/outbox`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { counts: Record<string, number> }).counts.delivered ?? 0;
}

describe('outbox crash safety', () => {
  it('sends each firm exactly one invitation across SIGKILLs mid-batch', { timeout: 900_000 }, async () => {
    server = await startServer(env, port, 280_000);
    const victims: SmsReceived[] = [];
    // Kill at points of progress (the SMSC's count), the moment a submit arrives, leaving it unanswered.
    for (const share of [0.2, 0.45, 0.7]) {
      const victim = await new Promise<SmsReceived>((resolve) => {
        smsc.onSubmit = (sms) => {
          if (smsc.received.length < share * FIRMS) return undefined;
          smsc.onSubmit = undefined;
          resolve(sms);
          return 'hold';
        };
      });
      await kill(server);
      victims.push(victim);
      // A generous start-up: the restart recovers the database after the kill, on a machine that may be busy.
      server = await startServer(env, port, 280_000);
    }
    // Every firm reached, no receipt still held by the SMSC, and every message delivered by the server's own
    // count: a delivered message is never sent again, so nothing can reach the SMSC after this. A message in
    // doubt at the last kill gets there after its row's lease and the wait for a receipt.
    const cookie = await signIn(port, ADMIN.username, ADMIN.password);
    const distinct = () => new Set(smsc.received.map((s) => s.to)).size;
    while (distinct() < FIRMS || smsc.heldReceipts() > 0 || (await deliveredCount(cookie)) < FIRMS) await pause(250);
    // Stop it gracefully so PGlite's files can be opened here.
    await kill(server!, 'SIGTERM');
    server = null;

    const after: Database = pg ?? (await openDatabase({ kind: 'pglite', dataDir: join(dataDir, 'pglite') }));
    try {
      const rows = await after.db
        .select({ m: outboxMessages, phone: enterprises.contactPhone })
        .from(outboxMessages)
        .innerJoin(invitations, eq(invitations.id, outboxMessages.invitationId))
        .innerJoin(enterprises, eq(enterprises.id, invitations.enterpriseId))
        .where(eq(outboxMessages.roundId, roundId));
      expect(rows).toHaveLength(FIRMS); // one invitation row per firm, however often the job was interrupted
      const counts = new Map<string, number>();
      for (const s of smsc.received) counts.set(s.to, (counts.get(s.to) ?? 0) + 1);
      // Exactly one SMS reached each firm's handset.
      expect(rows.filter((r) => counts.get(r.phone!) !== 1).map((r) => `${r.phone}: ${counts.get(r.phone!) ?? 0}`)).toEqual([]);
      expect(smsc.received).toHaveLength(FIRMS);
      // No resend even reached the gateway: every message in doubt that the SMSC had was named by its receipt.
      expect(smsc.duplicates).toEqual([]);
      // And every row knows it: delivered, with the gateway's id.
      expect(rows.filter((r) => r.m.status !== 'delivered' || !r.m.gatewayId).map((r) => `${r.m.status} ${r.m.reason}`)).toEqual([]);
      // The three whose answer was lost were settled by their receipt, never handed over again.
      for (const v of victims) {
        const row = rows.find((r) => r.phone === v.to)!;
        expect(row.m).toMatchObject({ status: 'delivered', gatewayId: v.id, attempts: 1 });
      }
      const resent = rows.filter((r) => r.m.attempts > 1).length;
      console.log(
        `outbox crash: ${victims.length} SIGKILLs while sending ${FIRMS} invitations on ${pg ? 'postgres' : 'pglite'}; each firm got one SMS; ${victims.length} answers lost and settled by their receipt; ${resent} claimed but never written, sent after the wait`,
      );
    } finally {
      if (!pg) await after.close();
    }
  });
});
