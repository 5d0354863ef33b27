// The outbox: 10,000 invitations through a real SMPP SMSC (the `smpp` package's server, in this process)
// by the outbox job, as messages per second, with the event loop's delay while it sends. Run alone with
// `npm run bench -- outbox` (both databases with DATABASE_URL), `npx tsx bench/outbox.ts` (one), or in `npm run bench`.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { buildApp } from '#server/app.ts';
import { startSmsc } from '../test/support/gateways.ts';
import { openPgliteTarget, openPostgresTarget, type Target } from './db.ts';
import { JWT_SECRET, openRoundWithTokens, PUBLIC_BASE_URL, seedRegistry } from './fixtures.ts';
import { testConfig } from '../test/support/config.ts';

export interface OutboxFigures {
  messages: number;
  seconds: number;
  perSecond: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

export const OUTBOX_MESSAGES = 10_000;

export async function benchOutbox(target: Target, messages = OUTBOX_MESSAGES): Promise<OutboxFigures> {
  const { db } = target.database;
  await seedRegistry(db, messages);
  await openRoundWithTokens(db, '2032Q1', messages, new Date());
  await db.execute(sql`update enterprises set contact_phone = '136' || lpad(id::text, 8, '0')`);
  const smsc = await startSmsc();
  const app = await buildApp({
    database: target.database,
    runJobs: false,
    config: testConfig({
      jwtSecret: JWT_SECRET,
      publicBaseUrl: PUBLIC_BASE_URL,
      outbound: { smsGateway: smsc.url, smsSender: '106900', smtpUrl: null, mailFrom: null, quietHours: null },
    }),
  });
  const loop = monitorEventLoopDelay({ resolution: 10 });
  try {
    loop.enable();
    const started = performance.now();
    while (smsc.received.length < messages) {
      const { sent } = await app.outbound.tick(new Date(), 60_000);
      if (!sent) break;
    }
    const seconds = (performance.now() - started) / 1000;
    loop.disable();
    return {
      messages: smsc.received.length,
      seconds,
      perSecond: smsc.received.length / seconds,
      loopDelayP99Ms: loop.percentile(99) / 1e6,
      loopDelayMaxMs: loop.max / 1e6,
    };
  } finally {
    await app.close();
    await smsc.close();
  }
}

export const outboxLine = (label: string, f: OutboxFigures) =>
  `${label} outbox: ${f.messages} SMS in ${f.seconds.toFixed(1)} s = ${f.perSecond.toFixed(0)} messages/s; event loop delay p99 ${f.loopDelayP99Ms.toFixed(1)} ms, max ${f.loopDelayMaxMs.toFixed(1)} ms`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  const target = url ? await openPostgresTarget(url, `pingyi_bench_outbox_${process.pid}`) : await openPgliteTarget('pingyi-bench-outbox-');
  try {
    console.log(outboxLine(target.label, await benchOutbox(target)));
  } finally {
    await target.cleanup();
  }
}
