/** What relatedness needs from an article. */
export type Relatable = { documentId: string; publishedAt: Date; skills: { documentId: string }[] };

/**
 * Prepares "related articles" for every article of a build: for each, the `count` articles that
 * share the most skills with it (ties: newest first, then the order given); none share nothing.
 * An index from skill to articles and one reused counter array keep this near-linear; comparing
 * every pair of articles took a third of a 10,000-article build.
 */
export function relatedFinder<T extends Relatable>(articles: T[], count: number): (article: T) => T[] {
  const order = articles.map((_, i) => i).sort((a, b) => articles[b]!.publishedAt.getTime() - articles[a]!.publishedAt.getTime() || a - b);
  // rank 0 is the newest article; every comparison below is on ranks.
  const byRank = order.map((i) => articles[i]!);
  const rankOf = new Map(byRank.map((a, rank) => [a.documentId, rank]));
  const bySkill = new Map<string, number[]>();
  byRank.forEach((a, rank) => {
    for (const id of new Set(a.skills.map((s) => s.documentId))) {
      const ranks = bySkill.get(id) ?? [];
      ranks.push(rank);
      bySkill.set(id, ranks);
    }
  });
  const shared = new Uint16Array(byRank.length);

  return (article) => {
    const self = rankOf.get(article.documentId);
    const touched: number[] = [];
    for (const id of new Set(article.skills.map((s) => s.documentId))) {
      for (const rank of bySkill.get(id) ?? []) {
        if (rank === self) continue;
        if (shared[rank] === 0) touched.push(rank);
        shared[rank] = shared[rank]! + 1;
      }
    }
    // Keep the best `count` in order: more shared skills first, then the lower (newer) rank.
    const best: number[] = [];
    const better = (a: number, b: number) => shared[a]! > shared[b]! || (shared[a] === shared[b] && a < b);
    for (const rank of touched) {
      if (best.length === count && !better(rank, best[count - 1]!)) continue;
      let at = best.length;
      while (at > 0 && better(rank, best[at - 1]!)) at--;
      best.splice(at, 0, rank);
      if (best.length > count) best.pop();
    }
    const result = best.map((rank) => byRank[rank]!);
    for (const rank of touched) shared[rank] = 0;
    return result;
  };
}
