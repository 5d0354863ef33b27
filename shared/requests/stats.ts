// Requests per department and quarter for the dashboard: how many, how fast the first reply came
// (median, hours), and of those the enterprise answered, the share resolved and the share satisfied.
import { cityDay } from '../city-day.ts';

export interface RequestFacts {
  departmentId: number;
  raisedAt: string;
  firstReplyAt: string | null;
  resolved: boolean | null;
  satisfied: boolean | null;
}

export interface RequestStatsRow {
  departmentId: number;
  /** The city's calendar quarter the request was raised in, e.g. 2026Q1. */
  quarter: string;
  requests: number;
  replied: number;
  /** Hours from raising to the first reply, median over replied requests; null when none was replied. */
  medianFirstReplyHours: number | null;
  /** Requests the enterprise gave feedback on: the base of both shares. */
  feedbacks: number;
  resolvedShare: number | null;
  satisfiedShare: number | null;
}

export function quarterOf(at: Date, timeZone: string): string {
  const day = cityDay(at, timeZone);
  return `${day.slice(0, 4)}Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const HOUR = 3_600_000;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Newest quarter first, then by department. */
export function requestStats(facts: readonly RequestFacts[], timeZone: string): RequestStatsRow[] {
  const groups = new Map<string, RequestFacts[]>();
  for (const f of facts) {
    const key = `${quarterOf(new Date(f.raisedAt), timeZone)}|${f.departmentId}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  const rows = [...groups].map(([key, list]): RequestStatsRow => {
    const replyHours = list.flatMap((f) => (f.firstReplyAt ? [(Date.parse(f.firstReplyAt) - Date.parse(f.raisedAt)) / HOUR] : []));
    const answered = list.filter((f) => f.resolved !== null);
    const share = (pick: (f: RequestFacts) => boolean | null) =>
      answered.length ? answered.filter((f) => pick(f) === true).length / answered.length : null;
    const m = median(replyHours);
    return {
      departmentId: list[0]!.departmentId,
      quarter: key.split('|')[0]!,
      requests: list.length,
      replied: replyHours.length,
      medianFirstReplyHours: m === null ? null : round1(m),
      feedbacks: answered.length,
      resolvedShare: share((f) => f.resolved),
      satisfiedShare: share((f) => f.satisfied),
    };
  });
  return rows.sort((a, b) => (a.quarter === b.quarter ? a.departmentId - b.departmentId : a.quarter < b.quarter ? 1 : -1));
}
