/** What relatedness needs from an article. */
export type Relatable = { documentId: string; skills: { documentId: string }[] };

/** FNV-1a: a 32-bit hash of a documentId, computed once per article. */
function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Murmur3's finaliser over the two ids' hashes: a well-spread order per pair (article, candidate). */
function pairHash(article: number, candidate: number): number {
  let h = (article ^ Math.imul(candidate, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Prepares "related articles" for every article of a build: for each, the `count` articles that
 * share the most skills with it; none share nothing. Ties go by a pseudo-random order fixed per
 * pair of documentIds (then by documentId), not by date: "newest first" made every article point
 * at the same few newest ones, so a new or retitled article entered hundreds of related blocks,
 * each a page to rebuild. Per pair, a new article enters only the lists where it wins.
 * An index from skill to articles and one reused counter array keep this near-linear; comparing
 * every pair of articles grows with the square of the site and dominated large builds.
 */
export function relatedFinder<T extends Relatable>(articles: T[], count: number): (article: T) => T[] {
  const hashes = Uint32Array.from(articles, (a) => hashId(a.documentId));
  const indexOf = new Map(articles.map((a, i) => [a.documentId, i]));
  const bySkill = new Map<string, number[]>();
  articles.forEach((a, i) => {
    for (const id of new Set(a.skills.map((s) => s.documentId))) {
      const indexes = bySkill.get(id) ?? [];
      indexes.push(i);
      bySkill.set(id, indexes);
    }
  });
  const shared = new Uint16Array(articles.length);
  const tie = new Uint32Array(articles.length);

  return (article) => {
    const self = indexOf.get(article.documentId);
    const own = hashId(article.documentId);
    const touched: number[] = [];
    for (const id of new Set(article.skills.map((s) => s.documentId))) {
      for (const i of bySkill.get(id) ?? []) {
        if (i === self) continue;
        if (shared[i] === 0) {
          touched.push(i);
          tie[i] = pairHash(own, hashes[i]!);
        }
        shared[i] = shared[i]! + 1;
      }
    }
    // Keep the best `count` in order: more shared skills first, then the pair's order.
    const best: number[] = [];
    const better = (a: number, b: number) =>
      shared[a]! !== shared[b]!
        ? shared[a]! > shared[b]!
        : tie[a] !== tie[b]
          ? tie[a]! < tie[b]!
          : articles[a]!.documentId < articles[b]!.documentId;
    for (const i of touched) {
      if (best.length === count && !better(i, best[count - 1]!)) continue;
      let at = best.length;
      while (at > 0 && better(i, best[at - 1]!)) at--;
      best.splice(at, 0, i);
      if (best.length > count) best.pop();
    }
    const result = best.map((i) => articles[i]!);
    for (const i of touched) shared[i] = 0;
    return result;
  };
}

/** The order `relatedFinder` breaks ties by, for tests that state the definition the slow way. */
export const tieOrder = (article: string, candidate: string) => pairHash(hashId(article), hashId(candidate));
