import { describe, expect, it } from 'vitest';
import { startingMeasures, unansweredReasons } from './planReasons.ts';

const top = [{ code: 'repeat_trips' as const }, { code: 'slow' as const }];

describe('the plan against the top reasons', () => {
  it('names the top reasons no measure is aimed at', () => {
    expect(unansweredReasons(top, [{ measure: 'x' }])).toEqual(['repeat_trips', 'slow']);
    expect(unansweredReasons(top, [{ reason: 'slow' }, { measure: 'general' }])).toEqual(['repeat_trips']);
    expect(unansweredReasons(top, [{ reason: 'slow' }, { reason: 'repeat_trips' }, { reason: 'slow' }])).toEqual([]);
    expect(unansweredReasons([], undefined)).toEqual([]);
  });

  it('starts a new plan with one row per top reason, and keeps a saved plan as it was', () => {
    expect(startingMeasures(top, undefined).map((m) => m.reason)).toEqual(['repeat_trips', 'slow']);
    expect(startingMeasures([], [])).toEqual([{ measure: '', owner: '', due: '' }]);
    const saved = [{ measure: '一窗通办', owner: '审批科', due: '2026-05-01' }];
    expect(startingMeasures(top, saved)).toEqual(saved);
  });
});
