// The rule over the orders in which real events happen (issue: escalation in any order of events).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveEscalations, evaluationsInOrder, planRevisions, responsibleHead } from './escalation.ts';
import type { DerivedEscalation, RoundOutcome, StoredEscalation, Tenure } from './escalation.ts';

const END = ['03-31', '06-30', '09-30', '12-31'];
/** A published 2021-v2 round closing on the last day of its quarter unless told otherwise. */
const round = (roundId: string, flagged: number[], over: Partial<RoundOutcome> = {}): RoundOutcome => ({
  roundId,
  policyVersion: '2021-v2',
  closingDay: `${roundId.slice(0, 4)}-${END[Number(roundId[5]) - 1]}`,
  flaggedDepartmentIds: flagged,
  ...over,
});
const A = 1; // the department under test
const tenure = (headId: number, since: string, until: string | null = null, departmentId = A): Tenure => ({
  headId,
  departmentId,
  since,
  until,
});
const oneHead = [tenure(100, '2020-01-01')];

/** "round:head/headStreak/deptStreak:measures" for department A, compact enough to read as a table. */
const story = (records: DerivedEscalation[], departmentId = A) =>
  records
    .filter((r) => r.departmentId === departmentId)
    .map((r) => `${r.roundId}:${r.responsibleHeadId}/${r.headStreak}/${r.departmentStreak}:${r.measures.join('+')}`);

