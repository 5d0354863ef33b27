import { describe, expect, it } from 'vitest';
import { HIDDEN_UNTIL_CLOSE } from '#shared/audit-chain.ts';
import { quarterLabel } from '#shared/round-lifecycle.ts';
import zh from '../../../locales/zh/audit.ts';
import { summaryLines } from './summary.ts';
import { actionText, actorText, auditWords, entityText, type AuditLookups, type EntryRef } from './words.ts';

const look: AuditLookups = {
  departmentById: new Map([
    [7, '市城市管理执法局'],
    [9, '市城投公司'],
  ]),
  departmentByCode: new Map([
    ['cgj', '市城市管理执法局'],
    ['ctgs', '市城投公司'],
  ]),
  quarter: (id) => quarterLabel(id, 'zh'),
  dateTime: (iso) => `北京时间 ${iso.slice(0, 10)}`,
  format: (t, vars) => t.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k])),
};

/** Every summary the server writes today, as it writes it. */
const ENTRIES: EntryRef[] = [
  { action: 'demo.seed', entityType: 'system', entityId: 'demo', summary: { departments: 53, enterprises: 2000, users: 56 } },
  {
    action: 'round.create',
    entityType: 'round',
    entityId: '2026Q1',
    summary: {
      after: {
        id: '2026Q1',
        sampleSize: 200,
        stratifyBy: 'township',
        rotationExclusion: true,
        votesLimit: 3,
        minRatings: 10,
        bottomN: 3,
        escalationPolicy: '2021-v1',
        scale: [{ level: 'satisfied', score: 100, labelZh: '满意', labelEn: 'Satisfied' }],
        reasons: [
          { code: 'slow', labelZh: '办事效率低', labelEn: 'Slow to get things done' },
          { code: 'repeat_trips', labelZh: '多次跑动', labelEn: 'Several trips for one matter' },
        ],
        officialRanking: 'weighted',
        opensAt: '2026-03-01T00:00:00.000Z',
        closesAt: '2026-03-25T00:00:00.000Z',
      },
    },
  },
  { action: 'round.update', entityType: 'round', entityId: '2026Q1', summary: { after: { sampleSize: 150 } } },
  {
    action: 'round.freeze',
    entityType: 'round',
    entityId: '2026Q1',
    summary: { poolHash: 'a'.repeat(64), poolSize: 1740, excludedByRotation: 200, stratifiedBy: null },
  },
  {
    action: 'round.draw',
    entityType: 'round',
    entityId: '2026Q1',
    summary: {
      seed: '2026Q1 抽签仪式 1',
      seedSource: 'ceremony',
      poolHash: 'a'.repeat(64),
      sample: 200,
      backups: 1540,
      quotas: { '': 200 },
    },
  },
  { action: 'round.open', entityType: 'round', entityId: '2026Q1', summary: { closesAt: '2026-03-25T00:00:00.000Z' } },
  { action: 'round.close', entityType: 'round', entityId: '2026Q1', summary: { reason: 'deadline passed' } },
  {
    action: 'round.reopen',
    entityType: 'round',
    entityId: '2026Q1',
    summary: { reason: '延长一周', before: { closesAt: '2026-03-25T00:00:00.000Z' }, after: { closesAt: '2026-04-01T00:00:00.000Z' } },
  },
  { action: 'round.void', entityType: 'round', entityId: '2026Q1', summary: { reason: '重新抽签', before: { status: 'open' } } },
  {
    action: 'invitation.replace',
    entityType: 'round',
    entityId: '2026Q1',
    summary: { out: '91429004MA0000001X', in: '91429004MA0000002X', stratum: '', backupOrder: 1, reason: '企业已注销' },
  },
  { action: 'invitation.regenerate', entityType: 'round', entityId: '2026Q1', summary: { uscc: '91429004MA0000001X', generation: 2 } },
  {
    action: 'invitation.follow_up',
    entityType: 'round',
    entityId: '2026Q1',
    summary: { uscc: '91429004MA0000001X', channel: 'visit', outcome: 'wrong_number' },
  },
  {
    action: 'results.compute',
    entityType: 'round',
    entityId: '2026Q1',
    summary: { version: 1, responses: 190, flagged: ['cgj', 'ctgs'], finalizesClose: true },
  },
  {
    action: 'round.publish',
    entityType: 'round',
    entityId: '2026Q1',
    summary: { version: 1, flagged: ['cgj'], escalations: [{ code: 'cgj', level: 'reassignment', streak: 3 }] },
  },
  {
    action: 'results.correct',
    entityType: 'round',
    entityId: '2026Q1',
    summary: {
      reason: '录入有误',
      before: { version: 1, flagged: ['cgj'] },
      after: { version: 2, flagged: ['ctgs'] },
      escalations: { withdrawn: [7], added: [9] },
    },
  },
  {
    action: 'escalation.update',
    entityType: 'escalation',
    entityId: '12',
    summary: {
      roundId: '2026Q1',
      departmentId: 7,
      before: { status: 'pending', doneAt: null },
      after: { status: 'done', doneAt: '2026-05-01' },
    },
  },
  { action: 'comments.release', entityType: 'round', entityId: '2026Q1', summary: {} },
  {
    action: 'rectification.plan',
    entityType: 'rectification',
    entityId: '3',
    summary: { roundId: '2026Q1', departmentId: 7, measures: 2 },
  },
  {
    action: 'rectification.ledger.add',
    entityType: 'rectification',
    entityId: '3',
    summary: { roundId: '2026Q1', departmentId: 7, entryId: 5, date: '2026-05-02', enterprise: '走访企业 1', status: 'open' },
  },
  {
    action: 'rectification.submit',
    entityType: 'rectification',
    entityId: '3',
    summary: { roundId: '2026Q1', departmentId: 7, before: { status: 'open' }, after: { status: 'submitted' } },
  },
  {
    action: 'rectification.review',
    entityType: 'rectification',
    entityId: '3',
    summary: {
      roundId: '2026Q1',
      departmentId: 9,
      decision: 'return',
      comment: '请补充',
      before: { status: 'submitted' },
      after: { status: 'returned' },
    },
  },
  {
    action: 'points.entry.auto',
    entityType: 'points_entry',
    entityId: '4',
    summary: {
      cadreId: 2,
      headId: 3,
      escalationId: 12,
      roundId: '2026Q1',
      measure: 'admonishment',
      ruleVersion: '2021',
      points: -5,
      date: '2026-05-01',
    },
  },
  {
    action: 'escalation.update',
    entityType: 'escalation',
    entityId: '13',
    summary: {
      roundId: '2026Q1',
      departmentId: 7,
      before: { status: 'pending' },
      after: { status: 'done' },
      measures: [{ measure: 'pledge', before: 'pending', after: 'done' }],
    },
  },
  {
    action: 'escalation.revise',
    entityType: 'escalation',
    entityId: '14',
    summary: {
      roundId: '2026Q1',
      departmentId: 7,
      reason: 'published',
      cause: { kind: 'publish', roundId: '2026Q1' },
      before: null,
      after: {
        measures: ['pledge', 'admonishment'],
        level: 'admonishment',
        headStreak: 2,
        departmentStreak: 2,
        streak: 2,
        responsibleHeadId: 3,
        policyVersion: '2021-v2',
      },
    },
  },
  {
    action: 'escalation.flag_review',
    entityType: 'escalation',
    entityId: '15',
    summary: {
      roundId: '2027Q1',
      departmentId: 9,
      reason: 'watch_overridden',
      cause: { kind: 'watch_override', roundId: '2027Q1', reason: '样本充足' },
      current: {
        measures: ['pledge'],
        level: 'pledge',
        headStreak: 1,
        departmentStreak: 1,
        streak: 1,
        responsibleHeadId: 4,
        policyVersion: '2027-guard',
      },
      derived: null,
    },
  },
  { action: 'user.create', entityType: 'user', entityId: '1', summary: { after: { username: 'wangli', role: 'admin' } } },
  // The security administrator's account actions, as the supervisor reads them.
  {
    action: 'user.create',
    entityType: 'user',
    entityId: '2',
    summary: { after: { username: 'sec.two', displayName: '安全管理员', role: 'security', departmentId: null } },
  },
  {
    action: 'user.update',
    entityType: 'user',
    entityId: '3',
    summary: { username: 'org2', before: { role: 'org' }, after: { role: 'security' }, sessionsEnded: true },
  },
  { action: 'user.password_reset', entityType: 'user', entityId: '3', summary: { username: 'org2', sessionsEnded: true } },
  {
    action: 'user.deactivate',
    entityType: 'user',
    entityId: '3',
    summary: { username: 'org2', before: { active: true }, after: { active: false }, sessionsEnded: true },
  },
  { action: 'auth.password_change', entityType: 'user', entityId: '3', summary: { username: 'org2', sessionsEnded: true } },
  {
    action: 'enterprise.import.overwritten',
    entityType: 'enterprise',
    entityId: '名录.xlsx',
    summary: {
      file: '名录.xlsx',
      part: 1,
      overwritten: [
        {
          uscc: '91429004MA0000001X',
          before: { name: '旧名称', contactPhone: null },
          after: { name: '新名称', contactPhone: '13800000000' },
        },
      ],
    },
  },
  {
    action: 'enterprise.import',
    entityType: 'enterprise',
    entityId: '名录.xlsx',
    summary: {
      file: '名录.xlsx',
      rows: 1500,
      creates: 0,
      updates: 1500,
      overwritten: [{ uscc: '91429004MA0000002X', before: { sizeClass: 'small' }, after: { sizeClass: 'medium' } }],
      parts: 1,
    },
  },
];

