// Helpers for load and fault tests: a round ready for submissions, and a bounded concurrent client.
import { randomBytes, randomUUID } from 'node:crypto';
import { formatReceipt, receiptHash } from '#shared/receipt.ts';
import type { AddressInfo } from 'node:net';
import { buildApp } from '#server/app.ts';
import { testConfig } from './config.ts';
import type { Database, Db } from '#server/db/client.ts';
import { createRound, openRound } from '#server/rounds/rounds.service.ts';
import { drawRound, freezePool } from '#server/draw/draw.service.ts';
import { serviceContext } from '#server/context.ts';
import { makeLinkMaker } from '#server/invitations/tokens.ts';
import { createRoundSchema } from '#shared/schemas/rounds.ts';
import { roundDepartmentRows } from '#server/rounds/rounds.queries.ts';
import { seedRegistry } from './fixtures.ts';

const actor = { id: null, name: 'load-test' };

/** The app as production runs it (no per-address limit in the way of the load), listening on loopback. */
export async function listeningApp(database: Database, secret: string) {
  const app = await buildApp({
    database,
    config: testConfig({ jwtSecret: secret, publicBaseUrl: 'http://x', surveyRateLimit: 1_000_000 }),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

/** Registry of `enterprises` and `departments`, and an open round inviting all of them. */
export async function openLoadRound(db: Db, secret: string, opts: { enterprises: number; departments: number; roundId?: string }) {
  await seedRegistry(db, { enterprises: opts.enterprises, departments: opts.departments });
  const roundId = opts.roundId ?? '2026Q4';
  const now = new Date();
  await createRound(
    serviceContext(db, { actor, now, zone: 'Asia/Shanghai' }),
    createRoundSchema.parse({
      id: roundId,
      sampleSize: opts.enterprises,
      opensAt: new Date(now.getTime() - 86_400_000).toISOString(),
      closesAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
    }),
  );
  const ctx = serviceContext(db, { actor, now, zone: 'Asia/Shanghai' });
  await freezePool(ctx, { id: roundId });
  await drawRound(ctx, { id: roundId, seed: 'load test seed', links: makeLinkMaker(secret, 'http://x') });
  await openRound(ctx, { id: roundId });
  const links = makeLinkMaker(secret, 'http://x');
  const { invitations } = await import('#server/db/schema.ts');
  const { eq } = await import('drizzle-orm');
  const invited = await db.select({ uscc: invitations.uscc }).from(invitations).where(eq(invitations.roundId, roundId));
  const departmentIds = (await roundDepartmentRows(db, roundId)).map((d) => d.departmentId);
  return { roundId, departmentIds, tokens: invited.map((i) => links.token(roundId, i.uscc, 1)) };
}

/** As the survey page sends it: with the hash of a receipt code it made and keeps. */
export const submissionFor = (departmentIds: number[], i: number) => ({
  submissionId: randomUUID(),
  receiptHash: receiptHash(formatReceipt(randomBytes(12))),
  ratings: departmentIds.map((departmentId, k) => ({
    departmentId,
    level: (['satisfied', 'fairly_satisfied', 'basically_satisfied', 'dissatisfied', 'not_applicable'] as const)[(i + k) % 5],
  })),
  leastSatisfied: [],
});

/** Runs `work` for every item with at most `concurrency` in flight. */
export async function pool<T>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
}
