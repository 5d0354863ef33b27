// What each check measured and its threshold, in words, with the numbers of the thresholds in force:
// the report carries them so that an admin (or the supervisor, later) reads exactly what was tested.
import type { SignalKind } from './signals.ts';
import type { IntegrityThresholds } from './thresholds.ts';

export type Text = { zh: string; en: string };
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

export function describeSignal(kind: SignalKind, t: IntegrityThresholds): { measured: Text; threshold: Text } {
  switch (kind) {
    case 'straight_lining': {
      const s = t.straightLining;
      return {
        measured: {
          zh: `给所有部门同一评价（不含不了解，至少 ${s.minDepartments} 个部门）的答卷占比`,
          en: `Share of answers giving every department the same level (not 不了解; at least ${s.minDepartments} departments)`,
        },
        threshold: {
          zh: `至少 ${s.minAnswers} 份且占全部答卷 ${pct(s.minShare)} 以上`,
          en: `at least ${s.minAnswers} answers and ${pct(s.minShare)} of all answers`,
        },
      };
    }
    case 'identical_answers': {
      const s = t.identicalAnswers;
      return {
        measured: {
          zh: '对每个部门评价完全相同的答卷（整齐划一的除外）组成的群',
          en: 'Groups of answers with the same level for every department (straight-lined ones aside)',
        },
        threshold: {
          zh: `一群至少 ${s.minClusterSize} 份，且按各部门评价分布偶然出现的概率（乘以不同答卷数）低于 ${s.maxChance}`,
          en: `at least ${s.minClusterSize} alike, and the chance of so many copies given each department's spread of answers (times the distinct answers) below ${s.maxChance}`,
        },
      };
    }
    case 'not_applicable_outlier': {
      const s = t.notApplicable;
      return {
        measured: {
          zh: '部门的“不了解”比例与其他部门中位数相比',
          en: 'A department’s 不了解 rate against the median of the other departments',
        },
        threshold: {
          zh: `低 ${pct(s.minGap)} 以上，且偶然概率（乘以部门数）低于 ${s.maxChance}`,
          en: `lower by ${pct(s.minGap)} or more, with a chance (times the departments) below ${s.maxChance}`,
        },
      };
    }
    case 'top_box_outlier': {
      const s = t.topBox;
      return {
        measured: {
          zh: '部门有效评价中“满意”的比例与其他部门中位数相比',
          en: 'A department’s share of 满意 among applicable ratings against the median of the others',
        },
        threshold: {
          zh: `高 ${pct(s.minGap)} 以上、至少 ${s.minRatings} 份有效评价，且偶然概率（乘以部门数）低于 ${s.maxChance}`,
          en: `higher by ${pct(s.minGap)} or more, at least ${s.minRatings} applicable ratings, a chance (times the departments) below ${s.maxChance}`,
        },
      };
    }
    case 'votes_unexplained': {
      const s = t.votes;
      return {
        measured: {
          zh: '“最不满意”票中，同一答卷对该部门评为满意、比较满意或不了解的票数',
          en: '“Least satisfied” votes for a department that the same answer rated 满意, 比较满意 or 不了解',
        },
        threshold: {
          zh: `至少 ${s.minVotes} 票，且按随机分布于各部门的偶然概率（乘以部门数）低于 ${s.maxChance}`,
          en: `at least ${s.minVotes} votes, with a chance (spread evenly over departments, times the departments) below ${s.maxChance}`,
        },
      };
    }
  }
}
