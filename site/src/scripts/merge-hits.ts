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
 * The keyword hits with the hits ranked by meaning alone blended in, the way Meilisearch's hybrid
 * search blends its two rankings: each hit's ranking score weighed by `ratio` (meaning) or its
 * complement (keywords), best first, a hit both found kept at its better place; the first `limit`.
 * The page asks the two rankings separately because each wants different text: keywords the query
 * without its stop words, a sentence encoder the query as typed (see semantic-results.ts).
 */
export function blendMeaning<H extends Ranked & { id?: unknown }>(keyword: H[], meaning: H[], ratio: number, limit: number): H[] {
  const weighed = [
    ...keyword.map((hit) => [score(hit) * (1 - ratio), hit] as const),
    ...meaning.map((hit) => [score(hit) * ratio, hit] as const),
  ];
  const seen = new Set<unknown>();
  return weighed
    .sort((a, b) => b[0] - a[0])
    .map(([, hit]) => hit)
    .filter((hit) => !seen.has(hit.id) && Boolean(seen.add(hit.id)))
    .slice(0, limit);
}
