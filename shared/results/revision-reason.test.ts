import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ESCALATION_LEVELS } from './escalation.ts';
import {
  decodeReviewNote,
  decodeRevisionReason,
  encodeReviewNote,
  encodeRevisionReason,
  REVISION_REASON_CODES,
  revisionReason,
  type ReviewNote,
  type RevisionReason,
} from './revision-reason.ts';

const reasonArb: fc.Arbitrary<RevisionReason> = fc.record({
  code: fc.constantFrom(...REVISION_REASON_CODES),
  roundId: fc.stringMatching(/^20\d\dQ[1-4]$/),
  note: fc.option(fc.string(), { nil: null }),
});
const noteArb: fc.Arbitrary<ReviewNote> = fc.record({
  reason: reasonArb,
  rule: fc.option(
    fc.record({
      measures: fc.subarray([...ESCALATION_LEVELS]),
      headStreak: fc.nat(9),
      departmentStreak: fc.nat(9),
    }),
    { nil: null },
  ),
});

describe('revision reasons', () => {
  it('name the cause as a code with the round and the person’s own words', () => {
    expect(revisionReason({ kind: 'publish', roundId: '2026Q2' }, false)).toEqual({ code: 'published', roundId: '2026Q2', note: null });
    expect(revisionReason({ kind: 'publish', roundId: '2026Q1' }, true)).toEqual({ code: 'published_late', roundId: '2026Q1', note: null });
    expect(revisionReason({ kind: 'correction', roundId: '2026Q1', reason: '申诉成立' }, true)).toEqual({
      code: 'corrected',
      roundId: '2026Q1',
      note: '申诉成立',
    });
    expect(revisionReason({ kind: 'watch_override', roundId: '2027Q1', reason: 'n 足够' }, false)).toEqual({
      code: 'watch_overridden',
      roundId: '2027Q1',
      note: 'n 足够',
    });
  });

  it('read back as stored', () => {
    fc.assert(
      fc.property(reasonArb, (r) => {
        expect(decodeRevisionReason(encodeRevisionReason(r))).toEqual(r);
      }),
    );
    fc.assert(
      fc.property(noteArb, (n) => {
        expect(decodeReviewNote(encodeReviewNote(n))).toEqual(n);
      }),
    );
    expect(decodeRevisionReason(null)).toBeNull();
    expect(decodeReviewNote(null)).toBeNull();
  });

  it('keep words stored before the codes, shown as they are', () => {
    const old = '2026Q1 发布（2026Q1 published）';
    expect(decodeRevisionReason(old)).toEqual({ code: 'worded', roundId: '', note: old });
    expect(decodeReviewNote(old)).toEqual({ reason: { code: 'worded', roundId: '', note: old }, rule: null });
    expect(decodeRevisionReason('{"code":"nonsense"}')).toEqual({ code: 'worded', roundId: '', note: '{"code":"nonsense"}' });
  });
});
