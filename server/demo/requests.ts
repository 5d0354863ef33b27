// Demo requests (诉求) through the real code paths: enterprises of the open round raise them with their
// receipt codes; heads answer most within the working day, one late, one not yet (overdue), and the
// enterprises rate the answers. Every step happens in time order, like the rest of the demo's audit log.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { DEFAULT_REPLY_WORKING_DAYS, REQUEST_CATEGORIES } from '#shared/requests/vocabulary.ts';
import { requestCodeHash } from '#shared/requests/code.ts';
import { serviceContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { requests, users } from '../db/schema.ts';
import { makeReceiptUseKey } from '../requests/receipt-uses.ts';
import { releaseHeldRequests } from '../requests/release.ts';
import { giveFeedback, raiseRequest, reply } from '../requests/requests.service.ts';
import stories from './requests.json' with { type: 'json' };

const HOUR = 3_600_000;

// The stories are data (requests.json: department code, category, text, optional contact, hours ago, the
// reply and the feedback after so many hours), read once and checked here.
const storySchema = z.object({
  code: z.string(),
  category: z.enum(REQUEST_CATEGORIES),
  text: z.string(),
  contact: z.string().optional(),
  hoursAgo: z.number(),
  reply: z.object({ afterHours: z.number(), text: z.string() }).optional(),
  feedback: z.object({ afterHours: z.number(), resolved: z.boolean(), satisfied: z.boolean() }).optional(),
});
const STORIES = z.array(storySchema).parse(stories);

type Clock = (when: Date) => Date;

/** receipts: codes of responses counted in the open round, one per story (the demo made them when submitting). */
export async function seedDemoRequests(db: Db, secret: string, receipts: string[], now: Date, timeZone: string, at: Clock) {
  const policy = { timeZone, replyWorkingDays: DEFAULT_REPLY_WORKING_DAYS, receiptKey: makeReceiptUseKey(secret) };
  const heads = new Map((await db.select().from(users)).filter((u) => u.role === 'dept_head').map((u) => [u.username, u]));
  const departmentOf = (code: string) => heads.get(`head.${code}`)?.departmentId ?? null;
  type Step = { when: number; run: (t: Date) => Promise<void> };
  const steps: Step[] = [];
  const codes: string[] = [];
  STORIES.forEach((s, i) => {
    const departmentId = departmentOf(s.code);
    const receipt = receipts[i];
    if (!departmentId || !receipt) return;
    const raised = now.getTime() - s.hoursAgo * HOUR;
    steps.push({
      when: raised,
      run: async (t) => {
        codes[i] = (
          await raiseRequest(serviceContext(db, { now: t, zone: timeZone }), {
            request: { receipt, departmentId, category: s.category, text: s.text, contact: s.contact },
            policy,
          })
        ).code;
        // The story's past: its batch was reported when it was raised.
        await db.transaction((tx) => releaseHeldRequests(tx, t, policy));
      },
    });
    if (s.reply) {
      const replied = raised + s.reply.afterHours * HOUR;
      const text = s.reply.text;
      steps.push({
        when: replied,
        run: async (t) => {
          const [row] = await db
            .select({ id: requests.id })
            .from(requests)
            .where(eq(requests.codeHash, requestCodeHash(codes[i]!)));
          const head = heads.get(`head.${s.code}`)!;
          const user = {
            id: head.id,
            username: head.username,
            displayName: head.displayName,
            role: head.role,
            departmentId: head.departmentId,
            mustChangePassword: false,
          };
          await reply(serviceContext(db, { actor: { id: head.id, name: head.username }, user, now: t, zone: timeZone }), {
            id: row!.id,
            text,
          });
        },
      });
      if (s.feedback) {
        const fb = s.feedback;
        steps.push({
          when: replied + fb.afterHours * HOUR,
          run: async (t) => {
            await giveFeedback(serviceContext(db, { now: t, zone: timeZone }), {
              code: codes[i]!,
              feedback: { resolved: fb.resolved, satisfied: fb.satisfied },
            });
          },
        });
      }
    }
  });
  for (const step of steps.sort((a, b) => a.when - b.when)) await step.run(at(new Date(Math.min(step.when, now.getTime()))));
}

export const DEMO_REQUESTS = STORIES.length;
