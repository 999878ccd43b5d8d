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

/** Largest group of shared skills indexed: articles rarely have more, and each size costs memory. */
const MAX_GROUP = 3;

/** Every `size`-subset of the ascending `skills`, as one number per subset (base `base` digits). */
function subsetKeys(skills: number[], size: number, base: number, visit: (key: number) => void, from = 0, key = 0): void {
  if (size === 0) {
    visit(key);
    return;
  }
  for (let i = from; i <= skills.length - size; i++) subsetKeys(skills, size - 1, base, visit, i + 1, key * base + skills[i]! + 1);
}

/**
 * Prepares "related articles" for every article of a build: for each, the `count` articles that
 * share the most skills with it; none share nothing. Ties go by a pseudo-random order fixed per
 * pair of documentIds (then by documentId), not by date: "newest first" made every article point
 * at the same few newest ones, so a new or retitled article entered hundreds of related blocks,
 * each a page to rebuild. Per pair, a new article enters only the lists where it wins.
 * Articles are indexed by each group of up to three of their skills. A list is looked up first
 * among the articles sharing a whole group of the largest size: when at least `count` do, no
 * article sharing fewer skills can outrank them, so the many articles sharing one skill are never
 * read. Scanning every article that shares any skill made a full build grow with the square of
 * the site.
 */
export function relatedFinder<T extends Relatable>(articles: T[], count: number): (article: T) => T[] {
  const hashes = Uint32Array.from(articles, (a) => hashId(a.documentId));
  const indexOf = new Map(articles.map((a, i) => [a.documentId, i]));
  const skillNumber = new Map<string, number>();
  const skillsOf = articles.map((a) => {
    const numbers = new Set<number>();
    for (const s of a.skills) {
      if (!skillNumber.has(s.documentId)) skillNumber.set(s.documentId, skillNumber.size);
      numbers.add(skillNumber.get(s.documentId)!);
    }
    return [...numbers].sort((x, y) => x - y);
  });
  const base = skillNumber.size + 1;
  // Members' hashes sit beside their indexes: reading them in order, not by index over the whole
  // site, keeps a lookup in the CPU's cache.
  const groups = Array.from({ length: MAX_GROUP + 1 }, () => new Map<number, { members: number[]; hashes: number[] }>());
  skillsOf.forEach((skills, i) => {
    for (let size = 1; size <= Math.min(MAX_GROUP, skills.length); size++)
      subsetKeys(skills, size, base, (key) => {
        let group = groups[size]!.get(key);
        if (!group) {
          group = { members: [], hashes: [] };
          groups[size]!.set(key, group);
        }
        group.members.push(i);
        group.hashes.push(hashes[i]!);
      });
  });
  const mine = new Uint8Array(base);
  const seen = new Uint32Array(articles.length);
  let stamp = 0;

  return (article) => {
    const self = indexOf.get(article.documentId) ?? -1;
    const own = hashId(article.documentId);
    const skills = [...new Set(article.skills.map((s) => skillNumber.get(s.documentId)).filter((n) => n !== undefined))].sort(
      (x, y) => x - y,
    );
    // The best `count` so far, in order: more shared skills first, then the pair's order.
    const best: { i: number; shared: number; tie: number }[] = [];
    const offer = (i: number, shared: number, tie: number) => {
      const beats = (b: (typeof best)[number]) =>
        shared !== b.shared ? shared > b.shared : tie !== b.tie ? tie < b.tie : articles[i]!.documentId < articles[b.i]!.documentId;
      if (best.length === count && !beats(best[count - 1]!)) return;
      let at = best.length;
      while (at > 0 && beats(best[at - 1]!)) at--;
      best.splice(at, 0, { i, shared, tie });
      if (best.length > count) best.pop();
    };
    for (const n of skills) mine[n] = 1;
    for (let size = Math.min(MAX_GROUP, skills.length); size >= 1; size--) {
      // A group of all the article's skills: its members share exactly those, each once.
      const whole = size === skills.length;
      let found = 0;
      stamp++;
      best.length = 0;
      subsetKeys(skills, size, base, (key) => {
        const group = groups[size]!.get(key);
        if (!group) return;
        for (let j = 0; j < group.members.length; j++) {
          const i = group.members[j]!;
          if (i === self) continue;
          let shared = size;
          if (!whole) {
            if (seen[i] === stamp) continue;
            seen[i] = stamp;
            shared = 0;
            for (const n of skillsOf[i]!) shared += mine[n]!;
          }
          found++;
          offer(i, shared, pairHash(own, group.hashes[j]!));
        }
      });
      if (found >= count) break;
    }
    for (const n of skills) mine[n] = 0;
    return best.map((e) => articles[e.i]!);
  };
}

/** The order `relatedFinder` breaks ties by, for tests that state the definition the slow way. */
export const tieOrder = (article: string, candidate: string) => pairHash(hashId(article), hashId(candidate));

/** How many distinct skills two articles share. */
const sharedSkills = (a: Relatable, b: Relatable) => {
  const mine = new Set(a.skills.map((s) => s.documentId));
  return new Set(b.skills.map((s) => s.documentId).filter((id) => mine.has(id))).size;
};

/**
 * Whether `candidate` ranks above `other` in `article`'s related list, by the order relatedFinder
 * keeps: more shared skills, then the pair's order, then documentId. For one pair at a time
 * (an incremental build asks it per change), where relatedFinder ranks whole lists.
 */
export function outranks(article: Relatable, candidate: Relatable, other: Relatable): boolean {
  const a = sharedSkills(article, candidate);
  const b = sharedSkills(article, other);
  if (a !== b) return a > b;
  const ta = tieOrder(article.documentId, candidate.documentId);
  const tb = tieOrder(article.documentId, other.documentId);
  return ta !== tb ? ta < tb : candidate.documentId < other.documentId;
}
