/**
 * A tiny deterministic PRNG for demo data (not for the draw, which has its own published algorithm,
 * and never for anything secret). mulberry32 seeded with a 32-bit FNV-1a hash of the seed string.
 * Browser-safe.
 */

export type Rng = () => number;

/** 32-bit FNV-1a over the UTF-16 code units of `s`. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A generator of floats in [0, 1), fully determined by `seed`. */
export function makeRng(seed: string): Rng {
  let a = hashString(seed);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [min, max] inclusive. */
export function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** A uniformly chosen element; throws on an empty list. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError('pick from an empty list');
  return items[Math.floor(rng() * items.length)] as T;
}

/** An element chosen with probability proportional to `weight(item)` (non-negative, not all zero). */
export function pickWeighted<T>(rng: Rng, items: readonly T[], weight: (item: T) => number): T {
  let total = 0;
  for (const it of items) total += Math.max(0, weight(it));
  if (!(total > 0)) throw new RangeError('pickWeighted needs a positive total weight');
  let r = rng() * total;
  for (const it of items) {
    r -= Math.max(0, weight(it));
    if (r < 0) return it;
  }
  return items[items.length - 1] as T;
}
