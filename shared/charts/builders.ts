// Small builders for the chart maths tests: one department row, one round.
import type { DepartmentResultView, Results } from '../schemas/results.ts';

export function makeDepartment(overrides: Partial<DepartmentResultView> = {}): DepartmentResultView {
  const id = overrides.departmentId ?? 1;
  return {
    departmentId: id,
    code: `d${id}`,
    name: `部门${id}`,
    nameEn: `Dept ${id}`,
    category: 'service',
    n: 40,
    notApplicable: 5,
    mean: 80,
    sd: 20,
    ci95: [73, 87],
    satisfactionRate: 0.9,
    dissatisfiedRate: 0.1,
    leastSatisfiedVotes: 0,
    rank: id,
    previousRank: null,
    flagged: false,
    pBottom: 0,
    rankInterval: [id, id],
    status: 'ranked',
    counts: { satisfied: 20, fairly_satisfied: 10, basically_satisfied: 6, dissatisfied: 4, not_applicable: 5 },
    reasons: [],
    ...overrides,
  };
}

export function makeRound(id: string, departments: DepartmentResultView[]): Pick<Results, 'round' | 'departments'> {
  return {
    round: {
      id,
      status: 'published',
      version: 1,
      computedAt: '2026-01-01T00:00:00Z',
      publishedAt: '2026-01-02T00:00:00Z',
      correctionReason: null,
      responses: 60,
    },
    departments,
  };
}
