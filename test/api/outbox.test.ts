// Issue 23, the outbound half, through real gateways in this process: an SMPP 3.4 SMSC and an SMTP server.
// A round opens → every firm with a mobile gets exactly one invitation; after some submit (and the batch is
// reported) a reminder reaches exactly the others; receipts and a "TD" reply are honoured; quiet hours and
// one-per-day hold on the fake clock; a refusing or unreachable gateway leaves failures with the reason.
// Runs on PGlite and, with DATABASE_URL, PostgreSQL.
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { enterprises, invitations, outboxMessages } from '#server/db/schema.ts';
import { ballotMoverTick } from '#server/survey/ballot-mover.ts';
import { makeTestContext } from '../support/app.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { startSmsc, startSmtp } from '../support/gateways.ts';
import { completeSubmission, invitationTokens } from '../support/survey.ts';

let smsc = await startSmsc();
const smtp = await startSmtp();
const ctx = await makeTestContext({
  config: {
    outbound: {
      smsGateway: smsc.url,
      smsSender: '106900',
      smtpUrl: smtp.url,
      mailFrom: 'pingyi@example.gov.cn',
      quietHours: { from: 21, to: 8 },
    },
  },
});
afterAll(async () => {
  await smsc.close();
  await smtp.close();
});
const { db } = ctx.database;
const ROUND = '2026Q1';
await seedRegistry(db, { enterprises: 80, departments: 3 });
// A mobile each (unique, so the SMSC's log tells firms apart); some with a landline, some with an e-mail too.
await db.execute(sql`update enterprises set contact_phone = '139' || lpad(id::text, 8, '0')`);
await db.execute(sql`update enterprises set contact_phone = '0728-33' || lpad(id::text, 5, '0') where id % 10 = 0`);
await db.execute(sql`update enterprises set contact_email = 'firm' || id || '@example.cn' where id % 4 = 1`);

const city = (iso: string) => new Date(`${iso}+08:00`);
const api = async (method: 'GET' | 'POST', url: string, payload?: object) =>
  ctx.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: await ctx.as('admin') }, ...(payload ? { payload } : {}) });
const tick = async () => ctx.app.outbound.tick(ctx.clock.now);
const outbox = async () => (await api('GET', `/rounds/${ROUND}/outbox`)).json();
/** How many messages reached each number (the job returns once the gateway has answered each). */
const perNumber = () => {
  const m = new Map<string, number>();
  for (const s of smsc.received) m.set(s.to, (m.get(s.to) ?? 0) + 1);
  return m;
};
/** Receipts and replies arrive on the gateway's own session: wait until their effect shows. */
const until = async (what: () => Promise<boolean>, tries = 200) => {
  for (let i = 0; i < tries && !(await what()); i++) await new Promise((r) => setTimeout(r, 25));
  expect(await what()).toBe(true);
};

let drawn: { uscc: string; phone: string | null; email: string | null; token: string }[] = [];

