import { FACETS, INDEX_UID, SEARCH_DISPLAY, type FacetName } from '@stackguide/search-sync/contract';
import type { SearchState } from './search-url.ts';

/** One hit as the browser receives it: typed loosely because it comes over the wire. */
export type Hit = {
  id?: unknown;
  url?: unknown;
  title?: unknown;
  excerpt?: unknown;
  roleNames?: unknown;
  _formatted?: { title?: unknown; excerpt?: unknown; content?: unknown; sections?: unknown };
};
export type FacetDistribution = Partial<Record<FacetName, Record<string, number>>>;
export type SearchResult = { hits: Hit[]; total: number; ms: number; facets: FacetDistribution };
/** One answer of a multi-search, as Meilisearch sends it. */
export type Answer = { hits?: Hit[]; estimatedTotalHits?: number; processingTimeMs?: number; facetDistribution?: FacetDistribution };

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

/** A query that only counts the results of `q` under the state's filters (and, when asked, facet values). */
export const countQuery = (state: SearchState, q: string, facets: FacetName[] = []): Record<string, unknown> => ({
  indexUid: INDEX_UID,
  q,
  filter: buildFilter(state),
  limit: 0,
  facets,
});

/**
 * Multi-search queries for a state: the results query, plus for every facet with chosen values a
 * count-only query without that facet's own filter, so its other values keep their counts and
 * can be added (OR) instead of vanishing once one is ticked. A later page (`offset` > 0) asks for
 * hits alone: the facets were counted with the first.
 */
export function searchQueries(state: SearchState, limit: number, offset = 0): Record<string, unknown>[] {
  const query = (filter: string[][], extra: Record<string, unknown>) => ({ indexUid: INDEX_UID, ...SEARCH_DISPLAY, q: state.q, filter, ...extra });
  if (offset > 0) return [query(buildFilter(state), { limit, offset, facets: [] })];
  const facetOnly = FACETS.filter((facet) => state[facet].length > 0).map((facet) =>
    query(buildFilter(state, facet), { limit: 0, facets: [facet], attributesToHighlight: [], attributesToCrop: [] }),
  );
  return [query(buildFilter(state), { limit }), ...facetOnly];
}

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
  search(state: SearchState, limit: number, offset?: number): Promise<SearchResult | null>;
  /** Drops whatever is in flight, e.g. when the query is cleared. */
  cancel(): void;
  /** Answers to a multi-search of the caller's own queries (counts for suggestions), beside the search in flight. @throws SearchUnavailableError */
  ask(queries: Record<string, unknown>[]): Promise<Answer[]>;
  /**
   * Values of `facet` that contain `text`, with their counts under the state's query and other
   * filters (Meilisearch facet search), most frequent first. @throws SearchUnavailableError
   */
  facetSearch(state: SearchState, facet: FacetName, text: string): Promise<{ value: string; count: number }[]>;
};

/**
 * A client that sends one request per call and discards stale answers: each search aborts the
 * previous one and carries a sequence number, so an old response can never overwrite a newer one.
 */
export function createSearchClient(opts: { url: string; key: string; timeoutMs?: number; fetch?: typeof fetch }): SearchClient {
  const base = opts.url.replace(/\/+$/, '');
  const doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
  let sequence = 0;
  let inFlight: AbortController | null = null;

  /** POSTs `body` to `path` of Meilisearch and returns the JSON answer; aborts after the timeout. */
  async function post(path: string, body: unknown, controller = new AbortController()): Promise<unknown> {
    const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? 8000);
    try {
      const res = await doFetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.key}` },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      if (!res.ok) throw new SearchUnavailableError(`Meilisearch answered HTTP ${res.status}`);
      return await res.json();
    } catch (err) {
      throw err instanceof SearchUnavailableError ? err : new SearchUnavailableError(`Meilisearch at ${base}${path} is unreachable`, { cause: err });
    } finally {
      clearTimeout(timer);
    }
  }
  const answers = (body: unknown): Answer[] => {
    const results = (body as { results?: unknown } | null)?.results;
    return Array.isArray(results) ? results : [];
  };

  const cancel = () => {
    sequence++;
    inFlight?.abort();
    inFlight = null;
  };

  async function search(state: SearchState, limit: number, offset = 0): Promise<SearchResult | null> {
    cancel();
    const mine = sequence;
    const controller = new AbortController();
    inFlight = controller;
    try {
      const body = await post('/multi-search', { queries: searchQueries(state, limit, offset) }, controller);
      return mine === sequence ? mergeAnswers(answers(body)) : null;
    } catch (err) {
      if (mine !== sequence) return null;
      throw err;
    } finally {
      if (inFlight === controller) inFlight = null;
    }
  }

  return {
    search,
    cancel,
    ask: async (queries) => answers(await post('/multi-search', { queries })),
    async facetSearch(state, facet, text) {
      const body = (await post(`/indexes/${INDEX_UID}/facet-search`, { facetName: facet, facetQuery: text, q: state.q, filter: buildFilter(state, facet) })) as {
        facetHits?: { value: string; count: number }[];
      };
      return Array.isArray(body.facetHits) ? body.facetHits : [];
    },
  };
}
