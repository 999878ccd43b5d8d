import { createAddressBar } from './address-bar.ts';
import { attachCombobox } from './combobox.ts';
import { attachFacetColumn } from './facet-column.ts';
import { hitFacets } from './facets.ts';
import { attachFiltersPanel } from './filters-panel.ts';
import { type RoleLink, startingPoints, suggestionsHtml } from './no-results.ts';
import { renderHits, resultCountText, upgradeSections } from './results-render.ts';
import { salaryCardHtml } from './salary-answer.ts';
import type { FoundResult, SearchClient } from './search-client.ts';
import { type Hit, isPageHit } from './search-request.ts';
import { UNAVAILABLE_HTML } from './search-header.ts';
import { arrivedWithQuery, onResultOpened, type SearchReporter } from './search-report.ts';
import { createSemanticSearch } from './semantic-results.ts';
import {
  EMPTY_STATE,
  hasCriteria,
  hasFilters,
  isFacet,
  MAX_PAGE,
  PAGE_SIZE,
  parseState,
  type SearchState,
  stateToSearch,
  toggleFacet,
} from './search-url.ts';
import type { SyncApi } from './sync-api.ts';

type Parts = { results?: string; facets?: string; message?: string; status: string; fallback: boolean; more?: boolean };

/**
 * Enhances /search/: live results with facets, state in the URL (typing replaces the history
 * entry; a filter change or "More results" pushes one, so back/forward walk through them). The
 * server-rendered list of all articles stays for empty queries, no results and errors.
 */