const RAW =
  /\b[a-z]+[A-Z]\w*\b|\b[a-z]+_[a-z_]+\b|\b(pending|scheduled|done|withdrawn|ceremony|township|pledge|reassignment|open|closed|submitted|returned|return|admin|security|org|deadline|true|false|null)\b/;

const render = (e: EntryRef) =>
  summaryLines(e.summary, auditWords(zh, look, e))
    .map((l) => `${l.label}：${l.text}`)
    .join('；');

describe('audit log in the inspector’s words (zh)', () => {
  it.each(ENTRIES.map((e) => [e.action, e] as const))('%s: no field name or code value is left raw', (_, entry) => {
    const text = `${actionText(zh, entry.action)} ${entityText(zh, look, entry)} ${render(entry)}`;
    expect(text).not.toMatch(RAW);
    expect(actionText(zh, entry.action)).not.toBe(entry.action);
  });

  it('names departments, rounds, statuses and measures', () => {
    expect(render(ENTRIES.find((e) => e.action === 'escalation.update')!)).toBe('状态：待安排 → 已完成；完成日期：— → 2026-05-01');
    expect(render(ENTRIES.find((e) => e.action === 'round.publish')!)).toBe(
      '版本：1；倒数三位：市城市管理执法局；问责事项：代码 市城市管理执法局，等级 调离岗位，连续次数 3',
    );
    expect(entityText(zh, look, ENTRIES.find((e) => e.action === 'rectification.plan')!)).toBe('整改 第 3 号');
    expect(entityText(zh, look, { action: 'department.update', entityType: 'department', entityId: '7', summary: {} })).toBe(
      '部门 市城市管理执法局',
    );
    expect(render(ENTRIES.find((e) => e.action === 'rectification.ledger.add')!)).toContain('状态：未解决');
    expect(render(ENTRIES.find((e) => e.action === 'round.close')!)).toBe('原因：已到截止时间，自动结束');
    // An escalation flagged for review: why, as the code the server stores, worded; the cause's own reason as written.
    const review = render(ENTRIES.find((e) => e.action === 'escalation.flag_review')!);
    expect(review).toContain('原因：纪委否决观察决定，按规则实施措施');
    expect(review).toContain('纪委否决观察决定');
    expect(review).toContain('样本充足');
    const created = render(ENTRIES.find((e) => e.action === 'round.create')!);
    expect(created).toContain('不满意原因选项：办事效率低、多次跑动');
    expect(created).toContain('正式排名：按名录结构加权');
    expect(render(ENTRIES.find((e) => e.action === 'round.open')!)).toBe('截止时间：北京时间 2026-03-25');
    expect(render(ENTRIES.find((e) => e.action === 'user.update')!)).toContain('组织部 → 安全管理员');
    expect(actionText(zh, 'user.password_reset')).toBe('重置密码');
    expect(render(ENTRIES.find((e) => e.action === 'invitation.follow_up')!)).toBe(
      '统一社会信用代码：91429004MA0000001X；跟进方式：上门；跟进结果：号码错误',
    );
  });
  it.each([
    {
      action: 'appeal.file',
      entityType: 'appeal',
      entityId: '1',
      summary: {
        roundId: '2026Q1',
        departmentId: 7,
        reasons: '样本偏少',
        evidence: [],
        measures: 'on_hold',
        held: { escalationId: 12, record: 'pending', measures: { pledge: 'scheduled', reassignment: 'pending' } },
      },
    },
    {
      action: 'appeal.decide',
      entityType: 'appeal',
      entityId: '1',
      summary: {
        roundId: '2026Q1',
        departmentId: 7,
        decision: 'rejected',
        reasons: '理由不足',
        correction: { version: 2, flaggedBefore: ['cgj'], flaggedAfter: ['ctgs'], answersExcluded: 3 },
        measures: 'resumed',
        released: { escalationId: 12, record: 'pending', pledge: 'scheduled' },
      },
    },
    {
      action: 'round.publish',
      entityType: 'round',
      entityId: '2026Q1',
      summary: { version: 1, flagged: ['cgj'], revisions: { flagged: [], withdrawn: [], superseded: [] } },
    },
    {
      action: 'request.create',
      entityType: 'request',
      entityId: '0e11db67-9b88-4682-9428-c949d01ea4d1',
      summary: { chars: 20, category: 'permit', contactLeft: false, departmentId: 7 },
    },
    {
      action: 'demo.seed.cadres',
      entityType: 'system',
      entityId: 'demo',
      summary: { units: 82, cadres: 3900, entries: 2224, tenures: 7661, rulebook: '2021-example', headsLinked: 53 },
    },
    {
      action: 'round.create',
      entityType: 'round',
      entityId: '2026Q1',
      summary: {
        after: {
          scale: [
            { level: 'satisfied', score: 100, labelZh: '满意', labelEn: 'Satisfied' },
            { level: 'dissatisfied', score: 0, labelZh: '不满意', labelEn: 'Dissatisfied' },
          ],
        },
      },
    },
  ] as EntryRef[])('$action: no English word, field name or code value reaches a Chinese reader', (entry) => {
    const text = `${actionText(zh, entry.action)} ${entityText(zh, look, entry)} ${render(entry)}`;
    // Rulebook versions such as 2021-example are names the office chose; words are what must be Chinese.
    expect(text.replace(/\d{4}-example/g, '').match(/[A-Za-z]{2,}/g)).toBeNull();
  });

  it('says who acted: a person by name, the system, or an anonymous enterprise, never a login', () => {
    const withPeople = { ...look, personByLogin: new Map([['org', '组织部干部科']]) };
    const approve = {
      action: 'points.entry.approve',
      entityType: 'points_entry',
      entityId: '9',
      summary: { cadreId: 2, ruleCode: 'award_city', points: 6, submittedBy: 'org', note: null },
    };
    expect(summaryLines(approve.summary, auditWords(zh, withPeople, approve)).find((l) => l.label === '提交人')?.text).toBe('组织部干部科');
    expect(actorText(zh, 'enterprise', null)).toBe('企业（匿名）');
    expect(actorText(zh, 'system', null)).toBe('系统');
    expect(actorText(zh, 'org2', '组织部干部监督科')).toBe('组织部干部监督科');
    expect(entityText(zh, look, { action: 'appeal.file', entityType: 'appeal', entityId: '1', summary: {} })).toBe('申诉 第 1 号');
    expect(
      render({
        action: 'appeal.file',
        entityType: 'appeal',
        entityId: '1',
        summary: { measures: 'on_hold', held: { record: 'pending', measures: { pledge: 'scheduled' } } },
      }),
    ).toBe('问责措施：申诉期间暂缓；暂缓的措施：问责事项 待安排，问责措施 大会表态发言 + 约谈提醒 已安排');
  });

  it('words a value hidden until the draw is public, whatever field it stands in', () => {
    const hidden = {
      action: 'invitation.replace',
      entityType: 'round',
      entityId: '2026Q1',
      summary: { out: HIDDEN_UNTIL_CLOSE, in: HIDDEN_UNTIL_CLOSE, stratum: '', backupOrder: 1, reason: HIDDEN_UNTIL_CLOSE },
    };
    expect(render(hidden)).toBe(
      '替换出：（本轮抽签公开后显示）；替换入：（本轮抽签公开后显示）；层：—；备选序号：1；原因：（本轮抽签公开后显示）',
    );
  });
});

