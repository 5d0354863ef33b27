import { describe, expect, it } from 'vitest';
import { decidesFrom, mayDecide } from './decide-wait.ts';

describe('decide wait after a password someone else set', () => {
  const since = new Date('2026-03-01T08:00:00Z');
  it('refuses while the password is still one someone else set', () => {
    expect(decidesFrom(null)).toBeNull();
    expect(mayDecide(null, new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });
  it('refuses for 24 hours after the holder set their own, then allows', () => {
    expect(decidesFrom(since)?.toISOString()).toBe('2026-03-02T08:00:00.000Z');
    expect(mayDecide(since, new Date('2026-03-02T07:59:59.999Z'))).toBe(false);
    expect(mayDecide(since, new Date('2026-03-02T08:00:00.000Z'))).toBe(true);
  });
});
