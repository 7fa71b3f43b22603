/** Edit distance between `a` and `b`, or `limit + 1` as soon as it is known to exceed `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
      rowMin = Math.min(rowMin, previous[j]!);
    }
    if (rowMin > limit) return limit + 1;
  }
  return previous[b.length]!;
}

/** The candidate nearest to a misspelt `word` (case-insensitive), or undefined when none is plausibly meant. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const wanted = word.toLowerCase();
  // More than a third of the word rewritten is a different word, not a typo.
  let limit = Math.max(2, Math.floor(wanted.length / 3));
  let best: string | undefined;
  for (const candidate of candidates) {
    const d = distance(wanted, candidate.toLowerCase(), limit);
    if (d <= limit && (best === undefined || d < limit)) {
      best = candidate;
      limit = d;
    }
  }
  return best;
}
