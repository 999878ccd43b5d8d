import { HIGHLIGHT_PRE, INDEX_UID } from '@stackguide/search-sync/contract';
import { describe, expect, it } from 'vitest';
import { buildFilter, createSearchClient, searchBody, SearchUnavailableError } from './search-client.ts';

const state = (q: string) => ({ q, roles: [], skills: [] });
const answer = (title: string) => new Response(JSON.stringify({ hits: [{ title }], estimatedTotalHits: 1, processingTimeMs: 2 }));

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

  it('posts the contract display settings to the contract index with the search key', async () => {
    const { calls, fetch } = manualFetch();
    const client = createSearchClient({ url: 'http://meili.test/', key: 'search-key', fetch });
    const pending = client.search({ q: 'go', roles: ['backend-developer'], skills: ['Go', 'A"B'] }, 7);
    expect(calls[0]!.url).toBe(`http://meili.test/indexes/${INDEX_UID}/search`);
    expect(new Headers(calls[0]!.init.headers).get('authorization')).toBe('Bearer search-key');
    const body = JSON.parse(String(calls[0]!.init.body)) as Record<string, unknown>;
    expect(body).toMatchObject({ q: 'go', limit: 7, highlightPreTag: HIGHLIGHT_PRE, filter: [['roles = "backend-developer"'], ['skills = "Go"', 'skills = "A\\"B"']] });
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
    expect(searchBody(state('x'), 3).attributesToHighlight).toContain('content');
  });
});
