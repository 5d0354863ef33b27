import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseReplacement, compareBytes, draw, normaliseSeed, poolHash, quotas, ticket } from './draw.ts';
import type { Backup, PoolEntry } from './draw.ts';

interface Vector {
  name: string;
  round: string;
  seed: string;
  sampleSize: number;
  pool: PoolEntry[];
  poolHash: string;
  quotas: Record<string, number>;
  sample: string[];
  firstTicket: string;
  backups: [string, number, string][];
}

const vectors = JSON.parse(readFileSync(new URL('../../test/fixtures/draw-vectors.json', import.meta.url), 'utf8')) as Vector[];
const vector = (name: string) => vectors.find((v) => v.name === name)!;

// ---- builders and arbitraries ----

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A deterministic, valid-looking uscc for index i. */
function makeUscc(i: number): string {
  let tail = '';
  for (let n = i, k = 0; k < 10; k++, n = Math.floor(n / USCC_CHARS.length)) tail = USCC_CHARS[n % USCC_CHARS.length] + tail;
  return `91429004${tail}`;
}
function makePool(sizes: Record<string, number>): PoolEntry[] {
  let i = 0;
  return Object.entries(sizes).flatMap(([stratum, size]) => Array.from({ length: size }, () => ({ uscc: makeUscc(i++ * 7919), stratum })));
}

const usccArb = fc.stringMatching(/^[0-9A-HJ-NP-RTUW-Y]{18}$/);
// strata whose UTF-16 order differs from their UTF-8 byte order ('😀' < '｡' in UTF-16, > in bytes)
const strataKeys = ['郑场镇', '三伏潭镇', '沙嘴街道', 'A', '😀', '｡'];
const poolArb = (opts: { stratified: boolean; minLength?: number; maxLength?: number }) =>
  fc.uniqueArray(usccArb, { minLength: opts.minLength ?? 0, maxLength: opts.maxLength ?? 60 }).chain((usccs) =>
    fc
      .array(opts.stratified ? fc.constantFrom(...strataKeys) : fc.constant(''), {
        minLength: usccs.length,
        maxLength: usccs.length,
      })
      .map((strata) => usccs.map((uscc, i) => ({ uscc, stratum: strata[i]! }))),
  );
const seedArb = fc.string({ minLength: 1, maxLength: 24 }).filter((s) => normaliseSeed(s) !== '');
const roundArb = fc.constantFrom('2026Q1', '2026Q2', '2027Q4');

// ---- test vectors ----

describe('draw-spec test vectors', () => {
  it.each(vectors.map((v) => [v.name, v] as const))('%s reproduces exactly', (_name, v) => {
    const result = draw({ round: v.round, seed: v.seed, sampleSize: v.sampleSize, pool: v.pool });
    expect(result.poolHash).toBe(v.poolHash);
    expect(poolHash(v.pool)).toBe(v.poolHash);
    expect(result.quotas).toEqual(v.quotas);
    expect(quotas(v.pool, v.sampleSize)).toEqual(v.quotas);
    expect(result.sample.map((s) => s.uscc)).toEqual(v.sample);
    expect(result.sample[0]?.ticket).toBe(v.firstTicket);
    expect(ticket(result.seed, v.round, v.sample[0]!)).toBe(v.firstTicket);
    expect(result.backups.map((b) => [b.stratum, b.order, b.uscc])).toEqual(v.backups);
  });

  it('v4 (full-width seed between ideographic spaces) gives exactly v1', () => {
    const v1 = vector('v1');
    const v4 = vector('v4');
    expect(v4.seed).not.toBe(v1.seed);
    expect(normaliseSeed(v4.seed)).toBe(v1.seed);
    expect(draw(v4)).toEqual(draw(v1));
  });

  it('v3 (n larger than the pool) samples everyone with no backups', () => {
    const v3 = vector('v3');
    const result = draw(v3);
    expect(result.sample).toHaveLength(v3.pool.length);
    expect(result.backups).toEqual([]);
  });
});