describe('the rule over event orders', () => {
  it.each<[string, RoundOutcome[], Tenure[], string[]]>([
    [
      'in order: pledge, + admonishment, + reassignment',
      [round('2027Q1', [A]), round('2027Q2', [A]), round('2027Q3', [A])],
      oneHead,
      ['2027Q1:100/1/1:pledge', '2027Q2:100/2/2:pledge+admonishment', '2027Q3:100/3/3:pledge+reassignment'],
    ],
    [
      'a fourth flagged quarter stays at reassignment and keeps the pledge',
      ['2027Q1', '2027Q2', '2027Q3', '2027Q4'].map((id) => round(id, [A])),
      oneHead,
      [
        '2027Q1:100/1/1:pledge',
        '2027Q2:100/2/2:pledge+admonishment',
        '2027Q3:100/3/3:pledge+reassignment',
        '2027Q4:100/4/4:pledge+reassignment',
      ],
    ],
    [
      'a late quarter (2028Q1 published after 2028Q2) counts in quarter order',
      [round('2028Q2', [A]), round('2027Q4', [A]), round('2028Q1', [A])],
      oneHead,
      ['2027Q4:100/1/1:pledge', '2028Q1:100/2/2:pledge+admonishment', '2028Q2:100/3/3:pledge+reassignment'],
    ],
    [
      'a re-run published after later quarters belongs to its quarter',
      [
        round('2027Q1', [A], { voided: true }),
        round('2027Q2', [A]),
        round('2027Q3', [A]),
        round('2027Q1R2', [A], { closingDay: '2027-10-15' }),
      ],
      oneHead,
      ['2027Q1R2:100/1/1:pledge', '2027Q2:100/2/2:pledge+admonishment', '2027Q3:100/3/3:pledge+reassignment'],
    ],
    [
      'a voided quarter is not an evaluation: the streak runs through it',
      [round('2027Q1', [A]), round('2027Q2', [], { voided: true }), round('2027Q3', [A])],
      oneHead,
      ['2027Q1:100/1/1:pledge', '2027Q3:100/2/2:pledge+admonishment'],
    ],
    [
      'a voided run does not count even if it had flags',
      [round('2027Q1', [A], { voided: true }), round('2027Q1R2', []), round('2027Q2', [A])],
      oneHead,
      ['2027Q2:100/1/1:pledge'],
    ],
    [
      'a quarter with no round: consecutive evaluations stay consecutive',
      [round('2027Q1', [A]), round('2027Q3', [A])],
      oneHead,
      ['2027Q1:100/1/1:pledge', '2027Q3:100/2/2:pledge+admonishment'],
    ],
    [
      'an unranked (or absent) department is not flagged: its streak ends',
      [round('2027Q1', [A]), round('2027Q2', [2, 3, 4]), round('2027Q3', [A])],
      oneHead,
      ['2027Q1:100/1/1:pledge', '2027Q3:100/1/1:pledge'],
    ],
    [
      'a head changed before the streak carries all of it',
      ['2027Q1', '2027Q2', '2027Q3'].map((id) => round(id, [A])),
      [tenure(100, '2020-01-01', '2026-12-31'), tenure(200, '2027-01-01')],
      ['2027Q1:200/1/1:pledge', '2027Q2:200/2/2:pledge+admonishment', '2027Q3:200/3/3:pledge+reassignment'],
    ],
    [
      'a head changed within the streak starts afresh; the department streak runs on',
      ['2027Q1', '2027Q2', '2027Q3', '2027Q4'].map((id) => round(id, [A])),
      [tenure(100, '2020-01-01', '2027-07-14'), tenure(200, '2027-07-15')],
      ['2027Q1:100/1/1:pledge', '2027Q2:100/2/2:pledge+admonishment', '2027Q3:200/1/3:pledge', '2027Q4:200/2/4:pledge+admonishment'],
    ],
    [
      'a head changed after the streak (before publication) leaves it with the predecessor',
      [round('2027Q1', [A]), round('2027Q2', [A]), round('2027Q3', [])],
      [tenure(100, '2020-01-01', '2027-07-04'), tenure(200, '2027-07-05')],
      ['2027Q1:100/1/1:pledge', '2027Q2:100/2/2:pledge+admonishment'],
    ],
    [
      'two heads in one quarter: the one in office on the closing day answers for it',
      [round('2027Q1', [A]), round('2027Q2', [A])],
      [tenure(100, '2020-01-01', '2027-05-09'), tenure(200, '2027-05-10')],
      ['2027Q1:100/1/1:pledge', '2027Q2:200/1/2:pledge'],
    ],
    [
      'a head taking office on the closing day answers for that quarter',
      [round('2027Q1', [A]), round('2027Q2', [A])],
      [tenure(100, '2020-01-01', '2027-06-29'), tenure(200, '2027-06-30')],
      ['2027Q1:100/1/1:pledge', '2027Q2:200/1/2:pledge'],
    ],
    [
      'an appointment recorded ahead of time does not reach back',
      [round('2027Q1', [A]), round('2027Q2', [A]), round('2027Q3', [A])],
      [tenure(100, '2020-01-01', '2027-10-14'), tenure(200, '2027-10-15')],
      ['2027Q1:100/1/1:pledge', '2027Q2:100/2/2:pledge+admonishment', '2027Q3:100/3/3:pledge+reassignment'],
    ],
    [
      'a vacant post still flags the department',
      [round('2027Q1', [A]), round('2027Q2', [A])],
      [],
      ['2027Q1:null/1/1:pledge', '2027Q2:null/2/2:pledge+admonishment'],
    ],
    [
      'rounds under 2021-v1 keep one level by the department streak',
      [round('2027Q1', [A], { policyVersion: '2021-v1' }), round('2027Q2', [A], { policyVersion: '2021-v1' }), round('2027Q3', [A])],
      [tenure(100, '2020-01-01', '2027-04-30'), tenure(200, '2027-05-01')],
      ['2027Q1:100/1/1:pledge', '2027Q2:200/1/2:admonishment', '2027Q3:200/2/3:pledge+admonishment'],
    ],
  ])('%s', (_name, rounds, tenures, expected) => {
    const records = deriveEscalations(rounds, tenures);
    expect(story(records)).toEqual(expected);
    for (const r of records) expect(r.level).toBe(r.measures.at(-1));
  });

  it('names the head on the closing day, not the publication day', () => {
    const tenures = [tenure(100, '2020-01-01', '2027-04-09'), tenure(200, '2027-04-10')];
    expect(responsibleHead(tenures, A, '2027-03-31')).toBe(100);
    expect(responsibleHead(tenures, A, '2027-04-10')).toBe(200);
    expect(responsibleHead(tenures, 2, '2027-04-10')).toBeNull();
  });

  it('keeps the latest run of a quarter and drops ids that measure no quarter', () => {
    const order = evaluationsInOrder([round('2027Q2', []), round('2027Q1R3', []), round('2027Q1R2', []), round('draft-x', [])]);
    expect(order.map((r) => r.roundId)).toEqual(['2027Q1R3', '2027Q2']);
  });

  it('gives the same records whatever order the rounds were published in', () => {
    const ids = ['2026Q3', '2026Q4', '2027Q1', '2027Q2', '2027Q3', '2027Q4'];
    const tenures = [tenure(100, '2020-01-01', '2027-02-14'), tenure(200, '2027-02-15'), tenure(300, '2020-01-01', null, 2)];
    const arb = fc.tuple(
      fc.array(fc.subarray([1, 2, 3]), { minLength: ids.length, maxLength: ids.length }),
      fc.shuffledSubarray(
        ids.map((_, i) => i),
        { minLength: ids.length, maxLength: ids.length },
      ),
    );
    fc.assert(
      fc.property(arb, ([flags, order]) => {
        const rounds = ids.map((id, i) => round(id, flags[i]!));
        const inOrder = deriveEscalations(rounds, tenures);
        expect(
          deriveEscalations(
            order.map((i) => rounds[i]!),
            tenures,
          ),
        ).toEqual(inOrder);
        // The department streak is a plain count backwards over the evaluations.
        for (const r of inOrder) {
          let expected = 0;
          for (let i = ids.indexOf(r.roundId); i >= 0 && flags[i]!.includes(r.departmentId); i--) expected++;
          expect(r.departmentStreak).toBe(expected);
          expect(r.headStreak).toBeLessThanOrEqual(r.departmentStreak);
          expect(r.measures[0]).toBe('pledge');
        }
      }),
    );
  });
});

