// The quarterly draw (抽签), version 1, exactly as in draw-spec.md: a consistent sampler.
// Every enterprise gets a ticket SHA-256(seed \n round \n uscc); within each stratum the smallest tickets
// are sampled (quotas by largest remainder) and the rest are that stratum's numbered backups.
// Pure: no I/O, no clock, no randomness; runs in Node and in the browser.
import { z } from 'zod';
import { sha256Hex } from './sha256.ts';

export interface PoolEntry {
  uscc: string;
  /** Stratum key (e.g. the township), or "" when the round is not stratified. */
  stratum: string;
}

export interface SampledEntry extends PoolEntry {
  /** 64 lower-case hex characters; smaller is earlier. */
  ticket: string;
}

export interface Backup extends SampledEntry {
  /** 1, 2, … in ticket order within the stratum. */
  order: number;
}

export interface DrawInput {
  round: string;
  seed: string;
  sampleSize: number;
  pool: PoolEntry[];
}

export interface DrawResult {
  /** The normalised seed (NFKC, trimmed). */
  seed: string;
  poolHash: string;
  quotas: Record<string, number>;
  /** Sampled entries in ticket order across the whole pool. */
  sample: SampledEntry[];
  /** Backups grouped by stratum (byte order of the key), then by order. */
  backups: Backup[];
}

const encoder = new TextEncoder();

/** Compares strings by the byte order of their UTF-8 encodings (not UTF-16 code units, not locale). */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  const length = Math.min(x.length, y.length);
  for (let i = 0; i < length; i++) {
    if (x[i] !== y[i]) return x[i]! - y[i]!;
  }
  return x.length - y.length;
}

/** NFKC (full-width digits and ideographic spaces become ASCII), then trimmed. */
export function normaliseSeed(seed: string): string {
  return seed.normalize('NFKC').trim();
}

/** SHA-256 of the entries sorted by uscc, each written as `uscc TAB stratum LF`. */
export function poolHash(pool: readonly PoolEntry[]): string {
  const lines = [...pool].sort((a, b) => compareBytes(a.uscc, b.uscc)).map((entry) => `${entry.uscc}\t${entry.stratum}\n`);
  return sha256Hex(lines.join(''));
}

/** The ticket of one enterprise; `seed` must already be normalised. */
export function ticket(seed: string, round: string, uscc: string): string {
  return sha256Hex(`${seed}\n${round}\n${uscc}`);
}

/** Earlier ticket first; the uscc breaks a (practically impossible) tie so the order is total. */
function byTicket(a: SampledEntry, b: SampledEntry): number {
  return a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : compareBytes(a.uscc, b.uscc);
}

function stratumSizes(pool: readonly PoolEntry[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const entry of pool) sizes.set(entry.stratum, (sizes.get(entry.stratum) ?? 0) + 1);
  return sizes;
}

function assertSampleSize(sampleSize: number): void {
  if (!Number.isSafeInteger(sampleSize) || sampleSize < 0) {
    throw new RangeError(`sampleSize must be a non-negative integer, got ${sampleSize}`);
  }
}

/**
 * Seats per stratum by largest remainder, in exact integer arithmetic. Every stratum of the pool has a
 * key (possibly 0); keys are inserted in byte order. The quotas sum to min(sampleSize, pool size).
 */
export function quotas(pool: readonly PoolEntry[], sampleSize: number): Record<string, number> {
  assertSampleSize(sampleSize);
  const sizes = stratumSizes(pool);
  const total = pool.length;
  const strata = [...sizes.keys()].sort(compareBytes);
  if (sampleSize >= total) return Object.fromEntries(strata.map((h) => [h, sizes.get(h)!]));

  const seats = strata.map((h) => {
    const size = sizes.get(h)!;
    const product = sampleSize * size;
    if (!Number.isSafeInteger(product)) throw new RangeError('pool too large for exact quota arithmetic');
    // the fractional part is remainder / total; all share the denominator, so compare remainders
    return { stratum: h, size, quota: Math.floor(product / total), remainder: product % total };
  });
  let left = sampleSize - seats.reduce((sum, s) => sum + s.quota, 0);
  const byRemainder = [...seats].sort((a, b) => b.remainder - a.remainder || b.size - a.size || compareBytes(a.stratum, b.stratum));
  for (const seat of byRemainder) {
    if (left === 0) break;
    seat.quota += 1;
    left -= 1;
  }
  // Object.fromEntries defines own properties, so even a stratum named "__proto__" is safe
  return Object.fromEntries(seats.map((s) => [s.stratum, s.quota]));
}

