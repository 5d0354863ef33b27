import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { quarterLabel } from '#shared/round-lifecycle.ts';
import { latinWords } from '#shared/latin-words.ts';
import zh from '../../../locales/zh/dashboard.ts';
import en from '../../../locales/en/dashboard.ts';
import { ESCALATION_LABELS } from '#shared/results/escalation-levels.ts';
import { reviewNoteText, revisionReasonText, type DashboardT, type RevisionLookups } from './revisionText.ts';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { zh: { dashboard: zh }, en: { dashboard: en } },
  lng: 'zh',
  ns: ['dashboard'],
  defaultNS: 'dashboard',
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});
const words = (lang: 'zh' | 'en') => ({
  t: i18n.getFixedT(lang, 'dashboard') as unknown as DashboardT,
  look: { quarter: (id) => quarterLabel(id, lang), level: (l) => ESCALATION_LABELS[l][lang] } satisfies RevisionLookups,
});
const zhW = words('zh');
const enW = words('en');

describe('a revision reason in the reader’s words', () => {
  it('names the round as a quarter and keeps the person’s own reason', () => {
    expect(revisionReasonText(zhW.t, zhW.look, { code: 'published', roundId: '2026Q2', note: null })).toBe('2026年第二季度发布');
    expect(revisionReasonText(enW.t, enW.look, { code: 'published_late', roundId: '2026Q1', note: null })).toBe(
      'Re-derived in quarter order: Q1 2026 was published after a later quarter',
    );
    expect(revisionReasonText(zhW.t, zhW.look, { code: 'corrected', roundId: '2026Q1', note: '申诉成立' })).toBe(
      '2026年第一季度结果更正后按季度顺序重新推算：申诉成立',
    );
    expect(revisionReasonText(enW.t, enW.look, { code: 'watch_overridden', roundId: '2027Q1', note: '样本充足' })).toContain(
      'overrode the watch in Q1 2027',
    );
  });

  it('says what the rule now gives for a record flagged for review', () => {
    const reason = { code: 'published_late' as const, roundId: '2027Q2', note: null };
    const rule = { measures: ['pledge' as const, 'reassignment' as const], headStreak: 3, departmentStreak: 3 };
    const zhText = reviewNoteText(zhW.t, zhW.look, { reason, rule });
    expect(zhText).toBe(
      `较早的2027年第二季度晚于后续季度发布，按季度顺序重新推算。规则现为${ESCALATION_LABELS.pledge.zh}、${ESCALATION_LABELS.reassignment.zh}（负责人连续 3 次，部门连续 3 次）。`,
    );
    expect(reviewNoteText(enW.t, enW.look, { reason, rule: null })).toBe(
      'Re-derived in quarter order: Q2 2027 was published after a later quarter. The rule no longer calls for this record.',
    );
  });

  it('shows words stored before the codes as they are', () => {
    const old = '2026Q1 发布（2026Q1 published）';
    expect(revisionReasonText(zhW.t, zhW.look, { code: 'worded', roundId: '', note: old })).toBe(old);
    expect(reviewNoteText(enW.t, enW.look, { reason: { code: 'worded', roundId: '', note: old }, rule: null })).toBe(old);
  });

  it('every code has its sentence in both languages, and the Chinese ones have no Latin words', () => {
    for (const code of ['published', 'published_late', 'corrected', 'watch_overridden'] as const) {
      const z = revisionReasonText(zhW.t, zhW.look, { code, roundId: '2026Q3', note: '核查' });
      const e = revisionReasonText(enW.t, enW.look, { code, roundId: '2026Q3', note: 'checked' });
      expect(z).not.toContain('escalations.');
      expect(e).not.toContain('escalations.');
      expect(latinWords(z)).toEqual([]);
    }
  });
});
