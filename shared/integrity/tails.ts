// Tail probabilities for the integrity signals ("how likely is this much by chance?"): binomial and
// Poisson, computed in log space so that 0.6^10000 does not underflow to a wrong 0 mid-sum.

// Lanczos approximation (g = 7, n = 9), about 15 significant digits for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma: x must be positive, got ${x}`);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

const logChoose = (n: number, k: number) => logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);

function binomialLogPmf(k: number, n: number, p: number): number {
  if (p === 0) return k === 0 ? 0 : -Infinity;
  if (p === 1) return k === n ? 0 : -Infinity;
  return logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

function checkBinomial(k: number, n: number, p: number, fn: string) {
  if (!(Number.isInteger(n) && n >= 0 && Number.isInteger(k))) throw new RangeError(`${fn}: n and k must be integers (n ≥ 0)`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${fn}: p must be in [0, 1], got ${p}`);
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/** P(X ≥ k) for X ~ Binomial(n, p). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  checkBinomial(k, n, p, 'binomialUpperTail');
  if (k <= 0) return 1;
  if (k > n) return 0;
  let sum = 0;
  for (let i = k; i <= n; i++) sum += Math.exp(binomialLogPmf(i, n, p));
  return clamp01(sum);
}

/** P(X ≤ k) for X ~ Binomial(n, p). */
export function binomialLowerTail(k: number, n: number, p: number): number {
  checkBinomial(k, n, p, 'binomialLowerTail');
  if (k < 0) return 0;
  if (k >= n) return 1;
  let sum = 0;
  for (let i = 0; i <= k; i++) sum += Math.exp(binomialLogPmf(i, n, p));
  return clamp01(sum);
}

/** P(X ≥ k) for X ~ Poisson(λ). Summed upward from k: exact where it matters, for small tails. */
export function poissonUpperTail(k: number, lambda: number): number {
  if (!(Number.isInteger(k) && lambda >= 0)) throw new RangeError('poissonUpperTail: k must be an integer and λ ≥ 0');
  if (k <= 0) return 1;
  if (lambda === 0) return 0;
  let log = -lambda + k * Math.log(lambda) - logGamma(k + 1);
  let sum = 0;
  for (let i = k; i < k + 10_000; i++) {
    const term = Math.exp(log);
    sum += term;
    if (i > lambda && term < sum * 1e-17) break;
    log += Math.log(lambda) - Math.log(i + 1);
  }
  return clamp01(sum);
}
