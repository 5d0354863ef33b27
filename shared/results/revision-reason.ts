// Why a stored escalation record was revised (superseded, withdrawn or flagged for review), as a code and
// its params: the server stores and sends these, and each page words them in its reader's language.
import { z } from 'zod';
import { ESCALATION_LEVELS } from './escalation.ts';

export const REVISION_REASON_CODES = [
  /** The round was published: its own records are created. */
  'published',
  /** An earlier quarter was published after a later one: the later quarters are re-derived in order. */
  'published_late',
  /** A published round's results were corrected (an appeal upheld, a re-count). */
  'corrected',
  /** The supervisor overrode the statistical guard's watch: the measures apply after all. */
  'watch_overridden',
  /** Stored as words before reasons were codes: `note` holds those words, shown as they are. */
  'worded',
] as const;
export type RevisionReasonCode = (typeof REVISION_REASON_CODES)[number];

export const revisionReasonSchema = z.object({
  code: z.enum(REVISION_REASON_CODES),
  /** The round whose publication, correction or watch review caused the revision. */
  roundId: z.string(),
  /** The admin's or supervisor's own reason for a correction or an override, as they wrote it. */
  note: z.string().nullable(),
});
export type RevisionReason = z.infer<typeof revisionReasonSchema>;

/** A record flagged for review: why, and what the rule gives now (null when it no longer calls for the record). */
export const reviewNoteSchema = z.object({
  reason: revisionReasonSchema,
  rule: z
    .object({ measures: z.array(z.enum(ESCALATION_LEVELS)), headStreak: z.number().int(), departmentStreak: z.number().int() })
    .nullable(),
});
export type ReviewNote = z.infer<typeof reviewNoteSchema>;

/** What caused a re-derivation (server/escalations/reconcile.ts). */
export type RevisionCause =
  | { kind: 'publish'; roundId: string }
  | { kind: 'correction'; roundId: string; reason: string }
  | { kind: 'watch_override'; roundId: string; reason: string };

/** The reason for a cause; a publication is "late" when a later quarter was already published. */
export function revisionReason(cause: RevisionCause, laterPublished: boolean): RevisionReason {
  switch (cause.kind) {
    case 'watch_override':
      return { code: 'watch_overridden', roundId: cause.roundId, note: cause.reason };
    case 'correction':
      return { code: 'corrected', roundId: cause.roundId, note: cause.reason };
    case 'publish':
      return { code: laterPublished ? 'published_late' : 'published', roundId: cause.roundId, note: null };
  }
}

/** Stored in a text column as JSON; read back, words stored before the codes become a `worded` reason. */
export const encodeRevisionReason = (reason: RevisionReason): string => JSON.stringify(reason);
export const encodeReviewNote = (note: ReviewNote): string => JSON.stringify(note);

function parsed<T>(schema: z.ZodType<T>, text: string): T | null {
  try {
    const r = schema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

const worded = (text: string): RevisionReason => ({ code: 'worded', roundId: '', note: text });

export function decodeRevisionReason(text: string | null): RevisionReason | null {
  return text === null ? null : (parsed(revisionReasonSchema, text) ?? worded(text));
}

export function decodeReviewNote(text: string | null): ReviewNote | null {
  return text === null ? null : (parsed(reviewNoteSchema, text) ?? { reason: worded(text), rule: null });
}
