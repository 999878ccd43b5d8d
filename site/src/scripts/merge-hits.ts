import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from '@stackguide/contracts/search-queries';

/** What the merge reads of a hit: its ranking score and the highlighted name (a page) or title (an article). */
type Ranked = { _rankingScore?: unknown; _formatted?: { name?: unknown; title?: unknown } };

const score = (hit: Ranked) => (typeof hit._rankingScore === 'number' ? hit._rankingScore : 0);

/**
 * The words of a formatted string, lower case, each marked when Meilisearch highlighted any of it
 * (a typo, a synonym, or the prefix a visitor is still typing).
 */
function markedWords(formatted: unknown): { word: string; marked: boolean }[] {
  const words: { word: string; marked: boolean }[] = [];
  let open = false;
  let word = '';
  let marked = false;
  for (const ch of `${typeof formatted === 'string' ? formatted : ''} `) {
    if (ch === HIGHLIGHT_PRE || ch === HIGHLIGHT_POST) open = ch === HIGHLIGHT_PRE;
    else if (/[\p{L}\p{N}]/u.test(ch)) {
      word += ch.toLowerCase();
      marked ||= open;
    } else if (word) {
      words.push({ word, marked });
      word = '';
      marked = false;
    }
  }
  return words;
}

/**
 * The length in words of the name a page hit carries when the query names it: every word of its name,
 * stop words aside, matched, or every word of the alias in its name's parentheses ("Version control
 * (Git)"). Zero when the query does not name it.
 */
function namedLength(page: Ranked, stopWords: ReadonlySet<string>): number {
  const name = page._formatted?.name;
  const [main = '', alias = ''] = typeof name === 'string' ? name.split('(') : [];
  for (const form of [main, alias]) {
    const words = markedWords(form);
    const meant = words.filter(({ word }) => !stopWords.has(word));
    if (meant.length > 0 && meant.every(({ marked }) => marked)) return words.length;
  }
  return 0;
}

/**
 * Article hits and page hits as one list. By ranking score first, as Meilisearch's federated search
 * merges its queries, each keeping its own order; a tie goes to the page, named what the query says
 * where an article only lists it. Scores of differently ranked indexes compare loosely, so a page the
 * query names (its whole name matched: "docker", "frontend developer role") then goes first, unless
 * an article's title is itself all in the query and says more of it than the name ("what does a
 * backend developer do" is that article's title, where "backend developer" names the role).
 * `typed` is the query as typed, stop words included: they are what tells the title from the name.
 */
export function mergeHits<A extends Ranked, P extends Ranked>(
  articles: A[],
  pages: P[],
  typed = '',
  stopWords: ReadonlySet<string> = new Set(),
): (A | P)[] {
  const merged: (A | P)[] = [];
  let i = 0;
  let j = 0;
  while (i < articles.length || j < pages.length) {
    const a = articles[i];
    const p = pages[j];
    if (p && (!a || score(p) >= score(a))) merged.push(pages[j++]!);
    else merged.push(articles[i++]!);
  }
  const lengths = pages.map((page) => namedLength(page, stopWords));
  const named = pages.filter((_, k) => lengths[k]! > 0);
  if (named.length === 0) return merged;
  const longest = Math.max(...lengths);
  const typedWords = new Set(markedWords(typed).map(({ word }) => word));
  const saysMore = (hit: A) => {
    const title = markedWords(hit._formatted?.title);
    return title.length > longest && title.every(({ word, marked }) => marked || typedWords.has(word));
  };
  const first = articles.filter(saysMore);
  const placed = new Set<Ranked>([...first, ...named]);
  return [...first, ...named, ...merged.filter((hit) => !placed.has(hit))];
}

/**
 * The weight `blendMeaning` gives the keyword hits of a query: half for a question of four or more
 * words (stop words aside) whose best keyword hit scores below 0.7, else 1. Meilisearch scores a hit
 * by its ranking rules in order, words first, so such a score says the keyword hits hold only some of
 * the question's words: a question worded unlike the article it means ("generalists who code client
 * and server") matches other articles on a word or two, while meaning finds it. A short query keeps
 * its full weight: its low score is a typo or a prefix, which keyword matching reads right
 * (bench: `relevance` on both corpora).
 */
export function keywordWeight(keyword: Ranked[], typed: string, stopWords: ReadonlySet<string>): number {
  const words = markedWords(typed).filter(({ word }) => !stopWords.has(word));
  return words.length >= 4 && Math.max(0, ...keyword.map(score)) < 0.7 ? 0.5 : 1;
}

/**
 * The keyword hits with the hits ranked by meaning alone blended in by rank: each hit scores 1/n for
 * its place n in each list (nothing where absent; the keyword list's weighted, see `keywordWeight`),
 * best first, keyword order on a tie; the first `limit`. By place, not by score: Meilisearch's keyword
 * and semantic scores are on scales that do not compare, and a hit both rankings put near the top is
 * the surest answer (bench: `relevance` on both corpora). The page asks the two rankings separately
 * because each wants different text: keywords the query without its stop words, a sentence encoder
 * the query as typed (see semantic-results.ts).
 */
export function blendMeaning<H extends { id?: unknown }>(keyword: H[], meaning: H[], limit: number, weight = 1): H[] {
  const scores = new Map<unknown, [number, H]>();
  for (const [list, w] of [
    [keyword, weight],
    [meaning, 1],
  ] as const)
    list.forEach((hit, i) => {
      const [score, first] = scores.get(hit.id) ?? [0, hit];
      scores.set(hit.id, [score + w / (i + 1), first]);
    });
  return [...scores.values()]
    .sort((a, b) => b[0] - a[0])
    .map(([, hit]) => hit)
    .slice(0, limit);
}