describe('the outbox with real gateways', () => {
  it('lists the invalid phones of the drawn firms before the round opens', async () => {
    ctx.clock.now = city('2026-03-01T10:00:00');
    expect(
      (
        await api('POST', '/rounds', {
          id: ROUND,
          sampleSize: 40,
          opensAt: '2026-03-02T09:00:00+08:00',
          closesAt: '2026-03-16T18:00:00+08:00',
        })
      ).statusCode,
    ).toBe(201);
    expect((await api('POST', `/rounds/${ROUND}/freeze`)).statusCode).toBe(200);
    expect((await api('POST', `/rounds/${ROUND}/draw`, { seed: 'outbox ceremony' })).statusCode).toBe(200);
    const box = await outbox();
    expect(box.plan).toEqual({ invitation: true, reminderDays: [3, 7], finalReminder: true });
    const rows = await db
      .select({ uscc: invitations.uscc, phone: enterprises.contactPhone, email: enterprises.contactEmail })
      .from(invitations)
      .innerJoin(enterprises, eq(enterprises.id, invitations.enterpriseId))
      .where(eq(invitations.roundId, ROUND));
    const landlines = rows
      .filter((r) => r.phone!.startsWith('0728'))
      .map((r) => r.uscc)
      .sort();
    expect(landlines.length).toBeGreaterThan(0);
    expect(box.invalidPhones.map((p: { uscc: string }) => p.uscc).sort()).toEqual(landlines);
    expect(box.messages).toEqual([]);
  });

  it('sends every firm with a mobile exactly one invitation when the round opens, and each e-mail once', async () => {
    ctx.clock.now = city('2026-03-02T10:00:00');
    expect((await api('POST', `/rounds/${ROUND}/open`)).statusCode).toBe(200);
    const tokens = await invitationTokens(ctx, ROUND);
    const rows = await db
      .select({ uscc: invitations.uscc, phone: enterprises.contactPhone, email: enterprises.contactEmail })
      .from(invitations)
      .innerJoin(enterprises, eq(enterprises.id, invitations.enterpriseId))
      .where(eq(invitations.roundId, ROUND));
    drawn = rows.map((r) => ({ ...r, token: tokens.get(r.uscc)! }));
    const mobiles = drawn.filter((d) => d.phone!.startsWith('139'));
    await tick();
    await tick(); // a second run the same day sends nothing more
    expect(perNumber()).toEqual(new Map(mobiles.map((d) => [d.phone!, 1])));
    const sms = smsc.received.find((s) => s.to === mobiles[0]!.phone)!;
    expect(sms.from).toBe('106900');
    expect(sms.text).toContain(`/s/${mobiles[0]!.token}`);
    expect(sms.text).toContain('回复TD退订');
    const mailed = drawn
      .filter((d) => d.email)
      .map((d) => d.email)
      .sort();
    expect(smtp.received.flatMap((m) => m.to).sort()).toEqual(mailed);
    const box = await outbox();
    expect(box.counts).toMatchObject({ sent: mobiles.length + mailed.length, queued: 0, failed: 0 });
    expect(box.messages.filter((m: { kind: string }) => m.kind === 'invitation')).toHaveLength(mobiles.length + mailed.length);
    expect(box.messages.find((m: { channel: string }) => m.channel === 'sms').to).toMatch(/^139\d{8}$/); // the admin sees the number
  });

  it('records delivery receipts, and a TD reply stops SMS to that firm', async () => {
    const [first, second, third] = smsc.received;
    await smsc.receipt(first!.id, 'DELIVRD');
    await smsc.receipt(second!.id, 'UNDELIV');
    await smsc.reply(`+86${third!.to}`, ' TD ');
    const statusOf = async (to: string) => {
      const box = await outbox();
      return box.messages.find((m: { to: string }) => m.to === to)?.status;
    };
    await until(async () => (await statusOf(first!.to)) === 'delivered' && (await statusOf(second!.to)) === 'failed');
    const box = await outbox();
    expect(box.messages.find((m: { to: string }) => m.to === second!.to).reason).toBe('receipt: UNDELIV');
    await until(
      async () => (await db.select().from(enterprises).where(eq(enterprises.contactPhone, third!.to)))[0]!.smsOptedOutAt !== null,
    );
  });

  it('reminds on day 3 exactly the firms that have not submitted (as reported) and did not opt out', async () => {
    const departmentIds: number[] = (await ctx.app.inject({ method: 'GET', url: `/api/v1/survey/${drawn[0]!.token}` }))
      .json()
      .departments.map((d: { id: number }) => d.id);
    const submitters = drawn.slice(0, 6);
    for (const d of submitters) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/survey/${d.token}/submit`,
        payload: completeSubmission(departmentIds),
      });
      expect(res.statusCode).toBe(200);
    }
    await ballotMoverTick(db, ctx.clock.now); // six waiting: the batch is reported
    const optedOut = smsc.received[2]!.to;
    const before = smsc.received.length;
    ctx.clock.now = city('2026-03-04T10:00:00'); // day 2: no reminder in the plan
    await tick();
    expect(smsc.received.length).toBe(before);
    ctx.clock.now = city('2026-03-05T07:30:00'); // day 3, but quiet hours
    await tick();
    expect(smsc.received.length).toBe(before);
    expect((await api('POST', `/rounds/${ROUND}/reminders`)).json().error.code).toBe('quiet_hours');
    ctx.clock.now = city('2026-03-05T09:00:00');
    await tick();
    const reminded = smsc.received
      .slice(before)
      .map((s) => s.to)
      .sort();
    const expected = drawn
      .slice(6)
      .map((d) => d.phone!)
      .filter((p) => p.startsWith('139') && p !== optedOut)
      .sort();
    expect(reminded).toEqual(expected);
    expect(smsc.received.slice(before).every((s) => s.text.includes('尚未收到'))).toBe(true);
  });

  it('sends a reminder now only to firms not contacted today; tomorrow it reaches them again', async () => {
    const before = smsc.received.length;
    const again = await api('POST', `/rounds/${ROUND}/reminders`);
    expect(again.json()).toEqual({ queued: 0 });
    ctx.clock.now = city('2026-03-06T11:00:00');
    const now = await api('POST', `/rounds/${ROUND}/reminders`);
    const expectedSms = drawn.slice(6).filter((d) => d.phone!.startsWith('139') && d.phone !== smsc.received[2]!.to).length;
    const expectedMail = drawn.slice(6).filter((d) => d.email).length;
    expect(now.json()).toEqual({ queued: expectedSms + expectedMail });
    await tick();
    expect(smsc.received.length - before).toBe(expectedSms);
  });

  it('marks a refused number refused and an unreachable gateway failed with its reason, and retries later', async () => {
    const target = drawn.slice(6).find((d) => d.phone!.startsWith('139') && d.phone !== smsc.received[2]!.to)!;
    smsc.refuse.add(target.phone!);
    ctx.clock.now = city('2026-03-09T10:00:00'); // day 7
    await tick();
    let box = await outbox();
    const refused = box.messages.find((m: { to: string; day: string }) => m.to === target.phone && m.day === '2026-03-09');
    expect(refused).toMatchObject({ status: 'refused', reason: 'ESME_RINVDSTADR' });
    // The SMSC goes away: the final reminder fails with the reason and waits for a retry.
    await smsc.close();
    ctx.clock.now = city('2026-03-15T10:00:00');
    await tick();
    box = await outbox();
    const finals = box.messages.filter((m: { kind: string; channel: string }) => m.kind === 'final_reminder' && m.channel === 'sms');
    expect(finals.length).toBeGreaterThan(0);
    // Those that never reached it wait for a retry; one written as the connection dropped is in doubt: it
    // waits for a receipt naming it before it is sent again.
    type Final = { id: number; status: string; reason: string; to: string };
    const notSent = finals.filter((m: Final) => /^(connect: ECONNREFUSED|submit: the connection is closed)$/.test(m.reason));
    const inDoubt = finals.filter((m: Final) => m.reason.startsWith('in doubt: '));
    expect(notSent.length + inDoubt.length).toBe(finals.length);
    expect(finals.every((m: Final) => m.status === 'failed')).toBe(true);
    expect(notSent.length).toBeGreaterThan(0);
    const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, notSent[0].id));
    expect(row!.dueAt.getTime()).toBeGreaterThan(ctx.clock.now.getTime());
    // Back up a few minutes later: the retry sends exactly the ones that never reached it.
    smsc = await startSmsc({ port: smsc.port });
    ctx.clock.now = city('2026-03-15T10:05:00');
    await tick();
    expect(smsc.received.map((s) => s.to).sort()).toEqual(notSent.map((m: Final) => m.to).sort());
    box = await outbox();
    expect(box.messages.filter((m: Final) => notSent.some((n: Final) => n.id === m.id)).every((m: Final) => m.status === 'sent')).toBe(
      true,
    );
  });

  it('settles a message in doubt by the receipt naming its reference, or sends it again once after the wait', async () => {
    // The last day: a reminder now. The SMSC takes two submits and the connection drops before it answers
    // either: both are in doubt (the SMSC has them; the app cannot know).
    ctx.clock.now = city('2026-03-16T08:30:00');
    await tick(); // what yesterday left in doubt, sent again after the wait: out of the way first
    ctx.clock.now = city('2026-03-16T09:00:00');
    const before = smsc.received.length;
    const held: typeof smsc.received = [];
    smsc.onSubmit = (sms) => {
      if (held.length >= 2) return undefined;
      held.push(sms);
      if (held.length === 2) setImmediate(() => smsc.drop());
      return 'hold';
    };
    expect((await api('POST', `/rounds/${ROUND}/reminders`)).statusCode).toBe(200);
    await tick();
    smsc.onSubmit = undefined;
    expect(held).toHaveLength(2);
    const [a, b] = held as [(typeof held)[number], (typeof held)[number]];
    const rowOf = async (to: string) =>
      (
        await db
          .select({ m: outboxMessages })
          .from(outboxMessages)
          .innerJoin(invitations, eq(invitations.id, outboxMessages.invitationId))
          .innerJoin(enterprises, eq(enterprises.id, invitations.enterpriseId))
          .where(sql`${enterprises.contactPhone} = ${to} and ${outboxMessages.day} = '2026-03-16' and ${outboxMessages.channel} = 'sms'`)
      )[0]!.m;
    for (const h of held) expect(await rowOf(h.to)).toMatchObject({ status: 'failed', gatewayId: null, attempts: 1 });
    expect((await rowOf(a.to)).reason).toMatch(/^in doubt: /);
    // Each submit carried its row's reference, the same it will carry if sent again.
    expect(a.reference).toBe((await rowOf(a.to)).id % 65_536);
    // A's receipt comes (held by the SMSC until the client binds again, within its 5 s): it names A's
    // reference, so A is settled and never resent.
    await smsc.receipt(a.id, 'DELIVRD');
    await until(async () => (await rowOf(a.to)).status === 'delivered', 600);
    expect(await rowOf(a.to)).toMatchObject({ gatewayId: a.id, attempts: 1 });
    // Nothing names B: before the wait is over it is not sent again; after it, it is, with the same
    // reference, and the SMSC (which dedupes on it) answers with B's first id and sends nothing.
    ctx.clock.now = city('2026-03-16T09:05:00');
    await tick();
    expect(await rowOf(b.to)).toMatchObject({ status: 'failed', attempts: 1 });
    ctx.clock.now = city('2026-03-16T09:11:00');
    await tick();
    expect(await rowOf(b.to)).toMatchObject({ status: 'sent', gatewayId: b.id, attempts: 2 });
    expect(smsc.duplicates.map((d) => d.to)).toContain(b.to);
    expect(smsc.duplicates.map((d) => d.to)).not.toContain(a.to);
    // Every firm reminded today got exactly one SMS.
    const today = smsc.received.slice(before).map((s) => s.to);
    expect(today.length).toBeGreaterThan(2);
    expect(new Set(today).size).toBe(today.length);
    // Mail carries a Message-ID made from its row, the same on a resend, so a repeat is recognisable.
    const mails = await db.select().from(outboxMessages).where(eq(outboxMessages.channel, 'email'));
    const ids = smtp.received.map((r) => /^Message-ID: <pingyi-outbox-(\d+)@example\.gov\.cn>/im.exec(r.raw)?.[1]);
    expect(ids.every((id) => id && mails.some((m) => m.id === Number(id)))).toBe(true);
  });
});
