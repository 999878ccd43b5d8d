import { FACETS, INDEX_UID, type FacetName, PAGES_INDEX_UID, SALARIES_INDEX_UID } from '@stackguide/contracts/search-index';
import { PAGE_RESULTS, SALARY_QUERY, SEARCH_RESULTS, SEARCH_SECTIONS } from '@stackguide/contracts/search-queries';
import { type SalaryAnswer, salaryAnswer } from './salary-answer.ts';
import { mergeHits } from './merge-hits.ts';
import { queryText } from './query-text.ts';
import { hasFilters, type SearchState } from './search-url.ts';

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
/** The section query's answer: each hit's `id` with its formatted sections; `ms` is its processingTimeMs. */
export type SectionsResult = { hits: Hit[]; ms: number };
/** A search's results, and the way to ask for their sections once they are painted. */
export type FoundResult = SearchResult & {
  /**
   * Sends the section query (SEARCH_SECTIONS) for the same state, limit and offset. Resolves null when
   * a newer search started meanwhile or the request failed: the results then stay as painted.
   */
  sections(): Promise<SectionsResult | null>;
};
/** One answer of a multi-search, as Meilisearch sends it. */
export type Answer = {
  indexUid?: string;
  hits?: Hit[];
  estimatedTotalHits?: number;
  processingTimeMs?: number;
  facetDistribution?: FacetDistribution;
};

/** Meilisearch could not be reached, answered with an error (its HTTP `status`), or took too long. */
export class SearchUnavailableError extends Error {
  override name = 'SearchUnavailableError';
  readonly status: number | undefined;
  constructor(message: string, options?: ErrorOptions & { status?: number }) {
    super(message, options);
    this.status = options?.status;
  }
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

export type SearchClient = {
  /** Resolves null when a newer search started meanwhile (its answer is the one to show). @throws SearchUnavailableError */
  search(state: SearchState, limit: number, offset?: number): Promise<FoundResult | null>;
  /**
   * The next page of the current search ("More results"): unlike `search`, it leaves the pages
   * already shown alone, so their section snippets still arrive. Null once a newer search started.
   * @throws SearchUnavailableError
   */
  more(state: SearchState, limit: number, offset: number): Promise<FoundResult | null>;
  /** Drops whatever is in flight, e.g. when the query is cleared. */
  cancel(): void;
  /**
   * Answers to a multi-search of the caller's own queries (counts for suggestions), beside the search
   * in flight, given up after `timeoutMs` when set. @throws SearchUnavailableError
   */
  ask(queries: Record<string, unknown>[], timeoutMs?: number): Promise<Answer[]>;
  /**
   * Values of `facet` that contain `text`, with their counts under the state's query and other
   * filters (Meilisearch facet search), most frequent first. @throws SearchUnavailableError
   */
  facetSearch(state: SearchState, facet: FacetName, text: string): Promise<{ value: string; count: number }[]>;
  /** The state as this client sends it: the query without the vocabulary's stop words (see query-text.ts). */
  sent(state: SearchState): SearchState;
  /** Article hits and page hits for the typed query as one list, as `search` merges them (`mergeHits`). */
  merge(articles: Hit[], pages: Hit[], typed: string): Hit[];
};

/**
 * A client that sends one request per call and discards stale answers: each search aborts the
 * previous one (its section query too) and carries a sequence number, so an old response, of either
 * query, can never overwrite a newer one.
 */
export function createSearchClient(opts: {
  url: string;
  key: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** The vocabulary's stop words, lower case; empty until they arrive. */
  stopWords?: () => ReadonlySet<string>;
}): SearchClient {
  const base = opts.url.replace(/\/+$/, '');
  const sent = (state: SearchState): SearchState => {
    const stop = opts.stopWords?.();
    return stop && stop.size > 0 ? { ...state, q: queryText(state.q, stop) } : state;
  };
  const doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
  let sequence = 0;
  const inFlight = new Set<AbortController>();

  /** POSTs `body` to `path` of Meilisearch and returns the JSON answer; aborts after the timeout. */
  async function post(
    path: string,
    body: unknown,
    controller = new AbortController(),
    timeoutMs = opts.timeoutMs ?? 8000,
  ): Promise<unknown> {
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const res = await doFetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.key}` },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      if (!res.ok) throw new SearchUnavailableError(`Meilisearch answered HTTP ${res.status}`, { status: res.status });
      return await res.json();
    } catch (err) {
      throw err instanceof SearchUnavailableError
        ? err
        : new SearchUnavailableError(`Meilisearch at ${base}${path} is unreachable`, { cause: err });
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
    for (const controller of inFlight) controller.abort();
    inFlight.clear();
  };

  /** Runs `request` as the search numbered `mine`: null once a newer search started. */
  async function current<T>(mine: number, request: (controller: AbortController) => Promise<T>): Promise<T | null> {
    const controller = new AbortController();
    inFlight.add(controller);
    try {
      const result = await request(controller);
      return mine === sequence ? result : null;
    } catch (err) {
      if (mine !== sequence) return null;
      throw err;
    } finally {
      inFlight.delete(controller);
    }
  }

  async function sections(mine: number, state: SearchState, limit: number, offset: number): Promise<SectionsResult | null> {
    if (mine !== sequence) return null;
    try {
      return await current(mine, async (controller) => {
        const [answer] = answers(await post('/multi-search', { queries: [sectionQuery(state, limit, offset)] }, controller));
        return { hits: Array.isArray(answer?.hits) ? answer.hits : [], ms: answer?.processingTimeMs ?? 0 };
      });
    } catch {
      return null;
    }
  }

  async function page(typed: SearchState, limit: number, offset: number): Promise<FoundResult | null> {
    const mine = sequence;
    const state = sent(typed);
    const result = await current(mine, async (controller) =>
      mergeAnswers(
        answers(await post('/multi-search', { queries: searchQueries(state, limit, offset) }, controller)),
        typed.q,
        opts.stopWords?.(),
      ),
    );
    return result && { ...result, sections: () => sections(mine, state, limit, offset) };
  }

  return {
    search(state, limit, offset = 0) {
      cancel();
      return page(state, limit, offset);
    },
    more: page,
    cancel,
    ask: async (queries, timeoutMs) => answers(await post('/multi-search', { queries }, undefined, timeoutMs)),
    async facetSearch(state, facet, text) {
      const body = (await post(`/indexes/${INDEX_UID}/facet-search`, {
        facetName: facet,
        facetQuery: text,
        q: sent(state).q,
        filter: buildFilter(state, facet),
      })) as {
        facetHits?: { value: string; count: number }[];
      };
      return Array.isArray(body.facetHits) ? body.facetHits : [];
    },
    sent,
    merge: (articles, pages, typed) => mergeHits(articles, pages, typed, opts.stopWords?.()),
  };
}
