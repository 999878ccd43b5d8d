import { HIGHLIGHT_PRE, INDEX_UID } from '@stackguide/search-sync/contract';
import { describe, expect, it } from 'vitest';
import { buildFilter, createSearchClient, mergeAnswers, searchQueries, SearchUnavailableError } from './search-client.ts';

const state = (q: string) => ({ q, page: 1, roles: [], skills: [] });
const answer = (title: string) => new Response(JSON.stringify({ results: [{ hits: [{ title }], estimatedTotalHits: 1, processingTimeMs: 2 }] }));

/** A fetch whose responses the test releases by hand, in any order, ignoring aborts like a late network would. */
function manualFetch() {
  const calls: { url: string; init: RequestInit; release: (res: Response) => void }[] = [];
  const fetch = (url: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((release) => calls.push({ url: String(url), init: init ?? {}, release }));
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

describe('search client', () => {
  it('discards a response that arrives after a newer search started', async () => {
    const { calls, fetch } = manualFetch();
    const client = createSearchClient({ url: 'http://meili.test/', key: 'search-key', fetch });
    const first = client.search(state('pos'), 5);
    const second = client.search(state('postgres'), 5);
    expect(calls[0]!.init.signal?.aborted).toBe(true);
    calls[1]!.release(answer('new'));
    calls[0]!.release(answer('old'));
    await expect(second).resolves.toMatchObject({ hits: [{ title: 'new' }], total: 1, ms: 2 });
    await expect(first).resolves.toBeNull();
  });

  it('posts the contract display settings for the contract index with the search key', async () => {
    const { calls, fetch } = manualFetch();
    const client = createSearchClient({ url: 'http://meili.test/', key: 'search-key', fetch });
    const pending = client.search({ q: 'go', page: 1, roles: [], skills: [] }, 7);
    expect(calls[0]!.url).toBe('http://meili.test/multi-search');
    expect(new Headers(calls[0]!.init.headers).get('authorization')).toBe('Bearer search-key');
    const body = JSON.parse(String(calls[0]!.init.body)) as { queries: Record<string, unknown>[] };
    expect(body.queries).toHaveLength(1);
    expect(body.queries[0]).toMatchObject({ indexUid: INDEX_UID, q: 'go', limit: 7, highlightPreTag: HIGHLIGHT_PRE, filter: [] });
    calls[0]!.release(answer('x'));
    await pending;
  });

  it('reports an HTTP error, a network failure and a timeout as SearchUnavailableError', async () => {
    const failing = createSearchClient({ url: 'http://meili.test', key: 'k', fetch: async () => new Response('{}', { status: 503 }) });
    await expect(failing.search(state('a'), 1)).rejects.toThrow(/HTTP 503/);
    const down = createSearchClient({ url: 'http://meili.test', key: 'k', fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(down.search(state('a'), 1)).rejects.toBeInstanceOf(SearchUnavailableError);
    const hanging = createSearchClient({
      url: 'http://meili.test',
      key: 'k',
      timeoutMs: 10,
      fetch: (_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    });
    await expect(hanging.search(state('a'), 1)).rejects.toBeInstanceOf(SearchUnavailableError);
  });

  it('cancel() turns the pending answer stale', async () => {
    const { calls, fetch } = manualFetch();
    const client = createSearchClient({ url: 'http://meili.test', key: 'k', fetch });
    const pending = client.search(state('a'), 1);
    client.cancel();
    calls[0]!.release(answer('late'));
    await expect(pending).resolves.toBeNull();
  });

  it('builds no filter without facets and highlights the cropped content too', () => {
    expect(buildFilter(state('x'))).toEqual([]);
    expect(searchQueries(state('x'), 3)[0]!.attributesToHighlight).toContain('content');
  });
});

describe('facet counts for combinable filters', () => {
  const chosen = { q: 'go', page: 1, roles: ['backend-developer'], skills: ['Go', 'A"B'] };

  it('ORs values within a facet, ANDs facets, and counts each chosen facet without its own filter', () => {
    const [main, roles, skills] = searchQueries(chosen, 20);
    expect(main).toMatchObject({ limit: 20, filter: [['roles = "backend-developer"'], ['skills = "Go"', 'skills = "A\\"B"']] });
    expect(roles).toMatchObject({ limit: 0, facets: ['roles'], filter: [['skills = "Go"', 'skills = "A\\"B"']] });
    expect(skills).toMatchObject({ limit: 0, facets: ['skills'], filter: [['roles = "backend-developer"']] });
  });

  it('takes hits from the first answer and each facet from its own query', () => {
    const merged = mergeAnswers([
      { hits: [{ title: 'a' }], estimatedTotalHits: 1, processingTimeMs: 1, facetDistribution: { roles: { b: 1 }, skills: { Go: 1 } } },
      { hits: [], processingTimeMs: 4, facetDistribution: { roles: { b: 1, f: 3 } } },
    ]);
    expect(merged).toEqual({ hits: [{ title: 'a' }], total: 1, ms: 4, facets: { roles: { b: 1, f: 3 }, skills: { Go: 1 } } });
    expect(mergeAnswers([])).toEqual({ hits: [], total: 0, ms: 0, facets: {} });
  });
});
