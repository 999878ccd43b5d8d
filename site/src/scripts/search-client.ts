import { FACETS, INDEX_UID, SEARCH_DISPLAY, type FacetName } from '@stackguide/search-sync/contract';
import type { SearchState } from './search-url.ts';

/** One hit as the browser receives it: typed loosely because it comes over the wire. */
export type Hit = {
  id?: unknown;
  url?: unknown;
  title?: unknown;
  excerpt?: unknown;
  roleNames?: unknown;
  _formatted?: { title?: unknown; excerpt?: unknown; content?: unknown };
};
export type FacetDistribution = Partial<Record<FacetName, Record<string, number>>>;
export type SearchResult = { hits: Hit[]; total: number; ms: number; facets: FacetDistribution };

/** Meilisearch could not be reached, answered with an error, or took too long. */
export class SearchUnavailableError extends Error {
  override name = 'SearchUnavailableError';
}

const quote = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

/** Meilisearch filter for a state: values of one facet are OR-ed, the facets are AND-ed. */
export function buildFilter(state: SearchState, skip?: FacetName): string[][] {
  return FACETS.filter((facet) => facet !== skip && state[facet].length > 0).map((facet) =>
    state[facet].map((value) => `${facet} = ${quote(value)}`),
  );
}

/**
 * Multi-search queries for a state: the results query, plus for every facet with chosen values a
 * count-only query without that facet's own filter, so its other values keep their counts and
 * can be added (OR) instead of vanishing once one is ticked.
 */
export function searchQueries(state: SearchState, limit: number): Record<string, unknown>[] {
  const query = (filter: string[][], extra: Record<string, unknown>) => ({
    indexUid: INDEX_UID,
    ...SEARCH_DISPLAY,
    attributesToHighlight: [...SEARCH_DISPLAY.attributesToHighlight, 'content'],
    q: state.q,
    filter,
    ...extra,
  });
  const facetOnly = FACETS.filter((facet) => state[facet].length > 0).map((facet) =>
    query(buildFilter(state, facet), { limit: 0, facets: [facet], attributesToHighlight: [], attributesToCrop: [] }),
  );
  return [query(buildFilter(state), { limit }), ...facetOnly];
}

type Answer = { hits?: Hit[]; estimatedTotalHits?: number; processingTimeMs?: number; facetDistribution?: FacetDistribution };

/** One result from the multi-search answers: hits of the first, each facet's counts from its own query. */
export function mergeAnswers(answers: Answer[]): SearchResult {
  const [main, ...facetOnly] = answers;
  const hits = Array.isArray(main?.hits) ? main.hits : [];
  const facets: FacetDistribution = { ...main?.facetDistribution };
  for (const answer of facetOnly) Object.assign(facets, answer.facetDistribution);
  const ms = answers.reduce((max, a) => Math.max(max, a.processingTimeMs ?? 0), 0);
  return { hits, total: main?.estimatedTotalHits ?? hits.length, ms, facets };
}

export type SearchClient = {
  /** Resolves null when a newer search started meanwhile (its answer is the one to show). @throws SearchUnavailableError */
  search(state: SearchState, limit: number): Promise<SearchResult | null>;
  /** Drops whatever is in flight, e.g. when the query is cleared. */
  cancel(): void;
};

/**
 * A client that sends one request per call and discards stale answers: each call aborts the
 * previous one and carries a sequence number, so an old response can never overwrite a newer one.
 */
export function createSearchClient(opts: { url: string; key: string; timeoutMs?: number; fetch?: typeof fetch }): SearchClient {
  const endpoint = `${opts.url.replace(/\/+$/, '')}/multi-search`;
  const doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
  let sequence = 0;
  let inFlight: AbortController | null = null;

  const cancel = () => {
    sequence++;
    inFlight?.abort();
    inFlight = null;
  };

  async function search(state: SearchState, limit: number): Promise<SearchResult | null> {
    cancel();
    const mine = sequence;
    const controller = new AbortController();
    inFlight = controller;
    const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? 8000);
    try {
      const res = await doFetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.key}` },
        body: JSON.stringify({ queries: searchQueries(state, limit) }),
        signal: controller.signal,
      });
      if (!res.ok) throw new SearchUnavailableError(`Meilisearch answered HTTP ${res.status}`);
      const body = (await res.json()) as { results?: Answer[] };
      if (mine !== sequence) return null;
      return mergeAnswers(Array.isArray(body.results) ? body.results : []);
    } catch (err) {
      if (mine !== sequence) return null;
      throw err instanceof SearchUnavailableError ? err : new SearchUnavailableError(`Meilisearch at ${endpoint} is unreachable`, { cause: err });
    } finally {
      clearTimeout(timer);
      if (inFlight === controller) inFlight = null;
    }
  }

  return { search, cancel };
}
