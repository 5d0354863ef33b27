import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCALE, RATING_LEVELS, type RatingLevel } from '#shared/results/levels.ts';
import {
  canChooseReason,
  canVote,
  formatDeadline,
  formatTime,
  fromDraft,
  toDraft,
  toSubmission,
  groupByCategory,
  nextUnanswered,
  pickOpeningDraft,
  progress,
  reduce,
  voteCandidates,
  type Answers,
  type Department,
} from './model.ts';

const dept = (id: number, category = 'service'): Department => ({ id, code: `d${id}`, nameZh: `部门${id}`, nameEn: null, category });
const rated = (levels: Record<number, RatingLevel | null>, votes: number[] = []): Answers => ({
  ratings: Object.fromEntries(Object.entries(levels).map(([id, level]) => [id, { level, comment: '', reasons: [] }])),
  votes,
  comment: '',
});

describe('progress', () => {
  const departments = [dept(1, 'economic'), dept(2, 'economic'), dept(3, 'service'), dept(4, 'party')];
  const groups = groupByCategory(departments);

  it('counts answers overall and per category, with the first unanswered of each', () => {
    const p = progress(rated({ 1: 'satisfied', 3: 'not_applicable', 4: null }), groups);
    expect(p).toEqual({
      done: 2,
      total: 4,
      categories: [
        { key: 'economic', done: 1, total: 2, firstUnanswered: 2 },
        { key: 'service', done: 1, total: 1, firstUnanswered: null },
        { key: 'party', done: 0, total: 1, firstUnanswered: 4 },
      ],
    });
  });

  it('never counts more than there are, and the parts add up', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom(...RATING_LEVELS)), { minLength: 4, maxLength: 4 }), (levels) => {
        const p = progress(rated(Object.fromEntries(levels.map((l, i) => [i + 1, l]))), groups);
        expect(p.done).toBe(levels.filter(Boolean).length);
        expect(p.categories.reduce((n, c) => n + c.done, 0)).toBe(p.done);
      }),
    );
  });
});

describe('nextUnanswered', () => {
  const order = [10, 20, 30, 40];
  it('goes forward from the department just answered, and wraps round', () => {
    const a = rated({ 10: 'satisfied', 20: 'satisfied', 40: null });
    expect(nextUnanswered(order, a, 20)).toBe(30);
    expect(nextUnanswered(order, rated({ 30: 'satisfied', 40: 'satisfied' }), 30)).toBe(10);
  });
  it('starts at the top without a current department (resuming the link)', () => {
    expect(nextUnanswered(order, rated({ 10: 'satisfied' }))).toBe(20);
    expect(nextUnanswered(order, rated({}), 999)).toBe(10);
  });
  it('is null once everything is answered', () => {
    expect(
      nextUnanswered(order, rated({ 10: 'satisfied', 20: 'dissatisfied', 30: 'not_applicable', 40: 'fairly_satisfied' }), 10),
    ).toBeNull();
  });
  it('always names an unanswered department when there is one', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), fc.option(fc.constantFrom(...order)), (answeredFlags, after) => {
        const a = rated(Object.fromEntries(order.map((id, i) => [id, answeredFlags[i] ? 'satisfied' : null])));
        const next = nextUnanswered(order, a, after);
        if (answeredFlags.every(Boolean)) expect(next).toBeNull();
        else expect(answeredFlags[order.indexOf(next!)]).toBe(false);
      }),
    );
  });
});

describe('voteCandidates', () => {
  const pageOrder = [dept(1), dept(2), dept(3), dept(4), dept(5), dept(6)];
  it('lists rated departments lowest-rated first, in page order among equals, without 不了解 or unanswered ones', () => {
    const a = rated({ 1: 'satisfied', 2: 'dissatisfied', 3: 'not_applicable', 4: 'basically_satisfied', 5: 'dissatisfied' });
    expect(voteCandidates(a, pageOrder, DEFAULT_SCALE).map((c) => [c.department.id, c.level])).toEqual([
      [2, 'dissatisfied'],
      [5, 'dissatisfied'],
      [4, 'basically_satisfied'],
      [1, 'satisfied'],
    ]);
  });
  it("follows the round's scale scores", () => {
    const scale = DEFAULT_SCALE.map((e) => (e.level === 'satisfied' ? { ...e, score: -1 } : e));
    expect(voteCandidates(rated({ 1: 'dissatisfied', 2: 'satisfied' }), pageOrder, scale)[0]!.department.id).toBe(2);
  });
});

