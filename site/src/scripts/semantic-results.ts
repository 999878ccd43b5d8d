import { MEANING_ONLY } from '@stackguide/contracts/search-index';
import { blendMeaning, keywordWeight } from './merge-hits.ts';
import { type SearchClient, SearchUnavailableError } from './search-client.ts';
import { type Hit, searchQueries } from './search-request.ts';
import type { SearchState } from './search-url.ts';

/**
 * How long the page waits for the semantic answer after painting the keyword results. Meilisearch
 * waits seconds for an embedder that is down or slow before it answers (with keyword results, or with
 * hits it did not rank at all), so the keyword results stay when it takes longer than this.
 */
export const SEMANTIC_TIMEOUT_MS = 1_000;

/**
 * The fewest hits the semantic query asks for. Meilisearch's vector search is approximate and explores
 * more of the index for a larger limit: asked for the 10 nearest among thousands of articles, it
 * misses some that a wider search finds (bench: `relevance` at 10,000 articles). The blend keeps the
 * best the page shows.
 */
export const SEMANTIC_CANDIDATES = 50;

/**
 * The lowest ranking score a hit found by meaning keeps. A sentence encoder always has nearest
 * articles, also for text that has nothing to do with the site ("banana bread recipe", a string of
 * random letters); below this floor that is all a hit is, so it joins no results, and a query that
 * keywords miss gets "nothing found" and the suggestions rather than articles that only happen to be
 * nearest (bench: `relevance`, the unrelated queries and the judged ones). Applied here, not as the
 * query's `rankingScoreThreshold`: with fewer hits above it than asked for, Meilisearch searches the
 * vectors exhaustively, long enough to delay the next keystroke's results (bench: `keystroke
 * --semantic`).
 */
export const MEANING_FLOOR = 0.65;

/**
 * The query that follows the keyword results: the same results query (hits only, at least
 * SEMANTIC_CANDIDATES of them; no facets: the counts painted stay) ranked by meaning alone, for the
 * query as typed, with each hit's ranking score, which tells whether Meilisearch ranked it at all.
 * As typed, because a sentence encoder reads the words keyword matching leaves out: "switching
 * careers into server programming" means something "switching careers server programming" does not.
 */
export function semanticQuery(resultsQuery: Record<string, unknown>, typed: string): Record<string, unknown> {
  // The results query asks for ranking scores already.
  const limit = Math.max(Number(resultsQuery.limit ?? 0), SEMANTIC_CANDIDATES);
  return { ...resultsQuery, q: typed, hybrid: MEANING_ONLY, facets: [], limit };
}

type SemanticAnswer = { hits?: unknown; semanticHitCount?: unknown };

/**
 * Whether a semantic answer may replace the keyword results: the embedder took part (some hits came
 * from meaning) and every hit was ranked. When its time budget runs out, Meilisearch returns hits it
 * never ranked, with a ranking score of 0.
 */
export function usableSemantic(
  answer: SemanticAnswer | undefined,
): answer is { hits: { _rankingScore: number }[]; semanticHitCount: number } {
  return (
    Number(answer?.semanticHitCount) > 0 &&
    Array.isArray(answer?.hits) &&
    answer.hits.every((hit: { _rankingScore?: unknown }) => Number(hit?._rankingScore) > 0)
  );
}

/**
 * The keyword article hits with a semantic answer's hits from MEANING_FLOOR up blended in
 * (`blendMeaning`, the keyword hits weighted for the query as `typed`: `keywordWeight`), the first
 * `limit`; null when the answer is not usable or has no such hit.
 */
export function blendedHits(
  answer: SemanticAnswer | undefined,
  keyword: Hit[],
  limit: number,
  typed: string,
  stopWords: ReadonlySet<string>,
): Hit[] | null {
  if (!usableSemantic(answer)) return null;
  // Past its semanticHitCount, an answer lists keyword hits ranked at no weight.
  const meaning = answer.hits.slice(0, answer.semanticHitCount).filter((hit) => hit._rankingScore >= MEANING_FLOOR) as Hit[];
  return meaning.length ? blendMeaning(keyword, meaning, limit, keywordWeight(keyword, typed, stopWords)) : null;
}

export type SemanticSearch = (state: SearchState, limit: number, keyword: Hit[]) => Promise<Hit[] | null>;

/**
 * The page's semantic step: for a state whose keyword results are painted, their article hits
 * (`keyword`) with the semantic query's hits blended in (`blendedHits`), or null when they should
 * stay (no usable answer within SEMANTIC_TIMEOUT_MS: the request is abandoned; or no hit meaning
 * scores from MEANING_FLOOR up).
 * Meilisearch refuses a hybrid query outright (HTTP 4xx) when the index has no embedder, i.e.
 * semantic search is off: the page then stops asking.
 */
export function createSemanticSearch(client: Pick<SearchClient, 'ask' | 'stopWords'>): SemanticSearch {
  let off = false;
  return async (state, limit, keyword) => {
    if (off) return null;
    try {
      const [answer] = await client.ask([semanticQuery(searchQueries(state, limit)[0]!, state.q)], SEMANTIC_TIMEOUT_MS);
      return blendedHits(answer, keyword, limit, state.q, client.stopWords());
    } catch (err) {
      if (err instanceof SearchUnavailableError && err.status !== undefined && err.status < 500) off = true;
      return null;
    }
  };
}