/** Runs the draw. Throws on a duplicate uscc, an empty seed or an invalid sample size. */
export function draw(input: DrawInput): DrawResult {
  const seed = normaliseSeed(input.seed);
  if (seed === '') throw new RangeError('the seed is empty after normalisation');
  assertSampleSize(input.sampleSize);

  const byStratum = new Map<string, SampledEntry[]>();
  const seen = new Set<string>();
  for (const { uscc, stratum } of input.pool) {
    if (seen.has(uscc)) throw new RangeError(`duplicate uscc in the pool: ${uscc}`);
    seen.add(uscc);
    const members = byStratum.get(stratum) ?? [];
    members.push({ uscc, stratum, ticket: ticket(seed, input.round, uscc) });
    byStratum.set(stratum, members);
  }

  const quota = quotas(input.pool, input.sampleSize);
  const sample: SampledEntry[] = [];
  const backups: Backup[] = [];
  for (const stratum of [...byStratum.keys()].sort(compareBytes)) {
    const members = byStratum.get(stratum)!.sort(byTicket);
    const q = quota[stratum] ?? 0;
    sample.push(...members.slice(0, q));
    members.slice(q).forEach((member, i) => backups.push({ ...member, order: i + 1 }));
  }
  sample.sort(byTicket);

  return { seed, poolHash: poolHash(input.pool), quotas: quota, sample, backups };
}

/**
 * The replacement for a sampled enterprise `out` of `stratum` that cannot take part: the lowest-numbered
 * backup of the stratum not in `used`; else the unused backup with the smallest ticket in the whole
 * pool; else null. `used` holds the backups already brought in.
 */
export function chooseReplacement(args: {
  out: string;
  stratum: string;
  backups: readonly Backup[];
  used: ReadonlySet<string>;
}): Backup | null {
  const unused = args.backups.filter((b) => !args.used.has(b.uscc) && b.uscc !== args.out);
  let best: Backup | null = null;
  for (const b of unused) {
    if (b.stratum === args.stratum && (best === null || b.order < best.order)) best = b;
  }
  if (best) return best;
  for (const b of unused) {
    if (best === null || byTicket(b, best) < 0) best = b;
  }
  return best;
}

// ---- The published record (draw-spec.md, version 1) ----

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex characters');
const uscc = z.string().regex(/^[0-9A-Z]{18}$/, 'must be an 18-character upper-case unified social credit code');
const isoTime = z.iso.datetime({ offset: true });
const poolEntrySchema = z.object({ uscc, stratum: z.string() });
const sampledEntrySchema = poolEntrySchema.extend({ ticket: hex64 });

export const drawRecordSchema = z.object({
  version: z.literal(1),
  round: z.string().min(1),
  poolHash: hex64,
  pool: z.array(poolEntrySchema),
  sampleSize: z.number().int().positive(),
  stratifiedBy: z.string().min(1).nullable(),
  seed: z.string().min(1),
  seedSource: z.enum(['ceremony', 'server']),
  frozenAt: isoTime,
  drawnAt: isoTime,
  quotas: z.record(z.string(), z.number().int().nonnegative()),
  sample: z.array(sampledEntrySchema),
  backups: z.array(sampledEntrySchema.extend({ order: z.number().int().positive() })),
  replacements: z.array(z.object({ out: uscc, in: uscc, reason: z.string().min(1), at: isoTime })),
});

export type DrawRecord = z.infer<typeof drawRecordSchema>;
export type Replacement = DrawRecord['replacements'][number];
