// Identical comments read once, with how many enterprises wrote them ("×22"): a head reading 22 copies
// of "多次跑腿才办成" learns nothing more from the 22nd, but needs to know there were 22.

export interface CommentGroup {
  text: string;
  count: number;
}

/** Same text up to surrounding and repeated white space; most frequent first, then in the given order. */
export function groupComments(texts: readonly string[]): CommentGroup[] {
  const groups = new Map<string, CommentGroup>();
  for (const raw of texts) {
    const key = raw.trim().replace(/\s+/g, ' ');
    if (!key) continue;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { text: raw.trim(), count: 1 });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}