// ---- building blocks ----

describe('compareBytes', () => {
  it('orders by UTF-8 bytes, not UTF-16 code units', () => {
    expect('😀' < '｡').toBe(true); // UTF-16: D83D < FF61
    expect(compareBytes('😀', '｡')).toBeGreaterThan(0); // UTF-8: F0… > EF…
    expect(compareBytes('三伏潭镇', '郑场镇')).toBeLessThan(0);
    expect(compareBytes('A', 'AB')).toBeLessThan(0);
    expect(compareBytes('', 'A')).toBeLessThan(0);
    expect(compareBytes('沙嘴街道', '沙嘴街道')).toBe(0);
  });
});

describe('normaliseSeed', () => {
  it('applies NFKC then trims', () => {
    expect(normaliseSeed('　３１４　')).toBe('314');
    expect(normaliseSeed('  dice 6 2 4\n')).toBe('dice 6 2 4');
    expect(normaliseSeed('ｄｉｃｅ　６')).toBe('dice 6');
  });
});

describe('quotas (largest remainder)', () => {
  it('strata of 10 and 10 with n = 5 give 3 + 2, the extra seat to the first key in byte order', () => {
    expect(quotas(makePool({ B: 10, A: 10 }), 5)).toEqual({ A: 3, B: 2 });
    // UTF-16 order would give the seat to '😀'; byte order gives it to '｡'
    expect(quotas(makePool({ '😀': 10, '｡': 10 }), 5)).toEqual({ '｡': 3, '😀': 2 });
  });

  it('removing one member of the first stratum moves the seat (9 and 10 give 2 + 3)', () => {
    expect(quotas(makePool({ A: 9, B: 10 }), 5)).toEqual({ A: 2, B: 3 });
  });

  it('breaks equal remainders by the larger stratum first', () => {
    // 14, 8, 8 of 30 with n = 10: floors 4, 2, 2, all remainders 20/30; larger stratum, then byte order
    expect(quotas(makePool({ 郑场镇: 8, 沙嘴街道: 14, 三伏潭镇: 8 }), 10)).toEqual({ 沙嘴街道: 5, 三伏潭镇: 3, 郑场镇: 2 });
  });

  it('gives every stratum its whole size when n ≥ N, and handles an empty pool', () => {
    expect(quotas(makePool({ A: 2, B: 3 }), 5)).toEqual({ A: 2, B: 3 });
    expect(quotas(makePool({ A: 2, B: 3 }), 200)).toEqual({ A: 2, B: 3 });
    expect(quotas([], 200)).toEqual({});
  });

  it('rejects a sample size that is not a non-negative integer', () => {
    expect(() => quotas(makePool({ A: 3 }), -1)).toThrow(RangeError);
    expect(() => quotas(makePool({ A: 3 }), 1.5)).toThrow(RangeError);
  });
});

describe('draw input checks', () => {
  it('refuses a duplicate uscc and an empty seed', () => {
    const pool = makePool({ '': 3 });
    expect(() => draw({ round: 'R', seed: '1', sampleSize: 1, pool: [...pool, pool[0]!] })).toThrow(/duplicate/);
    expect(() => draw({ round: 'R', seed: ' 　', sampleSize: 1, pool })).toThrow(/seed/);
  });
});

// ---- properties ----

