// A draw difference as a sentence in the reader's language (positions counted from 1, as people do).
import type { DrawDifference, EntryView } from '#shared/draw/verify.ts';

/** The translate function of the `verify` namespace, reduced to what this needs (easy to test). */
export type VerifyT = (key: string, vars?: Record<string, string | number>) => string;

export function entryText(t: VerifyT, entry: EntryView | null): string {
  if (!entry) return t('nothing');
  const vars = { uscc: entry.uscc, stratum: entry.stratum, ticket: entry.ticket };
  return entry.order !== undefined ? t('entryOrder', { ...vars, order: entry.order }) : t('entry', vars);
}

export function differenceText(t: VerifyT, d: DrawDifference): string {
  const none = (v: number | null) => (v === null ? t('nothing') : v);
  switch (d.kind) {
    case 'seedNotNormalised':
      return t('diff.seedNotNormalised', { recorded: JSON.stringify(d.recorded), normalised: JSON.stringify(d.normalised) });
    case 'seedEmpty':
      return t('diff.seedEmpty');
    case 'duplicateUscc':
      return t('diff.duplicateUscc', { uscc: d.uscc, count: d.count });
    case 'stratumWithoutStratification':
      return t('diff.stratumWithoutStratification', { position: d.index + 1, uscc: d.uscc, stratum: d.stratum });
    case 'frozenAfterDrawn':
      return t('diff.frozenAfterDrawn', { frozenAt: d.frozenAt, drawnAt: d.drawnAt });
    case 'poolHash':
      return t('diff.poolHash', { recorded: d.recorded, recomputed: d.recomputed });
    case 'quota':
      return t('diff.quota', { stratum: d.stratum, recorded: none(d.recorded), recomputed: none(d.recomputed) });
    case 'listLength':
      return t('diff.listLength', { list: t(`list.${d.list}`), recorded: d.recorded, recomputed: d.recomputed });
    case 'listEntry':
      return t('diff.listEntry', {
        list: t(`list.${d.list}`),
        position: d.index + 1,
        recorded: entryText(t, d.recorded),
        recomputed: entryText(t, d.recomputed),
      });
    case 'replacementAgainstRule':
      return t('diff.replacementAgainstRule', { position: d.index + 1, out: d.out, in: d.in, expected: entryText(t, d.expected) });
    default:
      return t(`diff.${d.kind}`, { position: d.index + 1, out: d.out, in: d.in });
  }
}