describe('revisions when a quarter is published late or corrected', () => {
  const stored = (d: DerivedEscalation, id: number, hasDoneMeasure = false): StoredEscalation => ({ ...d, id, hasDoneMeasure });

  it('publishing 2028Q1 after 2028Q2 creates 2028Q1 and supersedes 2028Q2 only where it changes', () => {
    const before = deriveEscalations(
      [round('2027Q4', [A, 2]), round('2028Q2', [A, 2, 3])],
      oneHead.concat(tenure(101, '2020-01-01', null, 2)),
    );
    const records = before.map((d, i) => stored(d, i + 1));
    const after = deriveEscalations(
      [round('2027Q4', [A, 2]), round('2028Q2', [A, 2, 3]), round('2028Q1', [A, 3, 4])],
      oneHead.concat(tenure(101, '2020-01-01', null, 2)),
    );
    const plan = planRevisions(after, records, '2028Q1');
    expect(plan.create.map((c) => `${c.roundId}:${c.departmentId}:${c.measures.join('+')}`)).toEqual([
      '2028Q1:1:pledge+admonishment',
      '2028Q1:3:pledge',
      '2028Q1:4:pledge',
    ]);
    // A: 2028Q2 is now its third in a row; 3: its second; 2 (not flagged in 2028Q1) restarts at 1.
    expect(plan.supersede.map((s) => `${s.derived.departmentId}:${s.stored.measures.join('+')}→${s.derived.measures.join('+')}`)).toEqual([
      '1:pledge+admonishment→pledge+reassignment',
      '2:pledge+admonishment→pledge',
      '3:pledge→pledge+admonishment',
    ]);
    expect(plan.withdraw).toEqual([]);
    expect(plan.review).toEqual([]);
  });

  it('a record with a measure done is flagged for review, not changed; one no longer due is withdrawn', () => {
    const first = deriveEscalations([round('2028Q1', [A, 2]), round('2028Q2', [A, 2])], oneHead);
    const records = first.map((d, i) => stored(d, i + 1, d.departmentId === A && d.roundId === '2028Q2'));
    // A correction of 2028Q1 takes A and 2 out of its bottom three.
    const corrected = deriveEscalations([round('2028Q1', [5]), round('2028Q2', [A, 2])], oneHead);
    const plan = planRevisions(corrected, records, '2028Q1');
    expect(plan.create.map((c) => `${c.roundId}:${c.departmentId}`)).toEqual(['2028Q1:5']);
    expect(plan.withdraw.map((w) => `${w.roundId}:${w.departmentId}`).sort()).toEqual(['2028Q1:1', '2028Q1:2']);
    expect(plan.review.map((r) => `${r.stored.roundId}:${r.stored.departmentId}:${r.derived?.measures.join('+')}`)).toEqual([
      '2028Q2:1:pledge',
    ]);
    expect(plan.supersede.map((s) => `${s.stored.roundId}:${s.stored.departmentId}`)).toEqual(['2028Q2:2']);
  });

  it('leaves quarters before the published one alone', () => {
    const derived = deriveEscalations([round('2028Q1', [A]), round('2028Q2', [A])], oneHead);
    const odd = { ...derived[0]!, id: 1, headStreak: 7, hasDoneMeasure: false };
    const plan = planRevisions(derived, [odd, stored(derived[1]!, 2)], '2028Q2');
    expect(plan).toEqual({ create: [], supersede: [], withdraw: [], review: [] });
  });
});
