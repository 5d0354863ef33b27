// 分组统计: a closed round's results by township, industry or size as a table, one row per department and
// one column per group shown. The server has already left out groups under 5 respondents; a cell under 5
// ratings comes as nulls and reads "<5", never as a number.
import type { Breakdowns } from '#shared/schemas/breakdowns.ts';

export type Dimension = Breakdowns['dimensions'][number]['dimension'];
export interface BreakdownCellView {
  n: number;
  mean: number;
  satisfactionRate: number | null;
}
export interface BreakdownRow {
  departmentId: number;
  code: string;
  name: string;
  cells: (BreakdownCellView | null)[];
}
export interface BreakdownTable {
  groups: { value: string; respondents: number }[];
  rows: BreakdownRow[];
  /** Respondents in the groups not shown. */
  hiddenRespondents: number;
  /** Cells shown as "<5". */
  suppressedCells: number;
}

export function breakdownTable(breakdowns: Breakdowns, dimension: Dimension): BreakdownTable {
  const dim = breakdowns.dimensions.find((d) => d.dimension === dimension);
  if (!dim) return { groups: [], rows: [], hiddenRespondents: 0, suppressedCells: 0 };
  const groups = dim.groups.map((g) => ({ value: g.value, respondents: g.respondents }));
  const byDepartment = new Map<number, BreakdownRow>();
  let suppressedCells = 0;
  dim.groups.forEach((g, i) => {
    for (const d of g.departments) {
      let row = byDepartment.get(d.departmentId);
      if (!row) {
        row = { departmentId: d.departmentId, code: d.code, name: d.name, cells: groups.map(() => null) };
        byDepartment.set(d.departmentId, row);
      }
      if (d.n === null || d.mean === null) suppressedCells++;
      else row.cells[i] = { n: d.n, mean: d.mean, satisfactionRate: d.satisfactionRate };
    }
  });
  const rows = [...byDepartment.values()].sort((a, b) => a.code.localeCompare(b.code));
  return { groups, rows, hiddenRespondents: dim.hiddenRespondents, suppressedCells };
}

/** What a cell says: the mean to one decimal, or "<5" when too few rated the department in that group. */
export const cellText = (cell: BreakdownCellView | null, minGroup: number): string => (cell ? cell.mean.toFixed(1) : `<${minGroup}`);
