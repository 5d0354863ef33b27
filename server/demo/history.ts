// Demo history through the real code paths: four published quarters and the current one open with part
// of its responses in. Simulated enterprises rate each department around a department-specific quality.
import { randomUUID } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import { addDays, cityDay } from '#shared/city-day.ts';
import { makeRng, type Rng } from '#shared/demo/prng.ts';
import type { RatingLevel } from '#shared/results/scale.ts';
import { createRoundSchema } from '#shared/schemas/rounds.ts';
import type { Submission } from '#shared/survey.ts';
import type { Actor } from '../audit/audit.writer.ts';
import type { SessionUser } from '../auth/access.ts';
import { releaseComments } from '../comments/comments.service.ts';
import { serviceContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { departments, enterprises, invitations, roundDepartments, users } from '../db/schema.ts';
import { drawRound, freezePool } from '../draw/draw.service.ts';
import { escalationBoard } from '../escalations/board.ts';
import { updateEscalation } from '../escalations/follow-up.ts';
import { makeLinkMaker } from '../invitations/tokens.ts';
import * as cases from '../rectification/rectification.service.ts';
import { computeRound, publishRound } from '../results/results.service.ts';
import { createRound, openRound, settleDeadline } from '../rounds/rounds.service.ts';
import { saveDraft, submitSurvey } from '../survey/survey.service.ts';
import { formatReceipt, receiptHash } from '#shared/receipt.ts';
import { reportStates } from '../invitations/reported.ts';
import { DEMO_REQUESTS, seedDemoRequests } from './requests.ts';
import { REASON_CODES, type ReasonCode } from '#shared/reasons.ts';

const DAY = 86_400_000;
/** Who is in the bottom three each past quarter (oldest first): the stories the demo tells. */
const BOTTOM = [
  ['zjj', 'bdcdj', 'ctgs'], // 城投公司 third from the bottom in the first quarter
  ['cgj', 'rqgs', 'zrzyj'], // 城管局 last
  ['cgj', 'ctgs', 'swgs'], // 城投公司 back in: its streak starts over
  ['cgj', 'rsj', 'gdgs'], // 城管局 a third time: reassignment
];
const BOTTOM_QUALITY = [0.2, 0.27, 0.33];
// "最不满意" votes fall as rectification bites: the last department's votes each quarter, oldest first, the
// open one last (17 in the first quarter, 5 in the latest published, fewer now). Every respondent who
// rated it 不满意 votes against it until its count is reached; other 不满意 ratings draw a vote now and
// then, never as many, so each quarter's most-voted department is its last one and the story shows in it.
const VOTES_FOR_LAST = [17, 12, 9, 5, 4];
const OTHER_VOTE_SHARE = 0.1;
/**
 * In the latest published quarter micro firms answer more than their share (non-micro firms that cast no
 * vote drop out half the time, on a random source of their own so every other answer stays as it was), and
 * they rate the third from the bottom worse than the others do (a rating moved one level, on the same
 * source, after the votes are cast): weighted to the registry, the third and the fourth place come closer
 * (the results' weighted robustness line, issue 27).
 */
const OVER_REPRESENTED = { size: 'micro', skipOthers: 0.8, third: { worse: 0.15, better: 0.6 } } as const;
const COMMENTS = [
  '办事流程还可以再简化',
  '窗口人员态度很好',
  '希望进一步压缩审批时限',
  '多次跑腿才办成',
  '政策宣传不够到位',
  '上门服务很及时',
  '收费标准不透明',
  '线上办理系统经常卡顿',
];

// Why firms are dissatisfied: each department has a reason most of its 不满意 come with (城管局: 多次跑动,
// the clear top reason of the demo's bottom department), plus a scatter of others.
const SIGNATURE_REASON: Record<string, ReasonCode> = {
  cgj: 'repeat_trips',
  ctgs: 'improper_fees',
  rsj: 'slow',
  gdgs: 'unclear_requirements',
  zjj: 'slow',
  bdcdj: 'repeat_trips',
};
function reasonsFor(rng: Rng, code: string, index: number): ReasonCode[] {
  if (rng() > 0.8) return []; // reasons are optional
  const main = SIGNATURE_REASON[code] ?? REASON_CODES[index % (REASON_CODES.length - 1)]!;
  const picked = new Set<ReasonCode>(rng() < 0.85 ? [main] : []);
  const extra = rng() < 0.5 ? 1 : rng() < 0.3 ? 2 : 0;
  for (let i = 0; i < extra; i++) picked.add(REASON_CODES[Math.floor(rng() * REASON_CODES.length)]!);
  if (!picked.size) picked.add(REASON_CODES[Math.floor(rng() * REASON_CODES.length)]!);
  return [...picked].slice(0, 3);
}
/** What a plan does about each reason (the demo's heads answer their top reasons). */
const REASON_MEASURES: Record<ReasonCode, string> = {
  slow: '压缩办理时限，实行限时办结和超时默认',
  repeat_trips: '推行“一次办好”，一窗受理、容缺办理，全程网办',
  unclear_requirements: '公布办事材料清单和示范文本，一次性告知',
  policy_not_implemented: '逐项梳理惠企政策，建立兑现台账，免申即享',
  poor_attitude: '开展窗口服务作风整顿，实行服务评价和首问负责',
  improper_fees: '公示收费项目和标准，畅通举报渠道，严查吃拿卡要',
  other: '开通企业诉求专线，逐条回应企业反映的其他问题',
};

function quarterOf(d: Date) {
  return { year: d.getUTCFullYear(), q: Math.floor(d.getUTCMonth() / 3) + 1 };
}
function shift({ year, q }: { year: number; q: number }, by: number) {
  const i = year * 4 + (q - 1) + by;
  return { year: Math.floor(i / 4), q: (i % 4) + 1 };
}
const idOf = (x: { year: number; q: number }) => `${x.year}Q${x.q}`;

function level(rng: Rng, quality: number): RatingLevel {
  const latent = quality + (rng() - 0.5) * 0.5;
  return latent > 0.72 ? 'satisfied' : latent > 0.52 ? 'fairly_satisfied' : latent > 0.3 ? 'basically_satisfied' : 'dissatisfied';
}

/** When the demo's story begins: before the first quarter's round is set up (the registries are loaded then). */
export function demoHistoryStart(now: Date): Date {
  const first = shift(quarterOf(now), -4);
  return new Date(Date.UTC(first.year, first.q * 3 - 1, 1) - 11 * DAY);
}

/**
 * The demo's clock: each audited step happens no earlier than the one before, so the audit log's order
 * (its hash chain) is also time order, as it is in a real city where things happen one after another.
 */
function inOrder() {
  let last = 0;
  return (when: Date) => {
    last = Math.max(last, when.getTime());
    return new Date(last);
  };
}
type Clock = ReturnType<typeof inOrder>;

export async function seedDemoHistory(db: Db, secret: string, now: Date, timeZone: string) {
  const rng = makeRng('pingyi-demo-history');
  const at = inOrder();
  // Receipt codes of a few open-round responses, for the demo's requests: their own random source, so the
  // simulated answers stay what they were.
  const receiptRng = makeRng('pingyi-demo-receipts');
  // Reasons for 不满意 have their own random source too, so the ratings stay what they were.
  const reasonRng = makeRng('pingyi-demo-reasons');
  const receipts: string[] = [];
  const links = makeLinkMaker(secret, 'http://localhost');
  const [adminRow] = await db.select().from(users).where(eq(users.username, 'admin'));
  const admin: Actor = { id: adminRow!.id, name: 'admin' };
  const current = quarterOf(now);
  const depts = await db.query.departments.findMany({ orderBy: (d) => [asc(d.id)] });
  const base = new Map(depts.map((d) => [d.code, 0.5 + rng() * 0.4]));
  const familiarity = new Map(depts.map((d) => [d.code, 0.25 + rng() * 0.45])); // share with dealings

  for (let k = 4; k >= 0; k--) {
    const quarter = shift(current, -k);
    const roundId = idOf(quarter);
    const past = k > 0;
    const monthEnd = quarter.q * 3 - 1; // the quarter's last month, 0-based
    const opensAt = past ? new Date(Date.UTC(quarter.year, monthEnd, 1)) : new Date(now.getTime() - 10 * DAY);
    const closesAt = past ? new Date(Date.UTC(quarter.year, monthEnd, 25)) : new Date(now.getTime() + 14 * DAY);
    const settings = createRoundSchema.parse({ id: roundId, opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() });
    await createRound(serviceContext(db, { actor: admin, now: at(new Date(opensAt.getTime() - 10 * DAY)), zone: timeZone }), settings);
    await freezePool(serviceContext(db, { actor: admin, now: at(new Date(opensAt.getTime() - 7 * DAY)), zone: timeZone }), { id: roundId });
    await drawRound(serviceContext(db, { actor: admin, now: at(new Date(opensAt.getTime() - 5 * DAY)), zone: timeZone }), {
      id: roundId,
      seed: `${roundId} 抽签仪式 ${Math.floor(rng() * 1e10)}`,
      links,
    });
    await openRound(serviceContext(db, { actor: admin, now: at(new Date(opensAt.getTime() - DAY)), zone: timeZone }), { id: roundId });

    const bottom = past ? BOTTOM[4 - k]! : [];
    const quality = (code: string) => {
      const b = bottom.indexOf(code);
      if (b >= 0) return BOTTOM_QUALITY[b]!;
      if (!past && code === 'cgj') return 0.55; // rectification is working
      return base.get(code)!;
    };
    // Ordered: the simulated answers must not depend on the order a database happens to return rows in.
    const roundDepts = await db
      .select()
      .from(roundDepartments)
      .where(eq(roundDepartments.roundId, roundId))
      .orderBy(asc(roundDepartments.position));
    const invited = await db.select().from(invitations).where(eq(invitations.roundId, roundId)).orderBy(asc(invitations.id));
    const respondents = past ? invited.filter(() => rng() < 0.93) : invited.filter(() => rng() < 0.55);
    const skew = k === 1 ? await sizeSkew(db, invited, bottom[2]!) : null;
    if (!past) {
      // Some enterprises of the open round have started but not finished: their drafts are on the server.
      const started = invited.filter((inv) => !respondents.includes(inv)).slice(0, 12);
      for (const inv of started) {
        const draft = {
          ratings: roundDepts.slice(0, 20).map((d) => ({ departmentId: d.departmentId, level: level(rng, quality(d.code)) })),
          leastSatisfied: [],
        };
        await saveDraft(serviceContext(db, { now: new Date(now.getTime() - DAY), zone: timeZone }), {
          token: links.token(roundId, inv.uscc, 1),
          draft,
        });
      }
    }
    const lastId = past
      ? roundDepts.find((d) => d.code === bottom[0])!.departmentId
      : [...roundDepts].sort((a, b) => quality(a.code) - quality(b.code) || a.position - b.position)[0]!.departmentId;
    const target = VOTES_FOR_LAST[4 - k]!;
    const tally = new Map<number, number>();
    let i = 0;
    for (const inv of respondents) {
      const ratings = roundDepts.map((d, index) => {
        const l: RatingLevel = rng() < familiarity.get(d.code)! ? level(rng, quality(d.code)) : 'not_applicable';
        const comment = l !== 'not_applicable' && rng() < 0.04 ? COMMENTS[Math.floor(rng() * COMMENTS.length)] : undefined;
        const reasons = l === 'dissatisfied' ? reasonsFor(reasonRng, d.code, index) : [];
        return { departmentId: d.departmentId, level: l, ...(comment ? { comment } : {}), ...(reasons.length ? { reasons } : {}) };
      });
      const unhappy = ratings.filter((r) => r.level === 'dissatisfied').map((r) => r.departmentId);
      const votes: number[] = [];
      if (unhappy.includes(lastId) && (tally.get(lastId) ?? 0) < target) votes.push(lastId);
      for (const id of unhappy) {
        if (votes.length >= 2) break;
        if (id !== lastId && (tally.get(id) ?? 0) < target - 1 && rng() < OTHER_VOTE_SHARE) votes.push(id);
      }
      for (const id of votes) tally.set(id, (tally.get(id) ?? 0) + 1);
      const submission: Submission = {
        submissionId: randomUUID(),
        ratings: skew ? skew.adjust(inv, ratings, votes) : ratings,
        leastSatisfied: votes,
        ...(rng() < 0.1 ? { comment: '总体营商环境有改善，希望继续保持' } : {}),
      };
      if (!past && receipts.length < DEMO_REQUESTS) {
        const code = formatReceipt(Uint8Array.from({ length: 12 }, () => Math.floor(receiptRng() * 256)));
        receipts.push(code);
        submission.receiptHash = receiptHash(code);
      }
      const when = new Date(opensAt.getTime() + (((i++ % 20) + 1) * DAY) / 2);
      if (skew?.skips(inv, votes.length > 0)) continue;
      await submitSurvey(serviceContext(db, { now: when, zone: timeZone }), { token: links.token(roundId, inv.uscc, 1), submission });
    }
    if (!past) {
      // The open round's past: the timer has reported its batches so far, as it would have while they came in.
      await db.transaction((tx) => reportStates(tx, roundId, 0));
      continue;
    }
    const published = new Date(closesAt.getTime() + 12 * DAY);
    await db.transaction((tx) => settleDeadline(tx, roundId, at(new Date(closesAt.getTime() + DAY)))); // the deadline job closes it
    await computeRound(serviceContext(db, { actor: admin, now: at(new Date(closesAt.getTime() + 2 * DAY)), zone: timeZone }), { roundId });
    await publishRound(serviceContext(db, { actor: admin, now: at(published), zone: timeZone }), { roundId });
    await releaseComments(serviceContext(db, { actor: admin, now: at(new Date(published.getTime() + DAY)), zone: timeZone }), { roundId });
    await advanceCases(db, admin, roundId, k, at(published), timeZone, at);
    // Measures of all but the latest published round have been carried out, once its rectification is under way.
    if (k > 1) await advanceEscalations(db, admin, roundId, 'done', at(new Date(published.getTime() + 26 * DAY)), timeZone);
  }
  await seedDemoRequests(db, secret, receipts, now, timeZone, at);
  await advanceEscalations(db, admin, idOf(shift(current, -1)), 'scheduled', at(now), timeZone);
}

/** The latest published quarter's over-represented stratum (OVER_REPRESENTED). */
async function sizeSkew(db: Db, invited: (typeof invitations.$inferSelect)[], third: string) {
  const rows = await db
    .select({ id: enterprises.id, size: enterprises.sizeClass })
    .from(enterprises)
    .where(
      inArray(
        enterprises.id,
        invited.map((i) => i.enterpriseId),
      ),
    );
  const sizeOf = new Map(rows.map((r) => [r.id, r.size]));
  const inStratum = (inv: typeof invitations.$inferSelect) => sizeOf.get(inv.enterpriseId) === OVER_REPRESENTED.size;
  const skipRng = makeRng('pingyi-demo-weighting');
  const LADDER: RatingLevel[] = ['dissatisfied', 'basically_satisfied', 'fairly_satisfied', 'satisfied'];
  const thirdId = (await db.select({ id: departments.id }).from(departments).where(eq(departments.code, third)))[0]!.id;
  return {
    /** Micro firms rate the third from the bottom a level lower now and then, the others a level higher; a voted-for rating stays. */
    adjust: <R extends { departmentId: number; level: RatingLevel }>(
      inv: typeof invitations.$inferSelect,
      ratings: R[],
      votes: number[],
    ): R[] =>
      ratings.map((r) => {
        const step = LADDER.indexOf(r.level);
        if (r.departmentId !== thirdId || step < 0 || votes.includes(r.departmentId)) return r;
        const micro = inStratum(inv);
        if (skipRng() >= (micro ? OVER_REPRESENTED.third.worse : OVER_REPRESENTED.third.better)) return r;
        const level = LADDER[Math.min(LADDER.length - 1, Math.max(0, step + (micro ? -1 : 1)))]!;
        // Reasons go only with 不满意: a rating moved off it drops them.
        const { reasons: _dropped, ...rest } = r as R & { reasons?: unknown };
        return (level === 'dissatisfied' ? { ...r, level } : { ...rest, level }) as R;
      }),
    // A voter always answers, so the votes the demo's figures count stay the same.
    skips: (inv: typeof invitations.$inferSelect, voted: boolean) => !inStratum(inv) && !voted && skipRng() < OVER_REPRESENTED.skipOthers,
  };
}

/** Rectification in several states: old rounds closed, the latest in progress, one overdue and untouched. */
async function advanceCases(db: Db, admin: Actor, roundId: string, k: number, published: Date, timeZone: string, at: Clock) {
  const asAdmin = (now: Date) => serviceContext(db, { actor: admin, user: adminUser(admin), now, zone: timeZone });
  const all = await cases.listCases(asAdmin(published), { roundId });
  for (const [j, c] of all.entries()) {
    const head: SessionUser = {
      id: 0,
      username: `head.${c.departmentCode}`,
      displayName: '',
      role: 'dept_head',
      departmentId: c.departmentId,
      mustChangePassword: false,
    };
    const headActor: Actor = { id: null, name: head.username };
    const day = (d: number) => at(new Date(published.getTime() + d * DAY));
    const date = (d: number) => cityDay(day(d), timeZone);
    const asHead = (d: number) => serviceContext(db, { actor: headActor, user: head, now: day(d), zone: timeZone });
    if (k === 1 && j === 2) continue; // the latest round: one case not started (and soon overdue)
    const { topReasons } = await cases.caseDetail(asHead(2), { id: c.id });
    await cases.savePlan(asHead(2), {
      id: c.id,
      plan: {
        problems: `${c.departmentName}在企业评议中排名靠后，企业反映的主要原因：${topReasons.map((r) => `${r.labelZh}（${r.count}家）`).join('、') || '办事环节多、响应慢'}。`,
        measures: [
          ...topReasons.map((r) => ({ measure: REASON_MEASURES[r.code], owner: '分管副局长', due: date(20), reason: r.code })),
          { measure: '梳理办事流程，压减审批环节和材料', owner: '办公室', due: date(20) },
          { measure: '建立企业诉求台账，限时办结并回访', owner: '分管副局长', due: date(25) },
        ],
        commitment: '本人作为主要负责人郑重承诺：30日内完成整改，逐户回访企业，接受市场主体和社会监督。',
      },
    });
    const visits = 3 + ((k + j) % 4);
    for (let v = 0; v < visits; v++) {
      await cases.addLedgerEntry(asHead(3 + v * 2), {
        id: c.id,
        entry: {
          date: date(3 + v * 2),
          enterprise: `走访企业 ${v + 1}`,
          issue: '反映办事时限长、需多次跑腿',
          action: '现场答复并指定专人跟进，已限时办结',
          status: v % 3 === 2 && k === 1 ? 'open' : 'resolved',
        },
      });
    }
    await cases.addProgress(asHead(15), {
      id: c.id,
      progress: {
        text: `已走访 ${visits} 家企业，办结率 ${Math.round(80 + 20 * (k / 4))}%`,
        attachments: [{ label: '整改进展报告（文字版）' }],
      },
    });
    if (k === 1 && j === 0) continue; // in progress
    await cases.submitCase(asHead(18), { id: c.id });
    if (k === 1) continue; // submitted, awaiting review
    if (j === 1 || k === 2) {
      await cases.reviewCase(asAdmin(day(20)), {
        id: c.id,
        review: { decision: 'return', comment: '请补充企业回访记录和佐证材料', waivers: [] },
      });
      if (k === 2 && j === 2) continue; // returned, being reworked
      await cases.addLedgerEntry(asHead(21), {
        id: c.id,
        entry: { date: date(21), enterprise: '回访企业', issue: '回访满意度', action: '电话回访，企业表示满意', status: 'resolved' },
      });
      await cases.submitCase(asHead(22), { id: c.id });
    }
    // The admin calls two visited enterprises back (回访) before closing: one reached and content, one not reached.
    const { ledger } = await cases.caseDetail(asAdmin(day(24)), { id: c.id });
    await cases.addCallback(asAdmin(day(24)), {
      id: c.id,
      entryId: ledger[0]!.id,
      callback: { reached: true, solved: true, satisfied: true, note: '企业表示问题已解决' },
    });
    await cases.addCallback(asAdmin(day(24)), { id: c.id, entryId: ledger[1]!.id, callback: { reached: false, note: '电话无人接听' } });
    await cases.reviewCase(asAdmin(day(25)), { id: c.id, review: { decision: 'accept', comment: '整改到位，同意销号', waivers: [] } });
  }
}

/** A past round's measures done; the latest round's pledges scheduled (the rest still pending). */
async function advanceEscalations(db: Db, admin: Actor, roundId: string, to: 'done' | 'scheduled', when: Date, timeZone: string) {
  const ctx = serviceContext(db, { actor: admin, now: when, zone: timeZone });
  const { records } = await escalationBoard(ctx, { departmentId: null });
  for (const r of records.filter((x) => x.roundId === roundId)) {
    if (to === 'scheduled') {
      if (r.level === 'pledge')
        await updateEscalation(ctx, { id: r.id, patch: { status: 'scheduled', scheduledFor: addDays(cityDay(when, timeZone), 7) } });
      continue; // the rest pending
    }
    await updateEscalation(ctx, {
      id: r.id,
      patch: {
        status: 'done',
        doneAt: cityDay(new Date(r.createdAt), timeZone),
        notes: r.level === 'pledge' ? '已在全市优化营商环境大会上表态发言，并接受约谈提醒' : '已表态发言、接受约谈提醒，并进行诫勉谈话',
        commitment: `${r.headName ?? '主要负责人'}承诺：认真整改，下一季度退出倒数三位。`,
      },
    });
  }
}

const adminUser = (a: Actor): SessionUser => ({
  id: a.id ?? 0,
  username: a.name,
  displayName: a.name,
  role: 'admin',
  departmentId: null,
  mustChangePassword: false,
});
