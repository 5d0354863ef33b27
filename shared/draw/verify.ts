// Re-runs a published draw record (draw-spec.md) and says, line by line, what does not reproduce.
// Differences are data (kind + values) so the CLI can print them in English and the browser in the
// reader's language from the same check.
import { chooseReplacement, compareBytes, draw, normaliseSeed } from './draw.ts';
import type { Backup, DrawRecord, SampledEntry } from './draw.ts';

/** One entry as the record or the recomputation has it (undefined: the list has nothing there). */
export type EntryView = { uscc: string; stratum: string; ticket: string; order?: number };

export type DrawDifference =
  | { kind: 'seedNotNormalised'; recorded: string; normalised: string }
  | { kind: 'seedEmpty' }
  | { kind: 'duplicateUscc'; uscc: string; count: number }
  | { kind: 'stratumWithoutStratification'; index: number; uscc: string; stratum: string }
  | { kind: 'frozenAfterDrawn'; frozenAt: string; drawnAt: string }
  | { kind: 'poolHash'; recorded: string; recomputed: string }
  | { kind: 'quota'; stratum: string; recorded: number | null; recomputed: number | null }
  | { kind: 'listLength'; list: 'sample' | 'backups'; recorded: number; recomputed: number }
  | { kind: 'listEntry'; list: 'sample' | 'backups'; index: number; recorded: EntryView | null; recomputed: EntryView | null }
  | { kind: 'replacementOutNotInPool'; index: number; out: string; in: string }
  | { kind: 'replacementOutNotTakingPart'; index: number; out: string; in: string }
  | { kind: 'replacementInNotBackup'; index: number; out: string; in: string }
  | { kind: 'replacementInReused'; index: number; out: string; in: string }
  | { kind: 'replacementAgainstRule'; index: number; out: string; in: string; expected: EntryView };

export type VerifyResult = { ok: true } | { ok: false; differences: string[]; details: DrawDifference[] };

const view = (entry: SampledEntry | Backup | undefined): EntryView | null =>
  entry ? { uscc: entry.uscc, stratum: entry.stratum, ticket: entry.ticket, ...('order' in entry ? { order: entry.order } : {}) } : null;

function describeEntry(entry: EntryView | null): string {
  if (!entry) return 'nothing';
  const order = entry.order !== undefined ? `, order ${entry.order}` : '';
  return `${entry.uscc} (stratum ${JSON.stringify(entry.stratum)}${order}, ticket ${entry.ticket})`;
}

/** The English line the CLI prints for a difference. */
export function describeDifference(d: DrawDifference): string {
  const where = (r: { index: number; out: string; in: string }) => `replacements[${r.index}] (${r.out} → ${r.in})`;
  switch (d.kind) {
    case 'seedNotNormalised':
      return `seed: record has ${JSON.stringify(d.recorded)}, normalised ${JSON.stringify(d.normalised)}`;
    case 'seedEmpty':
      return 'seed: empty after normalisation';
    case 'duplicateUscc':
      return `pool: uscc ${d.uscc} appears ${d.count} times`;
    case 'stratumWithoutStratification':
      return `pool[${d.index}]: ${d.uscc} has stratum ${JSON.stringify(d.stratum)} but stratifiedBy is null`;
    case 'frozenAfterDrawn':
      return `frozenAt ${d.frozenAt} is after drawnAt ${d.drawnAt}: the pool must be frozen first`;
    case 'poolHash':
      return `poolHash: record has ${d.recorded}, recomputed ${d.recomputed}`;
    case 'quota':
      return `quotas[${JSON.stringify(d.stratum)}]: record has ${d.recorded ?? 'none'}, recomputed ${d.recomputed ?? 'none'}`;
    case 'listLength':
      return `${d.list}: record has ${d.recorded} entries, recomputed ${d.recomputed}`;
    case 'listEntry':
      return `${d.list}[${d.index}]: record has ${describeEntry(d.recorded)}, recomputed ${describeEntry(d.recomputed)}`;
    case 'replacementOutNotInPool':
      return `${where(d)}: out ${d.out} is not in the pool`;
    case 'replacementOutNotTakingPart':
      return `${where(d)}: out ${d.out} is not taking part at that point (not sampled, or already replaced)`;
    case 'replacementInNotBackup':
      return `${where(d)}: in ${d.in} is not a backup of this draw`;
    case 'replacementInReused':
      return `${where(d)}: in ${d.in} was already brought in by an earlier replacement`;
    case 'replacementAgainstRule':
      return `${where(d)}: the rule gives ${describeEntry(d.expected)}, record has ${d.in}`;
  }
}

function sameEntry(a: SampledEntry | Backup, b: SampledEntry | Backup): boolean {
  const order = (e: SampledEntry | Backup) => ('order' in e ? e.order : undefined);
  return a.uscc === b.uscc && a.stratum === b.stratum && a.ticket === b.ticket && order(a) === order(b);
}

