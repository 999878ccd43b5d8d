import { FACETS, INDEX_UID, type FacetName, PAGES_INDEX_UID, SALARIES_INDEX_UID } from '@stackguide/contracts/search-index';
import { PAGE_RESULTS, SALARY_QUERY, SEARCH_RESULTS, SEARCH_SECTIONS } from '@stackguide/contracts/search-queries';
import { mergeHits } from './merge-hits.ts';
import { type SalaryAnswer, salaryAnswer } from './salary-answer.ts';
import { hasFilters, type SearchState } from './search-url.ts';

/**
 * What the site's search asks Meilisearch for a state (the multi-search queries) and how it reads
 * the answers; search-client.ts sends them.
 */

/**
 * One hit as the browser receives it: typed loosely because it comes over the wire. An article, or
 * a role or skill page (`type`, `name`, `summary`).
 */
export type Hit = {
  id?: unknown;
  url?: unknown;
  title?: unknown;
  excerpt?: unknown;
  roleNames?: unknown;
  roles?: unknown;
  skills?: unknown;
  type?: unknown;
  name?: unknown;
  summary?: unknown;
  _rankingScore?: unknown;
  _formatted?: { title?: unknown; excerpt?: unknown; content?: unknown; sections?: unknown; name?: unknown; summary?: unknown };
};
export type FacetDistribution = Partial<Record<FacetName, Record<string, number>>>;
/**
 * A search's results: article hits with the matching role and skill pages merged in (`pages` of
 * them), `total` counting both; the salary answer card's bands when the query asks about pay.
 */
export type SearchResult = {
  hits: Hit[];
  pages: number;
  total: number;
  ms: number;
  facets: FacetDistribution;
  answer: SalaryAnswer | null;
};
/** One answer of a multi-search, as Meilisearch sends it. */
export type Answer = {
  indexUid?: string;
  hits?: Hit[];
  estimatedTotalHits?: number;
  processingTimeMs?: number;
  facetDistribution?: FacetDistribution;
};

const quote = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

/** Meilisearch filter for a state: values of one facet are OR-ed, the facets are AND-ed. */
export function buildFilter(state: SearchState, skip?: FacetName): string[][] {
  return FACETS.filter((facet) => facet !== skip && state[facet].length > 0).map((facet) =>
    state[facet].map((value) => `${facet} = ${quote(value)}`),
  );
}

/** A query that only counts the results of `q` under the state's filters (and, when asked, facet values). */
export const countQuery = (state: SearchState, q: string, facets: FacetName[] = []): Record<string, unknown> => ({
  indexUid: INDEX_UID,
  q,
  filter: buildFilter(state),
  limit: 0,
  facets,
});

/**
 * Multi-search queries for a state: the results query (SEARCH_RESULTS: no section formatting, see the
 * contract); on the first page of a query without filters the role and skill pages (PAGE_RESULTS) and
 * the salary bands (SALARY_QUERY) it names; and for every facet with chosen values a count-only query
 * without that facet's own filter, so its other values keep their counts and can be added (OR)
 * instead of vanishing once one is ticked. A later page (`offset` > 0) asks for article hits alone:
 * the rest came with the first.
 */
export function searchQueries(state: SearchState, limit: number, offset = 0): Record<string, unknown>[] {
  const query = (filter: string[][], extra: Record<string, unknown>) => ({
    indexUid: INDEX_UID,
    ...SEARCH_RESULTS,
    q: state.q,
    filter,
    ...extra,
  });
  if (offset > 0) return [query(buildFilter(state), { limit, offset, facets: [] })];
  const facetOnly = FACETS.filter((facet) => state[facet].length > 0).map((facet) =>
    query(buildFilter(state, facet), { limit: 0, facets: [facet], attributesToHighlight: [], attributesToCrop: [] }),
  );
  // Filters narrow the articles; the pages and the salary answer speak to the query alone.
  const beside =
    state.q.trim() && !hasFilters(state)
      ? [
          { ...PAGE_RESULTS, q: state.q },
          { ...SALARY_QUERY, q: state.q },
        ]
      : [];
  return [query(buildFilter(state), { limit }), ...beside, ...facetOnly];
}

/** The query that follows the results one: the same hits (`q`, filter, limit, offset), only their ids and formatted sections. */
export const sectionQuery = (state: SearchState, limit: number, offset = 0): Record<string, unknown> => ({
  indexUid: INDEX_UID,
  ...SEARCH_SECTIONS,
  q: state.q,
  filter: buildFilter(state),
  limit,
  offset,
});

/** Painted hits with the formatted sections of the section query's hits of the same id; a hit it lacks stays as it was. */
export function withSections(hits: Hit[], sectionHits: Hit[]): Hit[] {
  const byId = new Map(sectionHits.map((hit) => [hit.id, hit._formatted?.sections]));
  return hits.map((hit) => {
    const sections = byId.get(hit.id);
    return sections === undefined ? hit : { ...hit, _formatted: { ...hit._formatted, sections } };
  });
}

const hitsOf = (answer: Answer | undefined) => (Array.isArray(answer?.hits) ? answer.hits : []);

/**
 * One result from the multi-search answers (each names its index): the article hits of the first
 * with the page hits merged in (`mergeHits`: `typed` is the query as typed, `stopWords` the
 * vocabulary's), each facet's counts from its own query, the salary answer.
 */
export function mergeAnswers(answers: Answer[], typed?: string, stopWords?: ReadonlySet<string>): SearchResult {
  const [main, ...rest] = answers;
  const pageHits = hitsOf(rest.find((a) => a.indexUid === PAGES_INDEX_UID));
  const articles = hitsOf(main);
  const facets: FacetDistribution = { ...main?.facetDistribution };
  for (const answer of rest.filter((a) => a.indexUid === INDEX_UID)) Object.assign(facets, answer.facetDistribution);
  const ms = answers.reduce((max, a) => Math.max(max, a.processingTimeMs ?? 0), 0);
  return {
    hits: mergeHits(articles, pageHits, typed, stopWords),
    pages: pageHits.length,
    total: (main?.estimatedTotalHits ?? articles.length) + pageHits.length,
    ms,
    facets,
    answer: salaryAnswer(hitsOf(rest.find((a) => a.indexUid === SALARIES_INDEX_UID))),
  };
}

/** Whether a hit is a role or skill page rather than an article. */
export const isPageHit = (hit: Hit): boolean => hit.type === 'role' || hit.type === 'skill';
