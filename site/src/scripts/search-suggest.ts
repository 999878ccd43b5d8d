/** Words a query is made of: lower case, split at spaces, stop words dropped, at most eight. */
export function queryWords(q: string, stopWords: readonly string[]): string[] {
  const stop = new Set(stopWords);
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w && !stop.has(w))
    .slice(0, 8);
}

/** Edit distance with adjacent swaps counted once (optimal string alignment), giving up past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
    }
    if (Math.min(...row) > max) return max + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length]!;
}

/** Typos a word may have, as Meilisearch allows them: none under 4 letters, one under 8, else two. */
const typosAllowed = (word: string) => (word.length < 4 ? 0 : word.length < 8 ? 1 : 2);

/**
 * The term closest to `word` within the typos its length allows (ties: the first term), or null.
 * Terms of several words ("full stack") count as one string, so "fullstak" finds "fullstack" and
 * "ful stack" is not split.
 */
export function closestTerm(word: string, terms: readonly string[]): string | null {
  const max = typosAllowed(word);
  let best: string | null = null;
  let bestDistance = max + 1;
  for (const term of terms) {
    const d = editDistance(word, term, max);
    if (d > 0 && d < bestDistance) {
      best = term;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Queries to suggest after `words` found nothing, given how many results each word finds alone:
 * `corrected` replaces every word that finds nothing by the closest term (dropping it when none is
 * close), `reduced` just drops those words. Null where it would be empty or the same query.
 */
export function suggestQueries(
  words: readonly string[],
  counts: readonly number[],
  terms: readonly string[],
): { corrected: string | null; reduced: string | null } {
  const found = words.filter((_, i) => (counts[i] ?? 0) > 0);
  const fixed = words.map((w, i) => ((counts[i] ?? 0) > 0 ? w : closestTerm(w, terms)));
  const join = (list: (string | null)[]) => list.filter(Boolean).join(' ');
  const corrected = fixed.some((w, i) => w !== null && w !== words[i]) ? join(fixed) : '';
  const reduced = found.length < words.length ? join(found) : '';
  return { corrected: corrected || null, reduced: reduced && reduced !== corrected ? reduced : null };
}