function compareLists(
  list: 'sample' | 'backups',
  recorded: readonly SampledEntry[],
  recomputed: readonly SampledEntry[],
): DrawDifference[] {
  const found: DrawDifference[] = [];
  if (recorded.length !== recomputed.length) {
    found.push({ kind: 'listLength', list, recorded: recorded.length, recomputed: recomputed.length });
  }
  for (let i = 0; i < Math.max(recorded.length, recomputed.length); i++) {
    const a = recorded[i];
    const b = recomputed[i];
    if (a && b && sameEntry(a, b)) continue;
    found.push({ kind: 'listEntry', list, index: i, recorded: view(a), recomputed: view(b) });
  }
  return found;
}

/** Duplicate usccs in the pool, each with its count. */
function duplicates(record: DrawRecord): DrawDifference[] {
  const counts = new Map<string, number>();
  for (const { uscc } of record.pool) counts.set(uscc, (counts.get(uscc) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([uscc, count]) => ({ kind: 'duplicateUscc', uscc, count }));
}

/** Replays the replacements in record order against the rule of draw-spec.md. */
function checkReplacements(record: DrawRecord, backups: readonly Backup[], sample: readonly SampledEntry[]): DrawDifference[] {
  const found: DrawDifference[] = [];
  const stratumOf = new Map(record.pool.map((e) => [e.uscc, e.stratum]));
  const backupUsccs = new Set(backups.map((b) => b.uscc));
  const active = new Set(sample.map((s) => s.uscc)); // who currently takes part
  const used = new Set<string>(); // backups already brought in
  record.replacements.forEach((r, index) => {
    const at = { index, out: r.out, in: r.in };
    const stratum = stratumOf.get(r.out);
    if (stratum === undefined) {
      found.push({ kind: 'replacementOutNotInPool', ...at });
    } else if (!active.has(r.out)) {
      found.push({ kind: 'replacementOutNotTakingPart', ...at });
    }
    if (!backupUsccs.has(r.in)) {
      found.push({ kind: 'replacementInNotBackup', ...at });
    } else if (used.has(r.in)) {
      found.push({ kind: 'replacementInReused', ...at });
    } else if (stratum !== undefined && active.has(r.out)) {
      const expected = chooseReplacement({ out: r.out, stratum, backups, used });
      if (expected && expected.uscc !== r.in) found.push({ kind: 'replacementAgainstRule', ...at, expected: view(expected)! });
    }
    active.delete(r.out);
    active.add(r.in);
    used.add(r.in);
  });
  return found;
}

const failed = (details: DrawDifference[]): VerifyResult => ({ ok: false, differences: details.map(describeDifference), details });

/**
 * Recomputes pool hash, tickets, quotas, sample and backups from the record's pool, seed, round and
 * sample size, and checks the seed is normalised and every replacement follows the backup rule.
 */
export function verifyRecord(record: DrawRecord): VerifyResult {
  const found: DrawDifference[] = [];
  const seed = normaliseSeed(record.seed);
  if (seed !== record.seed) found.push({ kind: 'seedNotNormalised', recorded: record.seed, normalised: seed });
  if (seed === '') return failed([...found, { kind: 'seedEmpty' }]);
  const dups = duplicates(record);
  if (dups.length > 0) return failed([...found, ...dups]);
  if (record.stratifiedBy === null) {
    record.pool.forEach((e, index) => {
      if (e.stratum !== '') found.push({ kind: 'stratumWithoutStratification', index, uscc: e.uscc, stratum: e.stratum });
    });
  }
  if (Date.parse(record.frozenAt) > Date.parse(record.drawnAt)) {
    found.push({ kind: 'frozenAfterDrawn', frozenAt: record.frozenAt, drawnAt: record.drawnAt });
  }

  const result = draw({ round: record.round, seed, sampleSize: record.sampleSize, pool: record.pool });
  if (result.poolHash !== record.poolHash) found.push({ kind: 'poolHash', recorded: record.poolHash, recomputed: result.poolHash });
  const strata = [...new Set([...Object.keys(record.quotas), ...Object.keys(result.quotas)])].sort(compareBytes);
  for (const h of strata) {
    const a = Object.hasOwn(record.quotas, h) ? record.quotas[h]! : null;
    const b = Object.hasOwn(result.quotas, h) ? result.quotas[h]! : null;
    if (a !== b) found.push({ kind: 'quota', stratum: h, recorded: a, recomputed: b });
  }
  found.push(...compareLists('sample', record.sample, result.sample));
  found.push(...compareLists('backups', record.backups, result.backups));
  found.push(...checkReplacements(record, result.backups, result.sample));
  return found.length === 0 ? { ok: true } : failed(found);
}
