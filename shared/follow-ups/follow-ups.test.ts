import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INVITATION_STATUSES } from '../schemas/rounds.ts';
import { dispositionOf, type DispositionCase } from './disposition.ts';
import { maskPhone } from './mask-phone.ts';
import { aaporRates, countDispositions, emptyCounts, type DispositionCounts } from './rates.ts';
import { DISPOSITIONS, FOLLOW_UP_OUTCOMES, type Disposition } from './vocabulary.ts';

describe('dispositionOf', () => {
  const cases: [DispositionCase, Disposition, string][] = [
    [{ status: 'submitted', outcomes: [] }, 'complete', 'submitted'],
    [{ status: 'submitted', outcomes: ['refused', 'ineligible'] }, 'complete', 'submitted'],
    [{ status: 'drafted', outcomes: [] }, 'partial', 'drafted'],
    [{ status: 'drafted', outcomes: ['refused'] }, 'partial', 'drafted'],
    [{ status: 'not_opened', outcomes: ['ineligible'] }, 'ineligible', 'ineligible'],
    [{ status: 'replaced', outcomes: ['unreachable', 'ineligible'] }, 'ineligible', 'ineligible'],
    [{ status: 'opened', outcomes: ['refused', 'ineligible'] }, 'ineligible', 'ineligible'],
    [{ status: 'not_opened', outcomes: ['refused'] }, 'refusal', 'refused'],
    [{ status: 'not_opened', outcomes: ['refused', 'unreachable'] }, 'refusal', 'refused'],
    [{ status: 'not_opened', outcomes: ['unreachable', 'reminded'] }, 'refusal', 'reminded'],
    [{ status: 'opened', outcomes: [] }, 'refusal', 'opened'],
    [{ status: 'opened', outcomes: ['unreachable'] }, 'refusal', 'opened'],
    [{ status: 'not_opened', outcomes: ['unreachable'] }, 'non_contact', 'unreachable'],
    [{ status: 'not_opened', outcomes: ['wrong_number', 'unreachable'] }, 'non_contact', 'unreachable'],
    [{ status: 'not_opened', outcomes: ['wrong_number'] }, 'unknown', 'wrong_number'],
    [{ status: 'not_opened', outcomes: [] }, 'unknown', 'nothing'],
    [{ status: 'replaced', outcomes: [] }, 'unknown', 'nothing'],
  ];
  it.each(cases)('%o is %s', (input, disposition, basis) => {
    expect(dispositionOf(input)).toEqual({ disposition, basis });
  });

  const anyCase = fc.record({
    status: fc.constantFrom(...INVITATION_STATUSES),
    outcomes: fc.array(fc.constantFrom(...FOLLOW_UP_OUTCOMES), { maxLength: 6 }),
  });

  it('does not depend on the order of the calls', () => {
    fc.assert(
      fc.property(anyCase, fc.integer(), ({ status, outcomes }, seed) => {
        const shuffled = [...outcomes].sort((a, b) => ((a.charCodeAt(0) * seed) % 7) - ((b.charCodeAt(0) * seed) % 7));
        expect(dispositionOf({ status, outcomes: shuffled })).toEqual(dispositionOf({ status, outcomes }));
      }),
    );
  });

  it('never lets a call outweigh a submission, and an ineligible firm is never counted unknown or non-contact', () => {
    fc.assert(
      fc.property(anyCase, (c) => {
        const d = dispositionOf(c).disposition;
        if (c.status === 'submitted') expect(d).toBe('complete');
        if (c.outcomes.includes('ineligible') && c.status !== 'submitted' && c.status !== 'drafted') expect(d).toBe('ineligible');
        if (c.outcomes.includes('refused') || c.outcomes.includes('reminded'))
          expect(['complete', 'partial', 'ineligible', 'refusal']).toContain(d);
      }),
    );
  });
});

