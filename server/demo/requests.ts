// Demo requests (诉求) through the real code paths: enterprises of the open round raise them with their
// receipt codes; heads answer most within the working day, one late, one not yet (overdue), and the
// enterprises rate the answers. Every step happens in time order, like the rest of the demo's audit log.
import { eq } from 'drizzle-orm';
import { DEFAULT_REPLY_WORKING_DAYS, type RequestCategory } from '#shared/requests/vocabulary.ts';
import { requestCodeHash } from '#shared/requests/code.ts';
import { serviceContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { requests, users } from '../db/schema.ts';
import { makeReceiptUseKey } from '../requests/receipt-uses.ts';
import { releaseHeldRequests } from '../requests/release.ts';
import { giveFeedback, raiseRequest, reply } from '../requests/requests.service.ts';

const HOUR = 3_600_000;

interface Story {
  code: string;
  category: RequestCategory;
  text: string;
  contact?: string;
  hoursAgo: number;
  reply?: { afterHours: number; text: string };
  feedback?: { afterHours: number; resolved: boolean; satisfied: boolean };
}

const STORIES: Story[] = [
  {
    code: 'scjgj',
    category: 'permit',
    text: '食品经营许可证延续，网上提交后一直显示“待受理”，已经一周了。',
    hoursAgo: 200,
    reply: { afterHours: 3, text: '经核查系材料退回通知未推送，已人工受理，预计两个工作日内办结，办结后短信通知。' },
    feedback: { afterHours: 30, resolved: true, satisfied: true },
  },
  {
    code: 'cgj',
    category: 'inspection',
    text: '店门口外摆位置多次被不同中队告知不同标准，希望统一口径。',
    contact: '王女士 139****2211',
    hoursAgo: 170,
    reply: { afterHours: 20, text: '已统一外摆划线标准并书面告知沿街商户，相关中队已开会明确。' },
    feedback: { afterHours: 48, resolved: true, satisfied: false },
  },
  {
    code: 'zwfwj',
    category: 'service',
    text: '政务大厅午间不办理业务，能否安排午间值班窗口？',
    hoursAgo: 150,
    reply: { afterHours: 6, text: '自下周一起，综合窗口午间安排两名工作人员轮班。' },
  },
  {
    code: 'cgj',
    category: 'fees',
    text: '门头招牌审批要求的材料与网上公布的不一致。',
    hoursAgo: 120,
    reply: { afterHours: 52, text: '网上清单已更新，以新清单为准，原多交的材料已退回。' },
    feedback: { afterHours: 10, resolved: false, satisfied: false },
  },
  {
    code: 'swj',
    category: 'policy',
    text: '小微企业“六税两费”减免没有自动享受，需要怎么申请？',
    hoursAgo: 90,
    reply: { afterHours: 4, text: '已联系主管税务所，本期申报时系统会自动带出减免，往期可申请退抵。' },
    feedback: { afterHours: 20, resolved: true, satisfied: true },
  },
  { code: 'scjgj', category: 'inspection', text: '同一个月内不同科室来了三次检查，能否合并？', hoursAgo: 130 },
  {
    code: 'zjj',
    category: 'permit',
    text: '施工许可办理中，消防审验意见迟迟未出。',
    contact: '刘经理 137****5566',
    hoursAgo: 30,
    reply: { afterHours: 2, text: '已协调消防审验专班，本周内出具意见。' },
  },
  { code: 'zwfwj', category: 'other', text: '希望“一网通办”增加企业注销的进度查询。', hoursAgo: 3 },
];

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