describe('reasons for 不满意 in audit entries', () => {
  const reasons = (summary: Record<string, unknown>, withRounds: boolean): string | undefined => {
    const lookups: AuditLookups = {
      ...look,
      ...(withRounds
        ? {
            reasonsOf: (id: string) =>
              id === '2026Q1' ? [{ code: 'slow' as const, labelZh: '审批拖沓', labelEn: 'Approvals drag on' }] : undefined,
          }
        : {}),
    };
    const entry: EntryRef = { action: 'rectification.plan', entityType: 'rectification', entityId: '3', summary };
    return auditWords(zh, lookups, entry).value('reasons', summary.reasons) as string | undefined;
  };

  it('words a plan’s reason codes as the entry’s round words them', () => {
    expect(reasons({ roundId: '2026Q1', departmentId: 7, measures: 2, reasons: ['slow', 'repeat_trips'] }, true)).toBe(
      '审批拖沓、多次跑动',
    );
  });

  it('falls back to the code’s default words when the round’s list is not at hand', () => {
    expect(reasons({ roundId: '2026Q1', reasons: ['slow'] }, false)).toBe('办事效率低');
    expect(reasons({ roundId: '2025Q4', reasons: ['slow'] }, true)).toBe('办事效率低');
  });

  it('keeps the words an entry recorded (a round’s settings) over the round’s current list', () => {
    const entry: EntryRef = {
      action: 'round.update',
      entityType: 'round',
      entityId: '2026Q1',
      summary: { after: { reasons: [{ code: 'slow', labelZh: '效率低下', labelEn: 'Slow' }] } },
    };
    const words = auditWords(zh, { ...look, reasonsOf: () => [{ code: 'slow', labelZh: '审批拖沓', labelEn: 'x' }] }, entry);
    expect(words.value('reasons', [{ code: 'slow', labelZh: '效率低下', labelEn: 'Slow' }])).toBe('效率低下');
  });
});
