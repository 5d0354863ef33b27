import { describe, expect, it } from 'vitest';
import type { EscalationRecord } from '../schemas/results.ts';
import { byStreak, daysBetween, dueState, levelCounts, nextStatuses, pendingActions, type DueState } from './escalations.ts';

const TODAY = '2026-10-15';

describe('dueState', () => {
  it.each<[EscalationRecord['status'], string | null, DueState]>([
    ['done', '2026-01-01', 'done'],
    ['withdrawn', null, 'withdrawn'],
    ['pending', null, 'unscheduled'],
    ['scheduled', '2026-10-14', 'overdue'],
    ['pending', '2026-10-15', 'due_soon'],
    ['scheduled', '2026-10-22', 'due_soon'],
    ['scheduled', '2026-10-23', 'scheduled'],
  ])('%s on %s → %s', (status, scheduledFor, expected) => {
    expect(dueState({ status, scheduledFor }, TODAY)).toBe(expected);
  });

  it.each([
    ['2026-10-15', '2026-10-16', 1],
    ['2026-10-15', '2026-10-14', -1],
    ['2026-02-28', '2026-03-01', 1],
    ['2026-03-28', '2026-03-30', 2],
  ] as const)('%s to %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

const rec = (over: Partial<EscalationRecord>): EscalationRecord => ({
  id: 1,
  roundId: '2026Q3',
  departmentId: 1,
  departmentCode: 'a',
  departmentName: 'A',
  departmentNameEn: null,
  level: 'pledge',
  measures: ['pledge'],
  measureStates: [],
  streak: 1,
  headStreak: 1,
  departmentStreak: 1,
  policyVersion: '2021-v2',
  responsibleHeadId: null,
  headName: null,
  headTitle: null,
  status: 'pending',
  scheduledFor: null,
  doneAt: null,
  notes: null,
  commitment: null,
  supersededAt: null,
  supersededById: null,
  supersededReason: null,
  needsReview: false,
  reviewNote: null,
  createdAt: '',
  appeal: null,
  ...over,
});

describe('pendingActions', () => {
  it('open actions only, most urgent first, then the most severe level', () => {
    const records = [
      rec({ id: 1, status: 'done' }),
      rec({ id: 2, status: 'scheduled', scheduledFor: '2026-12-01' }),
      rec({ id: 3, status: 'pending', level: 'pledge', departmentCode: 'b' }),
      rec({ id: 4, status: 'pending', level: 'reassignment', departmentCode: 'c' }),
      rec({ id: 5, status: 'scheduled', scheduledFor: '2026-10-01' }),
      rec({ id: 6, status: 'withdrawn' }),
      rec({ id: 7, status: 'scheduled', scheduledFor: '2026-10-20' }),
    ];
    expect(pendingActions(records, TODAY).map((r) => [r.id, r.due])).toEqual([
      [5, 'overdue'],
      [7, 'due_soon'],
      [4, 'unscheduled'],
      [3, 'unscheduled'],
      [2, 'scheduled'],
    ]);
  });
});

describe('the board', () => {
  const d = (code: string, streak: number, timesFlagged: number, level: 'pledge' | 'admonishment' | 'reassignment' | null) => ({
    code,
    streak,
    timesFlagged,
    level,
  });
  const rows = [d('a', 0, 0, null), d('ctgs', 1, 2, 'pledge'), d('cgj', 3, 3, 'reassignment'), d('b', 0, 1, null), d('c', 1, 1, 'pledge')];

  it('orders by streak, then times flagged, then code', () => {
    expect(byStreak(rows).map((x) => x.code)).toEqual(['cgj', 'ctgs', 'c', 'b', 'a']);
  });

  it('counts departments per level', () => {
    expect(levelCounts(rows)).toEqual({ pledge: 2, admonishment: 0, reassignment: 1 });
  });

  it.each([
    ['pending', ['pending', 'scheduled', 'done']],
    ['done', ['scheduled', 'done']],
    ['withdrawn', []],
  ] as const)('a %s record may be set to %o', (status, next) => {
    expect(nextStatuses(status)).toEqual(next);
  });
});
