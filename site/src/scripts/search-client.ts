import { type FacetName, INDEX_UID } from '@stackguide/contracts/search-index';
import { mergeHits } from './merge-hits.ts';
import { queryText } from './query-text.ts';
import { type Answer, buildFilter, type Hit, mergeAnswers, type SearchResult, searchQueries, sectionQuery } from './search-request.ts';
import type { SearchState } from './search-url.ts';

/** The section query's answer: each hit's `id` with its formatted sections; `ms` is its processingTimeMs. */
export type SectionsResult = { hits: Hit[]; ms: number };
/** A search's results, and the way to ask for their sections once they are painted. */
export type FoundResult = SearchResult & {
  /**
   * Sends the section query (SEARCH_SECTIONS) for the same state, limit and offset, once: later calls
   * share its answer. Resolves null when a newer search started meanwhile or the request failed: the
   * results then stay as painted.
   */
  sections(): Promise<SectionsResult | null>;
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
  /** Article hits and page hits for the typed query as one list, as `search` merges them (`mergeHits`). */
  merge(articles: Hit[], pages: Hit[], typed: string): Hit[];
  /** The vocabulary's stop words, lower case; empty until they arrive. */
  stopWords(): ReadonlySet<string>;
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
      if (!res.ok) throw new SearchUnavailableError(`HTTP ${res.status} from ${base}${path}`, { status: res.status });
      return await res.json();
    } catch (err) {
      throw err instanceof SearchUnavailableError ? err : new SearchUnavailableError(`${base}${path} is unreachable`, { cause: err });
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
    // The semantic swap upgrades the same search's hits again: asking Meilisearch twice for the same
    // sections, its most expensive query, would compete with the visitor's next keystroke.
    let asked: Promise<SectionsResult | null> | undefined;
    return result && { ...result, sections: () => (asked ??= sections(mine, state, limit, offset)) };
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
    merge: (articles, pages, typed) => mergeHits(articles, pages, typed, opts.stopWords?.()),
    stopWords: () => opts.stopWords?.() ?? new Set(),
  };
}
