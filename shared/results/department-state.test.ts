import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { departmentQuarterState, departmentStanding, type QuarterFacts } from './department-state.ts';
import { ESCALATION_LEVELS, ESCALATION_STATUSES } from './escalation.ts';

const TODAY = '2026-12-06';
const facts = (over: Partial<QuarterFacts> = {}): QuarterFacts => ({
  roundId: '2026Q3',
  departmentId: 7,
  result: { rank: 53, rankedCount: 53, mean: 78.4, dissatisfiedRate: 0.21, flagged: true },
  record: null,
  rectification: null,
  appeal: null,
  ...over,
});
const measure = (
  measure: 'pledge' | 'admonishment' | 'reassignment',
  status: (typeof ESCALATION_STATUSES)[number],
  scheduledFor: string | null = null,
  doneAt: string | null = null,
) => ({ measure, status, scheduledFor, doneAt });

describe('departmentQuarterState', () => {
  it('the demo story: last of 53, 调离岗位 待安排 and an overdue rectification are both still to happen', () => {
    const s = departmentQuarterState(
      facts({
        record: { measures: [measure('reassignment', 'pending'), measure('admonishment', 'done', null, '2026-11-02')] },
        rectification: { id: 12, status: 'open', deadline: '2026-11-20', closedAt: null },
      }),
      TODAY,
    );
    expect(s).toMatchObject({ rank: 53, fromBottom: 1, flagged: true, open: true });
    // measures by severity, each with its date
    expect(s.measures).toEqual([
      { measure: 'admonishment', status: 'done', date: '2026-11-02' },
      { measure: 'reassignment', status: 'pending', date: null },
    ]);
    expect(s.rectification).toEqual({ id: 12, status: 'open', deadline: '2026-11-20', overdue: true, closedAt: null });
    // the overdue report first, then the undated 待安排
    expect(s.next).toEqual([
      { kind: 'rectification', caseId: 12, status: 'open', due: '2026-11-20', overdue: true },
      { kind: 'measure', measure: 'reassignment', status: 'pending', due: null, overdue: false },
    ]);
  });

  it('已安排 carries its day and comes before an undated step; a past day is overdue', () => {
    const s = departmentQuarterState(
      facts({ record: { measures: [measure('pledge', 'pending'), measure('admonishment', 'scheduled', '2026-12-10')] } }),
      TODAY,
    );
    expect(s.next.map((n) => [n.kind === 'measure' ? n.measure : n.kind, n.due, n.overdue])).toEqual([
      ['admonishment', '2026-12-10', false],
      ['pledge', null, false],
    ]);
    const late = departmentQuarterState(facts({ record: { measures: [measure('admonishment', 'scheduled', '2026-12-01')] } }), TODAY);
    expect(late.next[0]).toMatchObject({ due: '2026-12-01', overdue: true });
  });

  it('a pending appeal holds the measures: the next step is the decision, nothing scheduled is asked', () => {
    const s = departmentQuarterState(
      facts({ record: { measures: [measure('pledge', 'on_hold')] }, appeal: { id: 3, status: 'pending' } }),
      TODAY,
    );
    expect(s.measures).toEqual([{ measure: 'pledge', status: 'on_hold', date: null }]);
    expect(s.next).toEqual([{ kind: 'appeal', due: null, overdue: false }]);
    expect(s.appeal).toEqual({ id: 3, status: 'pending' });
  });

  it('settled: measures done or withdrawn and the case closed leave nothing to happen', () => {
    const s = departmentQuarterState(
      facts({
        record: { measures: [measure('pledge', 'done', null, '2026-10-01'), measure('admonishment', 'withdrawn')] },
        rectification: { id: 4, status: 'closed', deadline: '2026-10-15', closedAt: '2026-10-14T02:00:00.000Z' },
        appeal: { id: 9, status: 'rejected' },
      }),
      TODAY,
    );
    expect(s).toMatchObject({ open: false, next: [], rectification: { overdue: false } });
  });

  it('a department not flagged and not ranked has no place from the bottom and nothing to do', () => {
    const s = departmentQuarterState(
      facts({ result: { rank: null, rankedCount: 53, mean: null, dissatisfiedRate: null, flagged: false } }),
      TODAY,
    );
    expect(s).toMatchObject({ fromBottom: null, open: false, measures: [], rectification: null });
  });

  it('open exactly when a step remains; steps are ordered appeal, overdue, dated, undated', () => {
    const status = fc.constantFrom(...ESCALATION_STATUSES);
    const day = fc.constantFrom(null, '2026-11-01', '2026-12-06', '2027-01-05');
    const m = fc.record({ measure: fc.constantFrom(...ESCALATION_LEVELS), status, scheduledFor: day, doneAt: day });
    const c = fc.option(
      fc.record({
        id: fc.nat(),
        status: fc.constantFrom('open', 'submitted', 'returned', 'closed' as const),
        deadline: fc.constantFrom('2026-11-01', '2027-01-05'),
        closedAt: fc.constant(null),
      }),
    );
    fc.assert(
      fc.property(fc.uniqueArray(m, { selector: (x) => x.measure, maxLength: 3 }), c, (measures, rectification) => {
        const s = departmentQuarterState(facts({ record: { measures }, rectification }), TODAY);
        expect(s.open).toBe(s.next.length > 0);
        const live =
          measures.some((x) => x.status !== 'done' && x.status !== 'withdrawn') ||
          (rectification !== null && rectification.status !== 'closed');
        expect(s.open).toBe(live);
        const rank = s.next.map((n) => (n.kind === 'appeal' ? -1 : n.overdue ? 0 : n.due ? 1 : 2));
        expect(rank).toEqual([...rank].sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  });
});

describe('departmentStanding', () => {
  it('the latest quarter may be clear while an older one is still open', () => {
    const q3 = departmentQuarterState(facts({ record: { measures: [measure('reassignment', 'pending')] } }), TODAY);
    const q4 = departmentQuarterState(
      facts({ roundId: '2026Q4', result: { rank: 30, rankedCount: 53, mean: 88, dissatisfiedRate: 0.02, flagged: false } }),
      TODAY,
    );
    const s = departmentStanding([q3, q4]);
    expect(s.latest?.roundId).toBe('2026Q4');
    expect(s.latest?.open).toBe(false);
    expect(s.open.map((x) => x.roundId)).toEqual(['2026Q3']);
  });
});
