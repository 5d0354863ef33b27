/** Spearman's rank correlation between two orderings of the same items (ranks 0…n-1, no ties). */
export function spearman(a: number[], b: number[]) {
  const n = a.length;
  const d2 = a.reduce((s, x, i) => s + (x - b[i]!) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}