describe('canVote', () => {
  it('allows rated departments up to the limit, never 不了解 or unanswered ones', () => {
    const a = rated({ 1: 'dissatisfied', 2: 'satisfied', 3: 'not_applicable' }, [1]);
    expect(canVote(a, 1, 1)).toBe(true); // already ticked: can be unticked
    expect(canVote(a, 2, 1)).toBe(false); // the limit
    expect(canVote(a, 2, 3)).toBe(true);
    expect(canVote(a, 3, 3)).toBe(false);
    expect(canVote(a, 4, 3)).toBe(false);
  });
  it('agrees with what the form stores', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...RATING_LEVELS), { minLength: 5, maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 5 })),
        (levels, ticks) => {
          let a = rated(Object.fromEntries(levels.map((l, i) => [i + 1, l])));
          for (const id of ticks) {
            const allowed = canVote(a, id, 3);
            const next = reduce(a, { type: 'vote', departmentId: id, on: !a.votes.includes(id), limit: 3 });
            if (!allowed) expect(next).toBe(a);
            a = next;
          }
          expect(a.votes.length).toBeLessThanOrEqual(3);
          expect(a.votes.every((id) => levels[id - 1] !== 'not_applicable')).toBe(true);
        },
      ),
    );
  });
});

describe('pickOpeningDraft', () => {
  const server = { draft: { ratings: [{ departmentId: 1, level: 'satisfied' }] }, savedAt: '2026-03-01T08:00:00.000Z' };
  const at = (iso: string) => Date.parse(iso);
  it("takes the server's draft when this phone has nothing newer to send", () => {
    expect(pickOpeningDraft(server, null)).toEqual({ draft: server.draft, sync: false });
    expect(pickOpeningDraft(server, { draft: { x: 1 }, changedAt: at('2026-03-01T09:00:00Z'), dirty: false })).toEqual({
      draft: server.draft,
      sync: false,
    });
    expect(pickOpeningDraft(server, { draft: { x: 1 }, changedAt: at('2026-03-01T07:00:00Z'), dirty: true })).toEqual({
      draft: server.draft,
      sync: false,
    });
  });
  it("takes this phone's unsent, newer copy and sends it", () => {
    expect(pickOpeningDraft(server, { draft: { x: 1 }, changedAt: at('2026-03-01T09:00:00Z'), dirty: true })).toEqual({
      draft: { x: 1 },
      sync: true,
    });
  });
  it("takes this phone's copy when the server has none, and sends it", () => {
    expect(pickOpeningDraft({ draft: null, savedAt: null }, { draft: { x: 1 }, changedAt: 0, dirty: false })).toEqual({
      draft: { x: 1 },
      sync: true,
    });
  });
  it('opens on whatever fromDraft can read, even a tampered local copy', () => {
    const opening = pickOpeningDraft(
      { draft: null, savedAt: null },
      {
        draft: { ratings: [{ departmentId: 'x' }, { departmentId: 1, level: 'nope' }], leastSatisfied: [1, 1] },
        changedAt: 0,
        dirty: true,
      },
    );
    expect(fromDraft(opening.draft, { departmentIds: [1], votesLimit: 3, reasonCodes: [] })).toEqual({
      ratings: { 1: { level: null, comment: '', reasons: [] } },
      votes: [],
      comment: '',
    });
  });
});

