import { describe, expect, it } from 'vitest';
import { gapToNext, placeFromBottom } from './rank.ts';

describe('placeFromBottom', () => {
  it('counts from the bottom: last of 53 is 1, 51st of 53 is 3', () => {
    expect(placeFromBottom(53, 53)).toBe(1);
    expect(placeFromBottom(51, 53)).toBe(3);
    expect(placeFromBottom(1, 53)).toBe(53);
  });
  it('is null for an unranked department or a rank outside the ranking', () => {
    expect(placeFromBottom(null, 53)).toBeNull();
    expect(placeFromBottom(54, 53)).toBeNull();
  });
});

describe('gapToNext', () => {
  const ds = [
    { rank: 1, mean: 90 },
    { rank: 2, mean: 66.4 },
    { rank: 3, mean: 39.8 },
    { rank: null, mean: null },
  ];
  it('is the score difference to the department just above', () => {
    expect(gapToNext(ds, 3)).toBeCloseTo(26.6, 5);
    expect(gapToNext(ds, 2)).toBeCloseTo(23.6, 5);
  });
  it('is null for the first and for the unranked', () => {
    expect(gapToNext(ds, 1)).toBeNull();
    expect(gapToNext(ds, null)).toBeNull();
  });
});
