import { describe, expect, it } from 'vitest';
import { requestCounts } from './requests.ts';

describe('request counts', () => {
  it('counts waiting, overdue and rated requests', () => {
    expect(
      requestCounts([
        { state: 'waiting', overdue: true },
        { state: 'waiting', overdue: false },
        { state: 'replied', overdue: false },
        { state: 'answered', overdue: false },
      ]),
    ).toEqual({ waiting: 2, overdue: 1, answered: 1 });
    expect(requestCounts([])).toEqual({ waiting: 0, overdue: 0, answered: 0 });
  });
});
