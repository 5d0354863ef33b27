import { describe, expect, it } from 'vitest';
import { quarterLabel } from '#shared/round-lifecycle.ts';
import zh from '../../../locales/zh/points.ts';
import { entryPeople, entryReason, type EntryWordsDeps } from './entryWords.ts';

const w: EntryWordsDeps = {
  t: (key, vars = {}) => {
    const template = zh.auto[key.slice('auto.'.length) as keyof typeof zh.auto];
    return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k]));
  },
  quarter: (id) => quarterLabel(id, 'zh'),
  ruleName: (e) => e.ruleNameZh,
};

// As a database upgraded from the bilingual text stores it: the page must not show that text.
const scored = {
  source: 'survey' as const,
  reason: '2026Q2 季度市场主体评部门问责：诫勉谈话 · 2026Q2 survey escalation: Admonishment talk',
  evidence: '问责记录 #7（2026Q2）· escalation record 7',
  roundId: '2026Q2',
  escalationId: 7,
  reversesId: null,
  ruleNameZh: '诫勉谈话',
  ruleNameEn: 'Admonishment talk',
  submittedBy: 'system',
  submittedByName: null,
  reviewedBy: 'rule',
  reviewedByName: null,
};

describe('ledger entries in the reader’s words', () => {
  it('words an entry the survey scored from its round, measure and record, in Chinese only', () => {
    const { reason, evidence } = entryReason(scored, w);
    expect(reason).toBe('2026年第二季度市场主体评部门问责：诫勉谈话');
    expect(evidence).toBe('问责记录第 7 号');
    expect(`${reason}${evidence}`).not.toMatch(/[A-Za-z]/);
    expect(entryReason({ ...scored, reversesId: 41 }, w).reason).toBe('问责措施已撤回，冲销第 41 号积分记录');
  });

  it('signs automatic entries as the system and the rulebook, and people by name, never by login', () => {
    expect(entryPeople(scored, w)).toEqual({ submittedBy: '系统（按问责措施自动记分）', reviewedBy: '按积分规则自动生效' });
    const manual = {
      ...scored,
      source: 'manual' as const,
      roundId: null,
      escalationId: null,
      reason: '抗洪抢险',
      evidence: '市委表彰文件',
      submittedBy: 'org',
      submittedByName: '组织部干部科',
      reviewedBy: 'org2',
      reviewedByName: '组织部干部监督科',
    };
    expect(entryReason(manual, w)).toEqual({ reason: '抗洪抢险', evidence: '市委表彰文件' });
    expect(entryPeople(manual, w)).toEqual({ submittedBy: '组织部干部科', reviewedBy: '组织部干部监督科' });
    expect(entryPeople({ ...manual, reviewedBy: null, reviewedByName: null }, w).reviewedBy).toBeNull();
  });
});
