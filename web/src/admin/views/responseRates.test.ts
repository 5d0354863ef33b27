import { describe, expect, it } from 'vitest';
import { aaporRates, countDispositions } from '#shared/follow-ups/rates.ts';
import type { Disposition } from '#shared/follow-ups/vocabulary.ts';
import { dispositionRows, followUpBody, rateCells, ratePercent } from './responseRates.ts';

const figures = (ds: Disposition[]) => {
  const counts = countDispositions(ds);
  return { ...aaporRates(counts), cases: ds.length, dispositions: counts };
};

describe('rates as shown', () => {
  it('shows each rate as a percent, and a dash (null) where AAPOR has nothing to divide by', () => {
    // No firm known ineligible: e = 1 and RR3 = RR1.
    const cells = rateCells(figures(['complete', 'complete', 'refusal', 'unknown']));
    expect(cells.map((c) => [c.key, c.text])).toEqual([
      ['rr1', '50.0%'],
      ['rr3', '50.0%'],
      ['cooperation', '66.7%'],
      ['contact', '75.0%'],
    ]);
    expect(rateCells(figures(['unknown'])).map((c) => c.text)).toEqual(['0.0%', null, null, '0.0%']);
    expect(ratePercent(null)).toBeNull();
  });

  it("lists every disposition in the book's order with its share", () => {
    const rows = dispositionRows(figures(['complete', 'ineligible', 'unknown', 'unknown']));
    expect(rows.map((r) => r.disposition)).toEqual(['complete', 'partial', 'refusal', 'non_contact', 'ineligible', 'unknown']);
    expect(rows.find((r) => r.disposition === 'unknown')).toEqual({ disposition: 'unknown', count: 2, share: '50.0%' });
    expect(dispositionRows(figures([]))[0]!.share).toBe('0.0%');
  });
});

describe('the record-call dialog', () => {
  it('needs an outcome and leaves out a blank note or number', () => {
    expect(followUpBody({ channel: 'phone', outcome: undefined })).toBeNull();
    expect(followUpBody({ channel: 'visit', outcome: 'refused', note: '  ', phone: '' })).toEqual({ channel: 'visit', outcome: 'refused' });
    expect(followUpBody({ channel: 'phone', outcome: 'reminded', note: ' 本周填写 ', phone: ' 13812345678 ' })).toEqual({
      channel: 'phone',
      outcome: 'reminded',
      note: '本周填写',
      phone: '13812345678',
    });
  });
});