export function enhancePage(app: HTMLElement, client: SearchClient, api: SyncApi, reporter: SearchReporter, withSemantic = false): void {
  const input = document.querySelector<HTMLInputElement>('#search-q');
  const status = app.querySelector<HTMLElement>('[data-search-status]');
  const message = app.querySelector<HTMLElement>('[data-search-message]');
  const facets = app.querySelector<HTMLElement>('[data-search-facets]');
  const listbox = app.querySelector<HTMLElement>('[role=listbox]');
  const more = app.querySelector<HTMLButtonElement>('[data-more-results]');
  const fallback = document.querySelector<HTMLElement>('#search-fallback');
  if (!input || !status || !message || !facets || !listbox || !more || !fallback) return;
  const roles = JSON.parse(app.dataset.roles ?? '[]') as RoleLink[];
  const roleNames = Object.fromEntries(roles.map((r) => [r.slug, r.name]));
  let state = parseState(location.search);
  const column = attachFacetColumn(facets, client, roleNames, () => state);
  let total = 0;
  /** Articles (not pages) shown: where "More results" goes on from. */
  let fetched = 0;
  let articleTotal = 0;
  let runs = 0;
  const semantic = createSemanticSearch(client);

  /**
   * Upgrades the painted hits with their sections; `data-section-ms` on the app (the section query's
   * processingTimeMs) is set only here, once per upgrade, so a benchmark can time it.
   */
  const upgrade = async (result: FoundResult, first = 0) => {
    const ms = await upgradeSections(listbox, result, 'search-hit', state.q, first);
    if (ms !== null) app.dataset.sectionMs = String(ms);
  };

  const address = createAddressBar();
  const go = (next: SearchState, push: boolean) => {
    state = next;
    // The search request leaves first: a history update takes the browser long enough to delay it.
    void run();
    const url = `${location.pathname}${stateToSearch(state)}`;
    if (push) address.push(url);
    else address.type(url);
  };
  const combobox = attachCombobox(input, listbox, () => go({ ...state, q: '', page: 1 }, false));
  const filters = attachFiltersPanel(app);

  /** The salary card, when the query asks about pay, above the hits. */
  const resultsHtml = (result: FoundResult, hits: Hit[]) =>
    (result.answer ? salaryCardHtml(result.answer, 'search-answer') : '') + renderHits(hits, 'search-hit', state.q);

  const show = (parts: Parts) => {
    listbox.innerHTML = parts.results ?? '';
    column.show(parts.facets ?? '');
    filters?.update(state.roles.length + state.skills.length, Boolean(parts.facets));
    message.innerHTML = parts.message ?? '';
    status.textContent = parts.status;
    fallback.hidden = !parts.fallback;
    more.hidden = !parts.more;
    combobox.update(Boolean(parts.results));
  };

  const run = async (): Promise<void> => {
    const mine = ++runs;
    input.value = state.q;
    delete app.dataset.semantic;
    if (!hasCriteria(state)) {
      client.cancel();
      show({ message: `<p>Type to search.</p>${startingPoints([], roles)}`, status: '', fallback: true });
      const html = `<p>Type to search.</p>${startingPoints(await api.popular(), roles)}`;
      if (mine === runs) message.innerHTML = html;
      return;
    }
    try {
      const result = await client.search(state, state.page * PAGE_SIZE);
      if (!result) return;
      const facetsHtml = await column.html(state, result.facets);
      if (mine !== runs) return;
      total = result.total;
      articleTotal = total - result.pages;
      fetched = result.hits.length - result.pages;
      const none = result.hits.length === 0;
      const q = state.q.trim();
      // The status line above already says that nothing matched; this offers the ways on.
      const noneHtml = hasFilters(state)
        ? '<p>Nothing matches with these filters. <button type="button" data-clear-filters>Remove all filters</button></p>'
        : '';
      show({
        results: resultsHtml(result, result.hits),
        facets: facetsHtml,
        message: none ? noneHtml : '',
        status: resultCountText(result.total, result.ms, state.q),
        fallback: none,
        more: fetched < articleTotal && state.page < MAX_PAGE,
      });
      if (q) reporter.showed(q, total);
      // The hybrid query goes after the section query, so what the visitor sees first is never slowed by it.
      if (!none) {
        await upgrade(result);
        return void (await withMeaning(result, mine));
      }
      if (await withMeaning(result, mine)) return;
      const suggestions = await suggestionsHtml(client, api, state, roles);
      if (mine === runs) message.innerHTML = noneHtml + suggestions;
    } catch {
      if (mine === runs)
        show({
          message: `<p>${UNAVAILABLE_HTML} They are also listed below.</p>`,
          status: 'Search is unavailable right now.',
          fallback: true,
        });
    }
  };

  /**
   * Swaps in the hybrid query's hits for the painted keyword ones (or for "no results") when they
   * arrive in time, in the same list, unless the visitor has started moving through the results.
   * `data-semantic` on the app says which it was: "shown", or "abandoned" (what was painted stays).
   * False when nothing was swapped in.
   */
  const withMeaning = async (result: FoundResult, mine: number): Promise<boolean> => {
    // Without an embedder Meilisearch refuses hybrid queries; asking anyway logs an error per page.
    if (!withSemantic) return false;
    const hits = await semantic(
      state,
      state.page * PAGE_SIZE,
      result.hits.filter((hit) => !isPageHit(hit)),
    );
    // With no keyword article to count, the filters count what meaning found.
    const facetsHtml = hits?.length && !articleTotal ? await column.html(state, hitFacets(hits)) : column.shown();
    if (mine !== runs) return true;
    const moving = input.hasAttribute('aria-activedescendant');
    app.dataset.semantic = hits?.length && !moving ? 'shown' : 'abandoned';
    if (!hits?.length || moving) return false;
    // Only articles have vectors: the role and skill pages and the salary card painted stay.
    const merged = client.merge(hits, result.hits.filter(isPageHit), state.q);
    articleTotal = Math.max(articleTotal, hits.length);
    total = Math.max(total, articleTotal + result.pages);
    fetched = hits.length;
    show({
      results: resultsHtml(result, merged),
      facets: facetsHtml,
      status: resultCountText(total, result.ms, state.q),
      fallback: false,
      more: fetched < articleTotal && state.page < MAX_PAGE,
    });
    await upgrade({ ...result, hits: merged });
    return true;
  };

  /** "More results": the next page under the ones shown, its page in the URL, focus on its first result. */
  const loadMore = async (): Promise<void> => {
    const mine = runs;
    const result = await client.more(state, PAGE_SIZE, fetched).catch(() => null);
    if (!result || mine !== runs) return;
    // Options are numbered across the whole list, the pages merged into the first page included.
    const first = listbox.querySelectorAll('.search-hit:not(.search-answer)').length;
    listbox.insertAdjacentHTML('beforeend', renderHits(result.hits, 'search-hit', state.q, first));
    fetched += result.hits.length;
    state = { ...state, page: state.page + 1 };
    address.push(`${location.pathname}${stateToSearch(state)}`);
    more.hidden = fetched >= articleTotal || result.hits.length === 0 || state.page >= MAX_PAGE;
    combobox.update(true);
    status.textContent = `Showing ${first + result.hits.length} of ${total} results.`;
    listbox.querySelector<HTMLElement>(`#search-hit-${first}`)?.focus();
    await upgrade(result, first);
  };

  input.addEventListener('input', () => go({ ...state, q: input.value, page: 1 }, false));
  input.form?.addEventListener('submit', (event) => {
    event.preventDefault();
    go({ ...state, q: input.value, page: 1 }, false);
    reporter.flush();
  });
  more.addEventListener('click', () => void loadMore());
  onResultOpened(listbox, (position) => reporter.opened(state.q, total, position));
  app.addEventListener('change', (event) => {
    const box = event.target;
    if (box instanceof HTMLInputElement && isFacet(box.dataset.facet)) go(toggleFacet(state, box.dataset.facet, box.value), true);
  });
  app.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const link = target?.closest<HTMLAnchorElement>('a[data-go]');
    if (link) {
      event.preventDefault();
      go(parseState(link.search), true);
    } else if (target?.closest('[data-clear-filters]')) {
      go({ ...EMPTY_STATE, q: state.q }, true);
    }
  });
  addEventListener('popstate', () => {
    address.forget();
    state = parseState(location.search);
    void run();
  });
  if (state.q.trim() && arrivedWithQuery()) reporter.skip(state.q);
  app.hidden = false;
  void run();
}
