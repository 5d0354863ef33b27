// Axis ticks people read easily: steps of 1, 2, 2.5 or 5 times a power of ten.

/** A "nice" step giving about `count` intervals over `span` (1 for an empty span). */
export function niceStep(span: number, count = 5): number {
  if (!(span > 0) || !(count > 0)) return 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const factor = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 2.5 ? 2.5 : residual <= 5 ? 5 : 10;
  return factor * magnitude;
}

/** The range rounded out to whole steps, clamped to [min, max], and the ticks within it. */
export function niceTicks(
  lo: number,
  hi: number,
  opts: { count?: number; min?: number; max?: number } = {},
): { domain: [number, number]; ticks: number[] } {
  const step = niceStep(hi - lo, opts.count);
  const from = Math.max(opts.min ?? -Infinity, Math.floor(lo / step) * step);
  const to = Math.min(opts.max ?? Infinity, Math.ceil(hi / step) * step);
  const ticks: number[] = [];
  for (let k = Math.ceil(from / step); k * step <= to + 1e-9; k++) ticks.push(Number((k * step).toFixed(10)));
  if (ticks[0] !== from) ticks.unshift(from);
  if (ticks[ticks.length - 1] !== to) ticks.push(to);
  return { domain: [from, to], ticks };
}

/** Rank axis ticks: first and last rank, and round numbers between (not within half a step of either end). */
export function rankTicks(maxRank: number, count = 6): number[] {
  if (maxRank <= 1) return [1];
  const step = Math.max(1, niceStep(maxRank - 1, count));
  const ticks = [1];
  for (let r = step; r < maxRank; r += step) if (r - 1 > step / 2 && maxRank - r > step / 2) ticks.push(r);
  ticks.push(maxRank);
  return ticks;
}
