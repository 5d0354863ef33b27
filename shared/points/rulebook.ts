// The rulebook (积分规则): base points per full year in post with a cap, awards by level, accountability
// deductions by type. Versioned: a rule in use is never edited; a new version takes effect from a date.
import type { RuleKind, RuleLevel } from './vocabulary.ts';

export interface Rule {
  code: string;
  kind: RuleKind;
  /** Awards: the level that granted it. Deductions: null (the code names the type). */
  level: RuleLevel | null;
  nameZh: string;
  nameEn: string;
  /** Signed whole points: positive for awards, negative for deductions. */
  points: number;
}

export interface Rulebook {
  version: string;
  label: string;
  effectiveFrom: string;
  /** Points per full year (365 days) in post, summed across posts. */
  basePerYear: number;
  /** Base points stop growing here. */
  baseCap: number;
  /** A 党纪政务处分 within this many months before the date bars promotion. */
  sanctionMonths: number;
  rules: Rule[];
}

/** The version in force on `date`: the latest whose effectiveFrom is on or before it (null before the first). */
export function rulebookInForce<T extends Pick<Rulebook, 'effectiveFrom' | 'version'>>(books: readonly T[], date: string): T | null {
  let best: T | null = null;
  for (const b of books) {
    if (
      b.effectiveFrom <= date &&
      (!best || b.effectiveFrom > best.effectiveFrom || (b.effectiveFrom === best.effectiveFrom && b.version > best.version))
    )
      best = b;
  }
  return best;
}

/** Signs follow the kind: a book whose award takes points away (or the reverse) is refused. */
export function ruleSignProblems(rules: readonly Rule[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const r of rules) {
    if (seen.has(r.code)) problems.push(`rule ${r.code} appears twice`);
    seen.add(r.code);
    if (r.kind === 'award' && r.points <= 0) problems.push(`award ${r.code} must add points (got ${r.points})`);
    if (r.kind === 'deduction' && r.points >= 0) problems.push(`deduction ${r.code} must take points away (got ${r.points})`);
    if (r.kind === 'award' && r.level === null) problems.push(`award ${r.code} needs a level`);
  }
  return problems;
}

/**
 * The demo city's rulebook: an EXAMPLE to adapt, not any city's published rule. Amounts are in the
 * range such schemes use (a year in post worth 1 point up to 30; a national award 10; 党纪政务处分 −15).
 */
export const EXAMPLE_RULEBOOK: Rulebook = {
  version: '2021-example',
  label: "示例积分规则（演示用，请按本市文件修订） · Example rulebook for the demo — adapt to the city's own rules",
  effectiveFrom: '2021-01-01',
  basePerYear: 1,
  baseCap: 30,
  sanctionMonths: 24,
  rules: [
    { code: 'award_national', kind: 'award', level: 'national', nameZh: '国家级表彰奖励', nameEn: 'National award', points: 10 },
    { code: 'award_provincial', kind: 'award', level: 'provincial', nameZh: '省级表彰奖励', nameEn: 'Provincial award', points: 6 },
    { code: 'award_city', kind: 'award', level: 'city', nameZh: '市级表彰奖励', nameEn: 'City award', points: 3 },
    {
      code: 'award_unit',
      kind: 'award',
      level: 'unit',
      nameZh: '单位年度考核优秀',
      nameEn: 'Unit award (annual review: excellent)',
      points: 1,
    },
    {
      code: 'pledge',
      kind: 'deduction',
      level: null,
      nameZh: '表态发言 + 约谈提醒',
      nameEn: 'Public pledge and reminder talk',
      points: -2,
    },
    { code: 'admonishment', kind: 'deduction', level: null, nameZh: '诫勉谈话', nameEn: 'Admonishment talk', points: -5 },
    { code: 'reassignment', kind: 'deduction', level: null, nameZh: '调离岗位', nameEn: 'Reassignment (removal from post)', points: -8 },
    { code: 'criticism', kind: 'deduction', level: null, nameZh: '通报批评', nameEn: 'Public criticism (通报批评)', points: -3 },
    { code: 'discipline', kind: 'deduction', level: null, nameZh: '党纪政务处分', nameEn: 'Party or administrative sanction', points: -15 },
  ],
};