describe('AAPOR rates', () => {
  const counts = (c: Partial<DispositionCounts>): DispositionCounts => ({ ...emptyCounts(), ...c });

  it('matches a hand-computed example', () => {
    // 200 invited: I 150, P 10, R 12, NC 8, U 12, NE 8.
    // RR1 = 150 / (150+10+12+8+12) = 150/192 = 0.78125
    // e = (150+10+12+8) / (180+8) = 180/188; RR3 = 150 / (180 + 12·180/188) = 150/191.4893617 = 0.783333…
    // COOP1 = 150 / (150+10+12) = 150/172; CON1 = 172 / 192
    const r = aaporRates(counts({ complete: 150, partial: 10, refusal: 12, non_contact: 8, unknown: 12, ineligible: 8 }));
    expect(r.rr1).toBeCloseTo(0.78125, 10);
    expect(r.eligibility).toBeCloseTo(180 / 188, 10);
    expect(r.rr3).toBeCloseTo(0.7833333333, 8);
    expect(r.cooperation).toBeCloseTo(150 / 172, 10);
    expect(r.contact).toBeCloseTo(172 / 192, 10);
  });

  it('matches a second example with no unknown cases: RR1 = RR3', () => {
    // I 40, P 0, R 5, NC 5, NE 10: RR1 = RR3 = 40/50 = 0.8, COOP1 = 40/45, CON1 = 45/50 = 0.9, e = 50/60.
    const r = aaporRates(counts({ complete: 40, refusal: 5, non_contact: 5, ineligible: 10 }));
    expect(r.rr1).toBe(0.8);
    expect(r.rr3).toBe(0.8);
    expect(r.cooperation).toBeCloseTo(40 / 45, 10);
    expect(r.contact).toBe(0.9);
    expect(r.eligibility).toBeCloseTo(50 / 60, 10);
  });

  it('leaves a rate out rather than dividing by zero', () => {
    expect(aaporRates(emptyCounts())).toEqual({ rr1: null, rr3: null, cooperation: null, contact: null, eligibility: null });
    // All unknown: RR1 is 0, but e (and so RR3) is not known yet.
    expect(aaporRates(counts({ unknown: 200 }))).toMatchObject({ rr1: 0, rr3: null, contact: 0, cooperation: null });
  });

  const anyCounts = fc.record(Object.fromEntries(DISPOSITIONS.map((d) => [d, fc.nat(300)])) as Record<Disposition, fc.Arbitrary<number>>);

  it('keeps every rate in [0, 1] and RR1 ≤ RR3 (an unknown case counts at most as one eligible)', () => {
    fc.assert(
      fc.property(anyCounts, (c) => {
        const r = aaporRates(c);
        for (const v of [r.rr1, r.rr3, r.cooperation, r.contact, r.eligibility])
          if (v !== null) expect(v).toBeGreaterThanOrEqual(0), expect(v).toBeLessThanOrEqual(1);
        if (r.rr1 !== null && r.rr3 !== null) expect(r.rr1).toBeLessThanOrEqual(r.rr3 + 1e-12);
        // RR1 is the product of cooperation and contact: I/(I+P+R) · (I+P+R)/(all eligible or unknown).
        if (r.cooperation !== null && r.contact !== null && r.rr1 !== null) expect(r.rr1).toBeCloseTo(r.cooperation * r.contact, 10);
      }),
    );
  });

  it('does not change RR1 when ineligible firms are added (they are outside its denominator)', () => {
    fc.assert(
      fc.property(anyCounts, fc.nat(50), (c, extra) => {
        expect(aaporRates({ ...c, ineligible: c.ineligible + extra }).rr1).toBe(aaporRates(c).rr1);
      }),
    );
  });

  it('counts dispositions', () => {
    expect(countDispositions(['complete', 'complete', 'unknown'])).toEqual(counts({ complete: 2, unknown: 1 }));
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['+86 138 1234 5678', '138****5678'],
    ['3312345', '*****45'],
    ['7', '*'],
  ])('%s → %s', (phone, masked) => expect(maskPhone(phone)).toBe(masked));
  it('keeps null', () => expect(maskPhone(null)).toBeNull());
});