describe('draw properties', () => {
  const anyPool = fc.oneof(poolArb({ stratified: false }), poolArb({ stratified: true }));

  it('samples min(n, N); quotas sum to min(n, N), none above its stratum size; sample ∪ backups = pool', () => {
    fc.assert(
      fc.property(anyPool, fc.integer({ min: 0, max: 80 }), seedArb, roundArb, (pool, n, seed, round) => {
        const result = draw({ round, seed, sampleSize: n, pool });
        const expected = Math.min(n, pool.length);
        expect(result.sample).toHaveLength(expected);
        expect(Object.values(result.quotas).reduce((a, b) => a + b, 0)).toBe(expected);
        for (const [h, q] of Object.entries(result.quotas)) {
          expect(q).toBeLessThanOrEqual(pool.filter((e) => e.stratum === h).length);
          expect(result.sample.filter((s) => s.stratum === h)).toHaveLength(q);
        }
        const all = [...result.sample, ...result.backups].map((e) => e.uscc).sort();
        expect(all).toEqual(pool.map((e) => e.uscc).sort());
        // sample in ticket order; backups grouped by stratum (byte order), numbered 1.. in ticket order
        const tickets = result.sample.map((s) => s.ticket);
        expect(tickets).toEqual([...tickets].sort());
        result.backups.forEach((b, i) => {
          const prev = result.backups[i - 1];
          if (prev && prev.stratum === b.stratum) {
            expect(b.order).toBe(prev.order + 1);
            expect(prev.ticket < b.ticket).toBe(true);
          } else {
            expect(b.order).toBe(1);
            if (prev) expect(compareBytes(prev.stratum, b.stratum)).toBeLessThan(0);
          }
          // every sampled member of the stratum has an earlier ticket than any of its backups
          for (const s of result.sample) if (s.stratum === b.stratum) expect(s.ticket < b.ticket).toBe(true);
        });
      }),
    );
  });

  it('is deterministic, including under pool reordering', () => {
    fc.assert(
      fc.property(anyPool, fc.integer({ min: 0, max: 40 }), seedArb, roundArb, (pool, n, seed, round) => {
        const first = draw({ round, seed, sampleSize: n, pool });
        expect(draw({ round, seed, sampleSize: n, pool: structuredClone(pool) })).toEqual(first);
        expect(draw({ round, seed, sampleSize: n, pool: [...pool].reverse() })).toEqual(first);
      }),
    );
  });

  it('gives a different sample for a different seed (almost surely)', () => {
    // unstratified, N ≥ 10, 2 ≤ n < N/2: a repeat has probability ≤ 1/C(10,2) = 1/45 per case
    const cases = fc.sample(
      fc.record({
        pool: poolArb({ stratified: false, minLength: 10, maxLength: 60 }),
        a: seedArb,
        b: seedArb,
        fraction: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { numRuns: 200 },
    );
    let compared = 0;
    let differed = 0;
    for (const { pool, a, b, fraction } of cases) {
      if (normaliseSeed(a) === normaliseSeed(b)) continue;
      const n = 2 + Math.floor(fraction * (Math.ceil(pool.length / 2) - 3));
      const sampleOf = (seed: string) =>
        draw({ round: '2026Q1', seed, sampleSize: n, pool })
          .sample.map((s) => s.uscc)
          .sort()
          .join();
      compared += 1;
      if (sampleOf(a) !== sampleOf(b)) differed += 1;
    }
    expect(compared).toBeGreaterThan(150);
    expect(differed / compared).toBeGreaterThan(0.8);
  });

  it('consistency: removing a non-sampled enterprise leaves an unstratified sample unchanged', () => {
    fc.assert(
      fc.property(poolArb({ stratified: false, minLength: 2 }), fc.nat(), fc.nat(), seedArb, (pool, rawN, pick, seed) => {
        const n = 1 + (rawN % (pool.length - 1)); // n < N, so someone is not sampled
        const before = draw({ round: '2026Q1', seed, sampleSize: n, pool });
        const out = before.backups[pick % before.backups.length]!;
        const after = draw({ round: '2026Q1', seed, sampleSize: n, pool: pool.filter((e) => e.uscc !== out.uscc) });
        expect(after.sample).toEqual(before.sample);
      }),
    );
  });

  it('consistency: in a stratified round, removing a non-sampled enterprise keeps the sample when quotas stay', () => {
    let held = 0;
    fc.assert(
      fc.property(poolArb({ stratified: true, minLength: 2 }), fc.nat(), fc.nat(), seedArb, (pool, rawN, pick, seed) => {
        const n = 1 + (rawN % (pool.length - 1));
        const before = draw({ round: '2026Q1', seed, sampleSize: n, pool });
        const out = before.backups[pick % before.backups.length]!;
        const smaller = pool.filter((e) => e.uscc !== out.uscc);
        const same = Object.entries(before.quotas).every(([h, q]) => (quotas(smaller, n)[h] ?? 0) === q);
        fc.pre(same); // the remainder rule may move a seat between strata; hold quotas fixed
        held += 1;
        expect(draw({ round: '2026Q1', seed, sampleSize: n, pool: smaller }).sample).toEqual(before.sample);
      }),
      { numRuns: 200 },
    );
    expect(held).toBeGreaterThan(50);
  });

  it('a removal can move a seat between strata (the spec example), which is why quotas are held fixed', () => {
    const pool = makePool({ A: 10, B: 10 });
    const before = draw({ round: '2026Q1', seed: '42', sampleSize: 5, pool });
    const out = before.backups.find((b) => b.stratum === 'A')!;
    const after = draw({ round: '2026Q1', seed: '42', sampleSize: 5, pool: pool.filter((e) => e.uscc !== out.uscc) });
    expect(before.quotas).toEqual({ A: 3, B: 2 });
    expect(after.quotas).toEqual({ A: 2, B: 3 });
  });

  it('draws 200 of 10,000 (computing each ticket once)', () => {
    const pool = Array.from({ length: 10_000 }, (_, i) => ({ uscc: makeUscc(i), stratum: `镇${i % 17}` }));
    const result = draw({ round: '2026Q1', seed: '0123456789abcdef0123456789abcdef', sampleSize: 200, pool });
    expect(result.sample).toHaveLength(200);
    expect(result.backups).toHaveLength(9_800);
  });
});

// ---- replacements ----

describe('chooseReplacement', () => {
  const b = (uscc: string, stratum: string, order: number, t: string): Backup => ({
    uscc,
    stratum,
    order,
    ticket: t.padEnd(64, '0'),
  });
  const backups = [b('A1', 'A', 1, '5'), b('A2', 'A', 2, '6'), b('B1', 'B', 1, '3'), b('B2', 'B', 2, '9'), b('C1', 'C', 1, '4')];

  it('takes the lowest-numbered unused backup of the stratum', () => {
    expect(chooseReplacement({ out: 'X', stratum: 'A', backups, used: new Set() })?.uscc).toBe('A1');
    expect(chooseReplacement({ out: 'X', stratum: 'A', backups, used: new Set(['A1']) })?.uscc).toBe('A2');
    // order decides within the stratum, not the position in the list
    expect(chooseReplacement({ out: 'X', stratum: 'A', backups: [...backups].reverse(), used: new Set() })?.uscc).toBe('A1');
  });

  it('falls back to the unused backup with the smallest ticket in the whole pool', () => {
    expect(chooseReplacement({ out: 'X', stratum: 'A', backups, used: new Set(['A1', 'A2']) })?.uscc).toBe('B1');
    expect(chooseReplacement({ out: 'X', stratum: 'A', backups, used: new Set(['A1', 'A2', 'B1']) })?.uscc).toBe('C1');
    expect(chooseReplacement({ out: 'X', stratum: 'D', backups, used: new Set() })?.uscc).toBe('B1');
  });

  it('returns null when every backup is used', () => {
    const used = new Set(backups.map((x) => x.uscc));
    expect(chooseReplacement({ out: 'X', stratum: 'A', backups, used })).toBeNull();
    expect(chooseReplacement({ out: 'X', stratum: 'A', backups: [], used: new Set() })).toBeNull();
  });
});
