// A flagged department's rectification as the public reads it (公开通报): the commitment and the plan's
// measures with their due dates, each dated progress report, the call-backs' results as counts, and the
// case's status through time until it closed. Never a ledger entry, a firm, a person or a reviewer's
// comment: only what the department committed to and when things happened.
import type { CallbackTally } from './rectification-callbacks.ts';

export const TIMELINE_EVENTS = ['started', 'progress', 'report_filed', 'returned', 'closed'] as const;
export type TimelineEvent = { at: string; kind: (typeof TIMELINE_EVENTS)[number]; text: string | null };

export type PublicCaseTimeline = {
  commitment: string | null;
  measures: { measure: string; due: string }[];
  events: TimelineEvent[];
  callbacks: CallbackTally;
};

export type CaseFacts = {
  createdAt: string;
  submittedAt: string | null;
  closedAt: string | null;
  commitment: string | null;
  plan: { measures?: { measure: string; owner?: string; due: string }[] } | null;
  progress: readonly { at: string; text: string }[];
  /** Reviews by the admin; only a return shows (an accept is the close), and never its comment. */
  reviews: readonly { at: string; decision: string }[];
  callbacks: CallbackTally;
};

/** The public timeline of one case, oldest event first (ties in the order a case lives: started … closed). */
export function publicCaseTimeline(c: CaseFacts): PublicCaseTimeline {
  const events: TimelineEvent[] = [
    { at: c.createdAt, kind: 'started', text: null },
    ...c.progress.map((p) => ({ at: p.at, kind: 'progress' as const, text: p.text })),
    ...(c.submittedAt ? [{ at: c.submittedAt, kind: 'report_filed' as const, text: null }] : []),
    ...c.reviews.filter((r) => r.decision === 'return').map((r) => ({ at: r.at, kind: 'returned' as const, text: null })),
    ...(c.closedAt ? [{ at: c.closedAt, kind: 'closed' as const, text: null }] : []),
  ];
  const order = (k: TimelineEvent['kind']) => TIMELINE_EVENTS.indexOf(k);
  events.sort((a, b) => a.at.localeCompare(b.at) || order(a.kind) - order(b.kind));
  return {
    commitment: c.commitment,
    // The owner is a person: the public reads what is done and by when, not by whom.
    measures: (c.plan?.measures ?? []).map((m) => ({ measure: m.measure, due: m.due })),
    events,
    callbacks: c.callbacks,
  };
}
