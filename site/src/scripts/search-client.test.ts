import { INDEX_UID, PAGES_INDEX_UID, SALARIES_INDEX_UID } from '@stackguide/contracts/search-index';
import { HIGHLIGHT_PRE, PAGE_RESULTS, SALARY_QUERY } from '@stackguide/contracts/search-queries';
import { describe, expect, it } from 'vitest';
import { createSearchClient, SearchUnavailableError } from './search-client.ts';
import { sectionQuery } from './search-request.ts';

const state = (q: string) => ({ q, page: 1, roles: [], skills: [] });
const answer = (title: string) =>
  new Response(JSON.stringify({ results: [{ hits: [{ title }], estimatedTotalHits: 1, processingTimeMs: 2 }] }));

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
    expect(body.queries.map((q) => q.indexUid)).toEqual([INDEX_UID, PAGES_INDEX_UID, SALARIES_INDEX_UID]);
    expect(body.queries[0]).toMatchObject({ indexUid: INDEX_UID, q: 'go', limit: 7, highlightPreTag: HIGHLIGHT_PRE, filter: [] });
    expect(body.queries[1]).toEqual({ ...PAGE_RESULTS, q: 'go' });
    expect(body.queries[2]).toEqual({ ...SALARY_QUERY, q: 'go' });
    calls[0]!.release(answer('x'));
    await pending;
  });

  it('reports an HTTP error, a network failure and a timeout as SearchUnavailableError', async () => {
    const failing = createSearchClient({ url: 'http://meili.test', key: 'k', fetch: async () => new Response('{}', { status: 503 }) });
    await expect(failing.search(state('a'), 1)).rejects.toThrow(/HTTP 503/);
    const down = createSearchClient({
      url: 'http://meili.test',
      key: 'k',
      fetch: async () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await expect(down.search(state('a'), 1)).rejects.toBeInstanceOf(SearchUnavailableError);
    const hanging = createSearchClient({
      url: 'http://meili.test',
      key: 'k',
      timeoutMs: 10,
      fetch: (_url, init) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
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
});

describe('results first, sections right after', () => {
  const sectionAnswer = (id: string, sections: unknown[]) =>
    new Response(JSON.stringify({ results: [{ hits: [{ id, sections: [], _formatted: { id, sections } }], processingTimeMs: 7 }] }));
  const bodyOf = (init: RequestInit) => JSON.parse(String(init.body)) as { queries: Record<string, unknown>[] };
  const chosen = { q: 'docker', page: 2, roles: ['backend-developer'], skills: [] };

  it('sends every query without the stop words once they are known, and as typed before', async () => {
    const { calls, fetch } = manualFetch();
    const stop = new Set<string>();
    const client = createSearchClient({ url: 'http://meili.test', key: 'k', fetch, stopWords: () => stop });
    const typed = state('what does a frontend developer do');
    void client.search(typed, 10);
    expect(bodyOf(calls[0]!.init).queries[0]!.q).toBe('what does a frontend developer do');
    for (const word of ['what', 'does', 'a', 'do']) stop.add(word);
    const pending = client.search(typed, 10);
    expect(bodyOf(calls[1]!.init).queries.map((q) => q.q)).toEqual(Array(3).fill('frontend developer '));
    calls[1]!.release(answer('a'));
    void (await pending)!.sections();
    expect(bodyOf(calls[2]!.init).queries[0]!.q).toBe('frontend developer ');
    void client.facetSearch(typed, 'skills', 'post');
    expect(JSON.parse(String(calls[3]!.init.body)).q).toBe('frontend developer ');
  });

  it('sends the section query only when asked, after the results, and answers with its hits and processingTimeMs', async () => {
    const { calls, fetch } = manualFetch();
    const client = createSearchClient({ url: 'http://meili.test', key: 'k', fetch });
    const pending = client.search(chosen, 10, 10);
    calls[0]!.release(answer('a'));
    const result = (await pending)!;
    expect(calls).toHaveLength(1);
    const sections = result.sections();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.url).toBe('http://meili.test/multi-search');
    expect(bodyOf(calls[1]!.init).queries).toEqual([sectionQuery(chosen, 10, 10)]);
    calls[1]!.release(sectionAnswer('a1', [{ id: 'intro', heading: 'Intro', text: 'x' }]));
    await expect(sections).resolves.toEqual({
      hits: [{ id: 'a1', sections: [], _formatted: { id: 'a1', sections: [{ id: 'intro', heading: 'Intro', text: 'x' }] } }],
      ms: 7,
    });
  });

  it('asks for the sections of one search once, however often they are wanted', async () => {
    const { calls, fetch } = manualFetch();
    const client = createSearchClient({ url: 'http://meili.test', key: 'k', fetch });
    const pending = client.search(chosen, 10);
    calls[0]!.release(answer('a'));
    const result = (await pending)!;
    const first = result.sections();
    calls[1]!.release(sectionAnswer('a1', []));
    await first;
    await expect(result.sections()).resolves.toEqual(await first);
    expect(calls).toHaveLength(2);
  });

  it('drops the sections of a search that a newer one replaced: in flight (aborted) or not yet asked', async () => {
    const { calls, fetch } = manualFetch();
    const client = createSearchClient({ url: 'http://meili.test', key: 'k', fetch });
    const first = client.search(state('doc'), 5);
    calls[0]!.release(answer('old'));
    const old = (await first)!;
    const oldSections = old.sections();
    const second = client.search(state('docker'), 5);
    expect(calls[1]!.init.signal?.aborted).toBe(true);
    calls[1]!.release(sectionAnswer('old', [{ id: 'stale', heading: 'Stale', text: 'x' }]));
    await expect(oldSections).resolves.toBeNull();
    await expect(old.sections()).resolves.toBeNull();
    expect(calls).toHaveLength(3);
    calls[2]!.release(answer('new'));
    const fresh = (await second)!;
    const freshSections = fresh.sections();
    client.cancel();
    calls[3]!.release(sectionAnswer('new', []));
    await expect(freshSections).resolves.toBeNull();
  });

  it('"More results" leaves the sections of the page already shown coming; a new search drops both', async () => {
    const { calls, fetch } = manualFetch();
    const client = createSearchClient({ url: 'http://meili.test', key: 'k', fetch });
    const first = client.search(state('doc'), 5);
    calls[0]!.release(answer('one'));
    const firstSections = (await first)!.sections();
    const next = client.more(state('doc'), 5, 5);
    expect(calls[1]!.init.signal?.aborted).toBe(false);
    calls[2]!.release(answer('six'));
    const nextSections = (await next)!.sections();
    calls[1]!.release(sectionAnswer('one', [{ id: 'intro', heading: 'Intro', text: 'x' }]));
    await expect(firstSections).resolves.toMatchObject({ hits: [{ id: 'one' }] });
    const third = client.more(state('doc'), 5, 10);
    client.search(state('docker'), 5);
    expect(calls[3]!.init.signal?.aborted).toBe(true);
    expect(calls[4]!.init.signal?.aborted).toBe(true);
    calls[3]!.release(sectionAnswer('six', []));
    calls[4]!.release(answer('eleven'));
    await expect(nextSections).resolves.toBeNull();
    await expect(third).resolves.toBeNull();
  });

  it('a failed section query resolves null, leaving the results as they are', async () => {
    let n = 0;
    const client = createSearchClient({
      url: 'http://meili.test',
      key: 'k',
      fetch: async () => (n++ === 0 ? answer('a') : new Response('{}', { status: 500 })),
    });
    const result = (await client.search(state('a'), 5))!;
    await expect(result.sections()).resolves.toBeNull();
  });
});
