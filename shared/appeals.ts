// Appeals (申诉复核): a flagged department's head may contest the round's verdict within a window after
// publication; the admin decides. The filing rule is pure, so the refusals are tested as a table.

export const APPEAL_STATUSES = ['pending', 'upheld', 'rejected'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export const APPEAL_DECISIONS = ['upheld', 'rejected'] as const;
export type AppealDecision = (typeof APPEAL_DECISIONS)[number];

/** Days after publication an appeal may be filed (the config's APPEAL_WINDOW_DAYS overrides it). */
export const DEFAULT_APPEAL_WINDOW_DAYS = 7;

/** The moment the window closes: publication plus whole days (the same instant, days later). */
export function appealDeadline(publishedAt: Date, windowDays: number): Date {
  return new Date(publishedAt.getTime() + windowDays * 86_400_000);
}

export type FilingFacts = {
  roundStatus: string;
  publishedAt: Date | null;
  /** The department is among the flagged in the round's current (published) results. */
  flagged: boolean;
  /** The department already appealed this round (whatever the outcome). */
  alreadyAppealed: boolean;
  now: Date;
  windowDays: number;
};

export type Refusal = {
  code: 'not_published' | 'not_flagged' | 'window_closed' | 'appeal_exists';
  message: string;
  details?: Record<string, unknown>;
};

/** Why an appeal cannot be filed, or null when it can. Checked in this order. */
export function filingRefusal(f: FilingFacts): Refusal | null {
  if (f.roundStatus !== 'published' || !f.publishedAt) {
    return { code: 'not_published', message: 'Only the results of a published round can be appealed', details: { status: f.roundStatus } };
  }
  if (!f.flagged) return { code: 'not_flagged', message: 'Only a department flagged in this round (bottom of the ranking) can appeal it' };
  const deadline = appealDeadline(f.publishedAt, f.windowDays);
  if (f.now.getTime() > deadline.getTime()) {
    return {
      code: 'window_closed',
      message: `The appeal window closed ${f.windowDays} days after publication`,
      details: { publishedAt: f.publishedAt.toISOString(), deadline: deadline.toISOString(), windowDays: f.windowDays },
    };
  }
  if (f.alreadyAppealed)
    return { code: 'appeal_exists', message: 'This department has already appealed this round (one appeal per round)' };
  return null;
}
