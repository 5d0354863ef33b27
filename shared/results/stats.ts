// Small, dependency-free statistics for the results page: normal and Student t quantiles, and a
// seeded PRNG for the rank simulation. Pure functions, no I/O: this file is bundled for the browser too.

// Normal quantile: Wichura's algorithm AS 241 (PPND16), Applied Statistics 37(3), 1988; about 1e-16
// relative accuracy.
const A = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457, 67265.770927008700853,
  33430.575583588128105, 2509.0809287301226727,
] as const;
const B = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061, 28729.085735721942674,
  5226.495278852854561,
] as const;
const C = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258,
  0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
] as const;
const D = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459, 0.0151986665636164571966,
  5.475938084995344946e-4, 1.05075007164441684324e-9,
] as const;
const E = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093,
  0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
] as const;
const F = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4, 1.8463183175100546818e-5,
  1.4215117583164458887e-7, 2.04426310338993978564e-15,
] as const;

function poly(c: readonly number[], x: number): number {
  let v = 0;
  for (let i = c.length - 1; i >= 0; i--) v = v * x + c[i]!;
  return v;
}

/** Standard normal quantile Φ⁻¹(p) for 0 < p < 1 (AS 241). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must be in (0, 1), got ${p}`);
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(A, r)) / poly(B, r);
  }
  const r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  const v = r <= 5 ? poly(C, r - 1.6) / poly(D, r - 1.6) : poly(E, r - 5) / poly(F, r - 5);
  return q < 0 ? -v : v;
}

function assertIntegerDf(df: number, fn: string): void {
  if (!(Number.isInteger(df) && df >= 1)) {
    throw new RangeError(`${fn}: df must be a positive integer, got ${df}`);
  }
}

/**
 * Student t distribution function P(T ≤ t) for a positive integer number of degrees of freedom,
 * from the exact finite series in θ = atan(t/√df) (Abramowitz & Stegun 26.7.3/26.7.4).
 */
export function studentTCdf(t: number, df: number): number {
  assertIntegerDf(df, 'studentTCdf');
  if (Number.isNaN(t)) return NaN;
  if (t < 0) return 1 - studentTCdf(-t, df);
  if (t === Infinity) return 1;
  const theta = Math.atan(t / Math.sqrt(df));
  const s = Math.sin(theta);
  const c = Math.cos(theta);
  const c2 = c * c;
  let a: number;
  if (df % 2 === 1) {
    let sum = 0;
    if (df >= 3) {
      let term = 1;
      sum = 1;
      for (let k = 1; k <= (df - 3) / 2; k++) {
        term *= (c2 * (2 * k)) / (2 * k + 1);
        sum += term;
      }
    }
    a = (2 / Math.PI) * (theta + s * c * sum);
  } else {
    let term = 1;
    let sum = 1;
    for (let k = 1; k <= (df - 2) / 2; k++) {
      term *= (c2 * (2 * k - 1)) / (2 * k);
      sum += term;
    }
    a = s * sum;
  }
  return 0.5 + 0.5 * a;
}

/** Student t density for a positive integer df. */
function studentTPdf(t: number, df: number): number {
  // Γ((df+1)/2) / Γ(df/2) by the recurrence R(ν+2) = R(ν)·(ν+1)/ν from R(1) = 1/√π, R(2) = √π/2.
  let r = df % 2 === 1 ? 1 / Math.sqrt(Math.PI) : Math.sqrt(Math.PI) / 2;
  for (let v = df % 2 === 1 ? 1 : 2; v < df; v += 2) r *= (v + 1) / v;
  return (r / Math.sqrt(df * Math.PI)) * Math.pow(1 + (t * t) / df, -(df + 1) / 2);
}

/**
 * Student t quantile: the t with P(T ≤ t) = p for df degrees of freedom (positive integer, or Infinity
 * for the normal limit). Exact closed forms for df 1 and 2; otherwise a Cornish-Fisher start
 * (A&S 26.7.5) polished by safeguarded Newton steps on the exact distribution function. For
 * df > 1000 the Cornish-Fisher expansion alone is accurate to ~1e-12 and is returned as is.
 * Examples: tQuantile(0.975, 1) = 12.7062, df 5 → 2.5706, df 10 → 2.2281, df 30 → 2.0423.
 */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`tQuantile: p must be in (0, 1), got ${p}`);
  if (df !== Infinity) assertIntegerDf(df, 'tQuantile');
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  const z = normalQuantile(p);
  if (df === Infinity) return z;
  const z2 = z * z;
  const g1 = ((z2 + 1) * z) / 4;
  const g2 = (((5 * z2 + 16) * z2 + 3) * z) / 96;
  const g3 = ((((3 * z2 + 19) * z2 + 17) * z2 - 15) * z) / 384;
  const g4 = (((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z) / 92160;
  let x = z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
  if (df > 1000) return x;
  // Newton on F(x) - p, kept inside a bracket [lo, hi] that always contains the root.
  let lo = 0;
  let hi = Infinity;
  for (let i = 0; i < 100; i++) {
    const diff = studentTCdf(x, df) - p;
    if (diff === 0) return x;
    if (diff < 0) lo = x;
    else hi = x;
    let next = x - diff / studentTPdf(x, df);
    if (!(next > lo && next < hi)) next = hi === Infinity ? 2 * x + 1 : (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * x) return next;
    x = next;
  }
  return x;
}

/**
 * 128-bit seed from a string (cyrb128-style mixing of its UTF-16 code units). Deterministic on every
 * JavaScript engine; not a cryptographic hash.
 */
export function hashSeed(seed: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * A seeded uniform generator on the open interval (0, 1): xoshiro128** (Blackman & Vigna) seeded
 * with hashSeed(seed). Same seed, same sequence, on every engine (integer arithmetic only).
 */
export function seededUniform(seed: string): () => number {
  let [s0, s1, s2, s3] = hashSeed(seed);
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is a fixed point
  return () => {
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return (result + 0.5) / 4294967296;
  };
}

/**
 * A seeded standard normal generator: Box-Muller on seededUniform(seed), both variates of each pair
 * used. Reproducible for a given seed on a given engine (Math.log/cos/sin are not bit-specified by
 * ECMAScript, so engines may differ in the last bit).
 */
export function seededNormal(seed: string): () => number {
  const uniform = seededUniform(seed);
  let spare = 0;
  let hasSpare = false;
  return () => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const theta = 2 * Math.PI * uniform();
    spare = r * Math.sin(theta);
    hasSpare = true;
    return r * Math.cos(theta);
  };
}