describe('reasons for 不满意', () => {
  const codes = ['slow', 'repeat_trips', 'unclear_requirements', 'poor_attitude', 'other'];
  const tap = (a: Answers, code: string, on = true) => reduce(a, { type: 'reason', departmentId: 1, code, on });

  it('are taken only with 不满意, at most three, one tap each way', () => {
    expect(tap(rated({ 1: 'basically_satisfied' }), 'slow')).toEqual(rated({ 1: 'basically_satisfied' }));
    let a = rated({ 1: 'dissatisfied' });
    for (const c of codes) a = tap(a, c);
    expect(a.ratings[1]!.reasons).toEqual(['slow', 'repeat_trips', 'unclear_requirements']);
    expect(canChooseReason(a.ratings[1]!, 'other')).toBe(false);
    expect(canChooseReason(a.ratings[1]!, 'slow')).toBe(true); // ticked: can be unticked
    a = tap(a, 'repeat_trips', false);
    expect(tap(a, 'other').ratings[1]!.reasons).toEqual(['slow', 'unclear_requirements', 'other']);
  });

  it('go when the answer changes away from 不满意, and stay when it is chosen again', () => {
    const a = tap(rated({ 1: 'dissatisfied' }), 'slow');
    expect(reduce(a, { type: 'rate', departmentId: 1, level: 'dissatisfied' }).ratings[1]!.reasons).toEqual(['slow']);
    const changed = reduce(a, { type: 'rate', departmentId: 1, level: 'fairly_satisfied' });
    expect(changed.ratings[1]!.reasons).toEqual([]);
  });

  it('travel in the draft and the submission, and a draft brings back only offered codes, once, at most three', () => {
    const a = tap(tap(rated({ 1: 'dissatisfied', 2: 'satisfied' }), 'poor_attitude'), 'slow');
    expect(toDraft(a).ratings).toEqual([
      { departmentId: 1, level: 'dissatisfied', reasons: ['poor_attitude', 'slow'] },
      { departmentId: 2, level: 'satisfied' },
    ]);
    expect(toSubmission(a, [dept(1), dept(2)], 'id').ratings).toEqual([
      { departmentId: 1, level: 'dissatisfied', reasons: ['poor_attitude', 'slow'] },
      { departmentId: 2, level: 'satisfied' },
    ]);
    const rules = { departmentIds: [1, 2], votesLimit: 3, reasonCodes: codes };
    expect(fromDraft(toDraft(a), rules)).toEqual(a);
    const tampered = {
      ratings: [
        { departmentId: 1, level: 'dissatisfied', reasons: ['slow', 'slow', 'bribes', 7, 'other', 'poor_attitude', 'repeat_trips'] },
        { departmentId: 2, level: 'satisfied', reasons: ['slow'] },
      ],
    };
    const back = fromDraft(tampered, rules);
    expect(back.ratings[1]!.reasons).toEqual(['slow', 'other', 'poor_attitude']);
    expect(back.ratings[2]!.reasons).toEqual([]);
  });

  it('never exceed three nor sit on another answer, whatever is tapped', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ type: fc.constant('reason' as const), code: fc.constantFrom(...codes), on: fc.boolean() }),
            fc.record({ type: fc.constant('rate' as const), level: fc.constantFrom(...RATING_LEVELS) }),
          ),
        ),
        (steps) => {
          let a = rated({ 1: null });
          for (const s of steps)
            a = s.type === 'reason' ? tap(a, s.code, s.on) : reduce(a, { type: 'rate', departmentId: 1, level: s.level });
          const r = a.ratings[1]!;
          expect(r.reasons.length).toBeLessThanOrEqual(3);
          expect(new Set(r.reasons).size).toBe(r.reasons.length);
          if (r.level !== 'dissatisfied') expect(r.reasons).toEqual([]);
        },
      ),
    );
  });
});

describe('formatDeadline', () => {
  it('reads a deadline at the city’s midnight as the end of the day before', () => {
    expect(formatDeadline('2026-12-07T16:00:00.000Z', 'zh')).toBe('2026年12月7日 24:00');
    expect(formatDeadline('2026-12-07T16:00:00.000Z', 'en')).toBe('7 Dec 2026, end of day');
  });
  it('keeps any other time as it is', () => {
    expect(formatDeadline('2026-12-07T09:30:00.000Z', 'zh')).toBe(formatTime('2026-12-07T09:30:00.000Z', 'zh'));
  });
});
