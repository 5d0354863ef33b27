// Re-runs a published draw record (draw-spec.md) and says, line by line, what does not reproduce.
import { chooseReplacement, compareBytes, draw, normaliseSeed } from './draw.ts';
import type { Backup, DrawRecord, SampledEntry } from './draw.ts';

export type VerifyResult = { ok: true } | { ok: false; differences: string[] };

function describeEntry(entry: SampledEntry | Backup | undefined): string {
  if (!entry) return 'nothing';
  const order = 'order' in entry ? `, order ${entry.order}` : '';
  return `${entry.uscc} (stratum ${JSON.stringify(entry.stratum)}${order}, ticket ${entry.ticket})`;
}

function sameEntry(a: SampledEntry | Backup, b: SampledEntry | Backup): boolean {
  const order = (e: SampledEntry | Backup) => ('order' in e ? e.order : undefined);
  return a.uscc === b.uscc && a.stratum === b.stratum && a.ticket === b.ticket && order(a) === order(b);
}

function compareLists(name: string, recorded: readonly SampledEntry[], recomputed: readonly SampledEntry[]): string[] {
  const lines: string[] = [];
  if (recorded.length !== recomputed.length) {
    lines.push(`${name}: record has ${recorded.length} entries, recomputed ${recomputed.length}`);
  }
  for (let i = 0; i < Math.max(recorded.length, recomputed.length); i++) {
    const a = recorded[i];
    const b = recomputed[i];
    if (a && b && sameEntry(a, b)) continue;
    lines.push(`${name}[${i}]: record has ${describeEntry(a)}, recomputed ${describeEntry(b)}`);
  }
  return lines;
}

/** Duplicate usccs in the pool, each with its count. */
function duplicates(record: DrawRecord): string[] {
  const counts = new Map<string, number>();
  for (const { uscc } of record.pool) counts.set(uscc, (counts.get(uscc) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([uscc, n]) => `pool: uscc ${uscc} appears ${n} times`);
}

/** Replays the replacements in record order against the rule of draw-spec.md. */
function checkReplacements(record: DrawRecord, backups: readonly Backup[], sample: readonly SampledEntry[]): string[] {
  const lines: string[] = [];
  const stratumOf = new Map(record.pool.map((e) => [e.uscc, e.stratum]));
  const backupUsccs = new Set(backups.map((b) => b.uscc));
  const active = new Set(sample.map((s) => s.uscc)); // who currently takes part
  const used = new Set<string>(); // backups already brought in
  record.replacements.forEach((r, i) => {
    const where = `replacements[${i}] (${r.out} → ${r.in})`;
    const stratum = stratumOf.get(r.out);
    if (stratum === undefined) {
      lines.push(`${where}: out ${r.out} is not in the pool`);
    } else if (!active.has(r.out)) {
      lines.push(`${where}: out ${r.out} is not taking part at that point (not sampled, or already replaced)`);
    }
    if (!backupUsccs.has(r.in)) {
      lines.push(`${where}: in ${r.in} is not a backup of this draw`);
    } else if (used.has(r.in)) {
      lines.push(`${where}: in ${r.in} was already brought in by an earlier replacement`);
    } else if (stratum !== undefined && active.has(r.out)) {
      const expected = chooseReplacement({ out: r.out, stratum, backups, used });
      if (expected && expected.uscc !== r.in) {
        lines.push(`${where}: the rule gives ${describeEntry(expected)}, record has ${r.in}`);
      }
    }
    active.delete(r.out);
    active.add(r.in);
    used.add(r.in);
  });
  return lines;
}

/**
 * Recomputes pool hash, tickets, quotas, sample and backups from the record's pool, seed, round and
 * sample size, and checks the seed is normalised and every replacement follows the backup rule.
 */
export function verifyRecord(record: DrawRecord): VerifyResult {
  const differences: string[] = [];
  const seed = normaliseSeed(record.seed);
  if (seed !== record.seed) {
    differences.push(`seed: record has ${JSON.stringify(record.seed)}, normalised ${JSON.stringify(seed)}`);
  }
  if (seed === '') return { ok: false, differences: [...differences, 'seed: empty after normalisation'] };
  const dups = duplicates(record);
  if (dups.length > 0) return { ok: false, differences: [...differences, ...dups] };
  if (record.stratifiedBy === null) {
    record.pool.forEach((e, i) => {
      if (e.stratum !== '') {
        differences.push(`pool[${i}]: ${e.uscc} has stratum ${JSON.stringify(e.stratum)} but stratifiedBy is null`);
      }
    });
  }
  if (Date.parse(record.frozenAt) > Date.parse(record.drawnAt)) {
    differences.push(`frozenAt ${record.frozenAt} is after drawnAt ${record.drawnAt}: the pool must be frozen first`);
  }

  const result = draw({ round: record.round, seed, sampleSize: record.sampleSize, pool: record.pool });
  if (result.poolHash !== record.poolHash) {
    differences.push(`poolHash: record has ${record.poolHash}, recomputed ${result.poolHash}`);
  }
  const strata = [...new Set([...Object.keys(record.quotas), ...Object.keys(result.quotas)])].sort(compareBytes);
  for (const h of strata) {
    const a = Object.hasOwn(record.quotas, h) ? record.quotas[h] : undefined;
    const b = Object.hasOwn(result.quotas, h) ? result.quotas[h] : undefined;
    if (a !== b) {
      differences.push(`quotas[${JSON.stringify(h)}]: record has ${a ?? 'none'}, recomputed ${b ?? 'none'}`);
    }
  }
  differences.push(...compareLists('sample', record.sample, result.sample));
  differences.push(...compareLists('backups', record.backups, result.backups));
  differences.push(...checkReplacements(record, result.backups, result.sample));
  return differences.length === 0 ? { ok: true } : { ok: false, differences };
}
